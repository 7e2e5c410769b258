/** What a check sees of Redshift: the slice src/aws/collectors/redshift.ts fills. */
import type { Result } from '../engine/state.js';

export interface RedshiftCluster {
  readonly id: string;
  readonly publiclyAccessible: boolean;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly parameterGroups: readonly string[];
  /** Whether every parameter group of the cluster sets require_ssl to true. */
  readonly requireSsl: Result<boolean>;
  /** Audit logging to S3 or CloudWatch Logs. */
  readonly auditLogging: Result<boolean>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'redshift.clusters': readonly RedshiftCluster[];
  }
}

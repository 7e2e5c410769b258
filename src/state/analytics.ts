/** What a check sees of SageMaker, EMR, DMS, EKS, ElastiCache and CodeBuild: the slices src/aws/collectors/analytics.ts fills. */
import type { Result } from '../engine/state.js';

export interface SageMakerNotebook {
  readonly name: string;
  readonly arn: string;
  readonly directInternetAccess: boolean;
  readonly kmsKeyId: string | null;
  readonly rootAccess: boolean;
}

export interface EmrCluster {
  readonly id: string;
  readonly name: string;
  readonly securityConfiguration: string | null;
  /** At-rest and in-transit encryption of its security configuration; null when it has none. */
  readonly encryption: Result<{ readonly atRest: boolean; readonly inTransit: boolean } | null>;
}

export interface DmsInstance {
  readonly id: string;
  readonly arn: string;
  readonly publiclyAccessible: boolean;
}

export interface EksCluster {
  readonly name: string;
  readonly arn: string;
  readonly secretsEncrypted: boolean;
  readonly endpointPublic: boolean;
  readonly endpointPrivate: boolean;
  readonly publicCidrs: readonly string[];
}

export interface CacheGroup {
  readonly id: string;
  readonly arn: string;
  readonly transitEncryption: boolean;
  readonly atRestEncryption: boolean;
  /** Days automatic backups are kept; 0 when they are off. */
  readonly snapshotRetentionDays: number;
}

export interface CodeBuildProject {
  readonly name: string;
  readonly arn: string;
  /** Names of PLAINTEXT environment variables that look like AWS credentials. */
  readonly plaintextCredentials: readonly string[];
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'analytics.sagemakerNotebooks': readonly SageMakerNotebook[];
    /** EMR block public access: enabled, and the ports it still permits. */
    'analytics.emrBlockPublicAccess': { readonly enabled: boolean; readonly permittedPorts: readonly string[] };
    'analytics.emrClusters': readonly EmrCluster[];
    'analytics.dmsInstances': readonly DmsInstance[];
    'analytics.eksClusters': readonly EksCluster[];
    'analytics.cacheGroups': readonly CacheGroup[];
    'analytics.codebuildProjects': readonly CodeBuildProject[];
  }
}

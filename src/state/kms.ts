/** What a check sees of kms: the slices the kms collector fills (src/aws/collectors/kms.ts). */
import type { CollectError, Result } from '../engine/state.js';
import type { PolicyDocument } from './iam.js';

export interface KmsKey {
  readonly id: string;
  readonly arn: string;
  readonly aliases: readonly string[];
  /** null when DescribeKey was refused (then `error` says why). */
  readonly manager: 'AWS' | 'CUSTOMER' | null;
  /** "Enabled", "Disabled", "PendingDeletion", "PendingReplicaDeletion", … */
  readonly state: string | null;
  readonly keySpec: string | null;
  readonly keyUsage: string | null;
  readonly origin: string | null;
  readonly deletionDate: string | null;
  readonly description: string;
  /** Why DescribeKey could not be read, when it could not. */
  readonly error?: CollectError;
  /** Automatic rotation; null when it does not apply (AWS managed, asymmetric, imported, disabled keys). */
  readonly rotation: Result<boolean | null>;
  /** The default key policy; null when not read (AWS managed or disabled keys). */
  readonly policy: Result<PolicyDocument | null>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'kms.keys': readonly KmsKey[];
  }
}

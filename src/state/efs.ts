/** What a check sees of efs: the slices the efs collector fills (src/aws/collectors/efs.ts). */
import type { Result } from '../engine/state.js';

export type EfsBackupStatus = 'ENABLED' | 'DISABLED' | 'ENABLING' | 'DISABLING';

export interface EfsFileSystem {
  readonly id: string;
  readonly arn: string;
  readonly name: string | null;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  /** AWS Backup's automatic backups for the file system; no policy at all reads as DISABLED. */
  readonly backupPolicy: Result<EfsBackupStatus>;
  readonly tags: Readonly<Record<string, string>>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'efs.fileSystems': readonly EfsFileSystem[];
  }
}

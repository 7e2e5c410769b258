/** What a check sees of backup: the slices the backup collector fills (src/aws/collectors/backup.ts). */
import type { Result } from '../engine/state.js';

export interface BackupCopy {
  readonly destinationVaultArn: string;
  readonly deleteAfterDays: number | null;
}

export interface BackupRule {
  readonly name: string;
  /** cron(…) or rate(…); AWS Backup's default when absent is daily at 05:00 UTC. */
  readonly schedule: string | null;
  readonly targetVault: string;
  /** null: recovery points are kept until someone deletes them. */
  readonly deleteAfterDays: number | null;
  readonly continuous: boolean;
  readonly copies: readonly BackupCopy[];
}

export interface BackupSelection {
  readonly name: string;
  /** ARNs, possibly with wildcards ("arn:aws:rds:*:*:db:*", "*"). */
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** Tag conditions: a resource carrying key=value is selected (StringEquals conditions). */
  readonly tags: readonly { readonly key: string; readonly value: string }[];
}

export interface BackupPlan {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly rules: readonly BackupRule[];
  readonly selections: Result<readonly BackupSelection[]>;
}

export interface ProtectedResource {
  readonly arn: string;
  readonly type: string;
  readonly lastBackup: string | null;
}

export interface BackupVault {
  readonly name: string;
  readonly arn: string;
  readonly encryptionKeyArn: string | null;
  readonly recoveryPoints: number;
  /** Vault Lock: recovery points cannot be deleted before minRetentionDays, by anyone. */
  readonly locked: boolean;
  readonly minRetentionDays: number | null;
  readonly maxRetentionDays: number | null;
  /** When the lock becomes immutable (compliance mode); null for governance mode or no lock. */
  readonly lockDate: string | null;
  /** BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, RESTORE_ACCESS_BACKUP_VAULT. */
  readonly vaultType: string;
}

export interface RecoveryPoint {
  readonly arn: string;
  readonly vault: string;
  readonly resourceArn: string;
  readonly resourceType: string;
  readonly encrypted: boolean;
  readonly createdAt: string | null;
  readonly status: string;
}

export interface RestoreTestingPlan {
  readonly name: string;
  readonly arn: string;
  readonly schedule: string | null;
  readonly lastRun: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'backup.plans': readonly BackupPlan[];
    'backup.protectedResources': readonly ProtectedResource[];
    'backup.vaults': readonly BackupVault[];
    /** The newest recovery points of every vault (at most 200 per vault). */
    'backup.recoveryPoints': readonly RecoveryPoint[];
    'backup.restoreTestingPlans': readonly RestoreTestingPlan[];
  }
}

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

/** One tag condition of a selection's `Conditions` (keys without the `aws:ResourceTag/` prefix). */
export interface BackupCondition {
  readonly op: 'StringEquals' | 'StringNotEquals' | 'StringLike' | 'StringNotLike';
  readonly key: string;
  readonly value: string;
}

/**
 * What a selection assigns, as AWS Backup combines it: a resource must match one of `resources`
 * (when any are given), at least one of `tags` (ListOfTags, OR; when any are given) and every one of
 * `conditions` (AND), and none of `notResources`. Tag comparisons are case sensitive.
 */
export interface BackupSelection {
  readonly name: string;
  /** ARNs, possibly with wildcards ("arn:aws:rds:*:*:db:*", "*"). */
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** ListOfTags: a resource carrying any one key=value is selected (StringEquals, OR). */
  readonly tags: readonly { readonly key: string; readonly value: string }[];
  /** Conditions: every one must hold (AND); absent in states written before they were read. */
  readonly conditions?: readonly BackupCondition[];
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

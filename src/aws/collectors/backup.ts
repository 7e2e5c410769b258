/**
 * AWS Backup, per region: the backup plans (their rules, schedules, retention and copies, and
 * what each selection covers), the resources that have been backed up, the vaults (with their
 * Vault Lock settings), the recovery points in each vault, and the restore testing plans.
 */
import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListBackupVaults,
  paginateListProtectedResources,
  paginateListRecoveryPointsByBackupVault,
  paginateListRestoreTestingPlans,
} from '@aws-sdk/client-backup';
import { type CollectorSet, as, attempt, regionalCollector } from '../collector.js';
import type { BackupCondition, BackupRule, BackupSelection, BackupPlan, ProtectedResource, BackupVault, RecoveryPoint, RestoreTestingPlan } from '../../state/backup.js';

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : null);
const RECOVERY_POINTS_PER_VAULT = 200;
const CONDITION_OPS = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike'] as const;
/** A tag condition's key: Conditions spell it "aws:ResourceTag/phi", ListOfTags usually "phi". */
const tagKey = (key: string | undefined) => (key ?? '').replace(/^aws:ResourceTag\//, '');

export const collectors: CollectorSet = {
  'backup.plans': regionalCollector(
    ['backup:ListBackupPlans', 'backup:GetBackupPlan', 'backup:ListBackupSelections', 'backup:GetBackupSelection'],
    async (ctx, region) => {
      const client = ctx.clients.get(BackupClient, region);
      const ids: { id: string; arn: string; name: string }[] = [];
      await as(
        'backup:ListBackupPlans',
        (async () => {
          for await (const page of paginateListBackupPlans({ client, pageSize: 100 }, {})) {
            for (const p of page.BackupPlansList ?? []) {
              ids.push({ id: p.BackupPlanId ?? '', arn: p.BackupPlanArn ?? '', name: p.BackupPlanName ?? p.BackupPlanId ?? '' });
            }
          }
        })(),
      );
      const plans: BackupPlan[] = [];
      for (const p of ids) {
        const detail = await as('backup:GetBackupPlan', client.send(new GetBackupPlanCommand({ BackupPlanId: p.id })));
        const rules: BackupRule[] = (detail.BackupPlan?.Rules ?? []).map((r) => ({
          name: r.RuleName ?? '',
          schedule: r.ScheduleExpression ?? null,
          targetVault: r.TargetBackupVaultName ?? '',
          deleteAfterDays: r.Lifecycle?.DeleteAfterDays ?? null,
          continuous: r.EnableContinuousBackup === true,
          copies: (r.CopyActions ?? []).map((c) => ({
            destinationVaultArn: c.DestinationBackupVaultArn ?? '',
            deleteAfterDays: c.Lifecycle?.DeleteAfterDays ?? null,
          })),
        }));
        const selections = await attempt('backup:ListBackupSelections', async () => {
          const out: BackupSelection[] = [];
          for await (const page of paginateListBackupSelections({ client }, { BackupPlanId: p.id })) {
            for (const s of page.BackupSelectionsList ?? []) {
              const got = await as(
                'backup:GetBackupSelection',
                client.send(new GetBackupSelectionCommand({ BackupPlanId: p.id, SelectionId: s.SelectionId })),
              );
              const sel = got.BackupSelection;
              const tags = (sel?.ListOfTags ?? [])
                .filter((t) => t.ConditionType === 'STRINGEQUALS')
                .map((t) => ({ key: tagKey(t.ConditionKey), value: t.ConditionValue ?? '' }));
              const conditions: BackupCondition[] = [];
              for (const op of CONDITION_OPS) {
                for (const c of sel?.Conditions?.[op] ?? []) conditions.push({ op, key: tagKey(c.ConditionKey), value: c.ConditionValue ?? '' });
              }
              out.push({
                name: sel?.SelectionName ?? s.SelectionName ?? '',
                resources: sel?.Resources ?? [],
                notResources: sel?.NotResources ?? [],
                tags,
                conditions,
              });
            }
          }
          return out;
        });
        plans.push({ ...p, rules, selections });
      }
      return plans;
    },
  ),

  'backup.protectedResources': regionalCollector(['backup:ListProtectedResources'], async (ctx, region) => {
    const client = ctx.clients.get(BackupClient, region);
    const out: ProtectedResource[] = [];
    for await (const page of paginateListProtectedResources({ client, pageSize: 1000 }, {})) {
      for (const r of page.Results ?? []) {
        out.push({ arn: r.ResourceArn ?? '', type: r.ResourceType ?? '', lastBackup: iso(r.LastBackupTime) });
      }
    }
    return out;
  }),

  'backup.vaults': regionalCollector(['backup:ListBackupVaults'], async (ctx, region) => {
    const client = ctx.clients.get(BackupClient, region);
    const out: BackupVault[] = [];
    for await (const page of paginateListBackupVaults({ client, pageSize: 1000 }, {})) {
      for (const v of page.BackupVaultList ?? []) {
        out.push({
          name: v.BackupVaultName ?? '',
          arn: v.BackupVaultArn ?? '',
          encryptionKeyArn: v.EncryptionKeyArn ?? null,
          recoveryPoints: v.NumberOfRecoveryPoints ?? 0,
          locked: v.Locked === true,
          minRetentionDays: v.MinRetentionDays ?? null,
          maxRetentionDays: v.MaxRetentionDays ?? null,
          lockDate: iso(v.LockDate),
          vaultType: v.VaultType ?? 'BACKUP_VAULT',
        });
      }
    }
    return out;
  }),

  'backup.recoveryPoints': regionalCollector(['backup:ListRecoveryPointsByBackupVault'], async (ctx, region) => {
    const vaults = await ctx.regional('backup.vaults', region);
    const client = ctx.clients.get(BackupClient, region);
    const out: RecoveryPoint[] = [];
    for (const v of vaults) {
      if (v.recoveryPoints === 0 || v.vaultType === 'RESTORE_ACCESS_BACKUP_VAULT') continue;
      let taken = 0;
      for await (const page of paginateListRecoveryPointsByBackupVault({ client, pageSize: 100 }, { BackupVaultName: v.name })) {
        for (const rp of page.RecoveryPoints ?? []) {
          out.push({
            arn: rp.RecoveryPointArn ?? '',
            vault: v.name,
            resourceArn: rp.ResourceArn ?? '',
            resourceType: rp.ResourceType ?? '',
            encrypted: rp.IsEncrypted === true,
            createdAt: iso(rp.CreationDate),
            status: rp.Status ?? 'UNKNOWN',
          });
          taken++;
        }
        if (taken >= RECOVERY_POINTS_PER_VAULT) break;
      }
    }
    return out;
  }, ['backup.vaults']),

  'backup.restoreTestingPlans': regionalCollector(['backup:ListRestoreTestingPlans'], async (ctx, region) => {
    const client = ctx.clients.get(BackupClient, region);
    const out: RestoreTestingPlan[] = [];
    for await (const page of paginateListRestoreTestingPlans({ client }, {})) {
      for (const p of page.RestoreTestingPlans ?? []) {
        out.push({
          name: p.RestoreTestingPlanName ?? '',
          arn: p.RestoreTestingPlanArn ?? '',
          schedule: p.ScheduleExpression ?? null,
          lastRun: iso(p.LastExecutionTime),
        });
      }
    }
    return out;
  }),
};

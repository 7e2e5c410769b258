/**
 * Keeps automated RDS backups for at least the minimum (7 days) on every database instance and
 * Aurora cluster that keeps fewer. The plan never sends ApplyImmediately: true, which would also apply
 * every pending modification: a change between two non-zero periods still applies as soon as possible,
 * and turning backups on from 0 (an outage on the database) waits for the maintenance window. Undo sets
 * a non-zero old period back; it never writes 0, which would delete the automated backups and
 * point-in-time recovery, so turning backups on from 0 cannot be undone.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';
import { pendingNote } from './rds-deletion-protection.js';
import { MIN_RDS_BACKUP_DAYS } from '../steps/08-backup-and-recovery/checks/rds-backup-retention.js';
import { OptionValues } from '../src/schemas/options.js';

export default defineRemediation({
  id: 'rds-backup-retention',
  title: 'Keep automated RDS backups for at least 7 days',
  fixes: ['rds-backup-retention'],
  leavesAlone: ['pending modifications (never ApplyImmediately)', 'instances inside a cluster (the cluster is changed)'],
  permissions: ['rds:ModifyDBInstance', 'rds:ModifyDBCluster'],
  options: [{ name: 'days', description: 'days of automated backups to keep (7 to 35)', default: String(MIN_RDS_BACKUP_DAYS), schema: OptionValues.wholeNumber(MIN_RDS_BACKUP_DAYS, 35) }],
  notes: [
    'Changing retention from 0 (backups off) causes an outage, so it waits for the maintenance window; a change between two non-zero periods applies as soon as possible. Backup storage beyond the database size is billed.',
  ],
  plan(state, { options, failing }) {
    // One scope rule: only the databases and clusters the check failed.
    const failed = new Set(failing('rds-backup-retention').map((r) => r.id));
    const days = Number(options.days ?? MIN_RDS_BACKUP_DAYS);
    if (!Number.isInteger(days) || days < MIN_RDS_BACKUP_DAYS || days > 35) throw new Error(`the days option must be a whole number from ${MIN_RDS_BACKUP_DAYS} to 35, not "${options.days}"`);
    const actions: PlanAction[] = [];
    const action = (region: string, command: 'ModifyDBInstance' | 'ModifyDBCluster', idKey: string, id: string, what: string, was: number, pending: readonly string[] | undefined): PlanAction => {
      const when = was === 0 ? ' in its next maintenance window (turning backups on from off causes an outage)' : '';
      const base = {
        effect: '~' as const,
        service: 'rds',
        command,
        input: { [idKey]: id, BackupRetentionPeriod: days },
        region,
        resource: `${what} ${id}`,
        summary: `Keep ${days} days of automated backups for ${what} ${id} in ${region}${when} (was ${was}${was === 0 ? ': backups off' : ''}).${pendingNote(pending)}`,
      };
      if (was === 0) {
        return {
          ...base,
          reversible: false,
          irreversibleBecause: `Backups of ${what} ${id} in ${region} were off; turning them off again would delete its automated backups and point-in-time recovery, so undo leaves them on.`,
        };
      }
      return { ...base, reversible: true, undo: [{ service: 'rds', command, input: { [idKey]: id, BackupRetentionPeriod: was }, region }] };
    };
    for (const region of state.regions) {
      for (const i of readIn(state, 'rds.instances', region)) {
        if (!failed.has(i.arn) || i.clusterId || i.backupRetentionPeriod >= days) continue;
        actions.push(action(region, 'ModifyDBInstance', 'DBInstanceIdentifier', i.id, 'database', i.backupRetentionPeriod, i.pendingModifications));
      }
      for (const c of readIn(state, 'rds.clusters', region)) {
        if (!failed.has(c.arn) || c.backupRetentionPeriod >= days) continue;
        actions.push(action(region, 'ModifyDBCluster', 'DBClusterIdentifier', c.id, 'cluster', c.backupRetentionPeriod, c.pendingModifications));
      }
    }
    return actions;
  },
});

/**
 * Keeps automated RDS backups for at least the minimum (7 days) on every database instance and
 * Aurora cluster that keeps fewer, applied immediately. Turning backups on from 0 makes RDS take a
 * first backup and can briefly interrupt a single-AZ database, hence the typed confirmation. Undo
 * sets each old retention back.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';
import { MIN_RDS_BACKUP_DAYS } from '../steps/08-backup-and-recovery/checks/rds-backup-retention.js';

export default defineRemediation({
  id: 'rds-backup-retention',
  title: 'Keep automated RDS backups for at least 7 days',
  fixes: ['rds-backup-retention'],
  risk: 'disruptive',
  permissions: ['rds:ModifyDBInstance', 'rds:ModifyDBCluster'],
  options: [{ name: 'days', description: 'days of automated backups to keep (7 to 35)', default: String(MIN_RDS_BACKUP_DAYS) }],
  notes: ['Changing retention from 0 (backups off) starts a backup at once and can briefly interrupt a single-AZ database; backup storage beyond the database size is billed.'],
  plan(state, { options }) {
    const days = Number(options.days ?? MIN_RDS_BACKUP_DAYS);
    if (!Number.isInteger(days) || days < MIN_RDS_BACKUP_DAYS || days > 35) throw new Error(`the days option must be a whole number from ${MIN_RDS_BACKUP_DAYS} to 35, not "${options.days}"`);
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const i of readIn(state, 'rds.instances', region)) {
        if (i.clusterId || i.backupRetentionPeriod >= MIN_RDS_BACKUP_DAYS) continue;
        actions.push({
          effect: '~',
          service: 'rds',
          command: 'ModifyDBInstance',
          input: { DBInstanceIdentifier: i.id, BackupRetentionPeriod: days, ApplyImmediately: true },
          region,
          resource: `database ${i.id}`,
          summary: `Keep ${days} days of automated backups for database ${i.id} in ${region} (was ${i.backupRetentionPeriod}${i.backupRetentionPeriod === 0 ? ': backups off' : ''}).`,
          reversible: true,
          undo: [{ service: 'rds', command: 'ModifyDBInstance', input: { DBInstanceIdentifier: i.id, BackupRetentionPeriod: i.backupRetentionPeriod, ApplyImmediately: true }, region }],
        });
      }
      for (const c of readIn(state, 'rds.clusters', region)) {
        if (c.backupRetentionPeriod >= MIN_RDS_BACKUP_DAYS) continue;
        actions.push({
          effect: '~',
          service: 'rds',
          command: 'ModifyDBCluster',
          input: { DBClusterIdentifier: c.id, BackupRetentionPeriod: days, ApplyImmediately: true },
          region,
          resource: `cluster ${c.id}`,
          summary: `Keep ${days} days of automated backups for cluster ${c.id} in ${region} (was ${c.backupRetentionPeriod}).`,
          reversible: true,
          undo: [{ service: 'rds', command: 'ModifyDBCluster', input: { DBClusterIdentifier: c.id, BackupRetentionPeriod: c.backupRetentionPeriod, ApplyImmediately: true }, region }],
        });
      }
    }
    return actions;
  },
});

/** RDS, security-alarm and log fixes on the stateful AWS model: no pending change applied, no backups deleted, no silent topic, no log group deleted. */
import { describe, expect, it } from 'vitest';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { deletedBackups } from '../helpers/aws-model/rds.js';
import { state } from '../helpers/state.js';
import { rdsCluster, rdsInstance } from './fixtures.js';
import { planFor } from './harness.js';

const E1 = 'us-east-1';

describe('rds-deletion-protection', () => {
  it('never sends ApplyImmediately, so a pending instance-class change stays for the maintenance window, and undo restores the state before', async () => {
    const before = state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db1', { deletionProtection: false, pendingModifications: ['DBInstanceClass: db.r6g.large'] })], 'rds.clusters': [] } } });
    const plan = await planFor('rds-deletion-protection', before);
    expect(plan.actions.map((a) => a.input)).toEqual([{ DBInstanceIdentifier: 'db1', DeletionProtection: true }]);
    expect(plan.actions[0]?.summary).toContain('Its pending changes (DBInstanceClass: db.r6g.large) are left for the maintenance window.');
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.verification.find((v) => v.check === 'rds-deletion-protection')?.status).toBe('pass');
    const after = model.read().regional[E1]?.['rds.instances'];
    expect(after?.ok && after.value[0]?.pendingModifications).toEqual(['DBInstanceClass: db.r6g.large']);
    expect((await planFor('rds-deletion-protection', model.read())).actions).toEqual([]);
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });
});

describe('rds-backup-retention', () => {
  it('raises a non-zero retention without ApplyImmediately and undoes it to the old non-zero value', async () => {
    const before = state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db1', { backupRetentionPeriod: 1 })], 'rds.clusters': [rdsCluster('c1', { backupRetentionPeriod: 3 })] } } });
    const plan = await planFor('rds-backup-retention', before);
    expect(plan.actions.map((a) => a.input)).toEqual([
      { DBInstanceIdentifier: 'db1', BackupRetentionPeriod: 7 },
      { DBClusterIdentifier: 'c1', BackupRetentionPeriod: 7 },
    ]);
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.verification.find((v) => v.check === 'rds-backup-retention')?.status).toBe('pass');
    expect((await planFor('rds-backup-retention', model.read())).actions).toEqual([]);
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });

  it('turning backups on from 0 waits for the maintenance window and cannot be undone, so undo never writes 0 and deletes the backups', async () => {
    const before = state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db0', { backupRetentionPeriod: 0, pendingModifications: ['DBInstanceClass: db.r6g.large'] })], 'rds.clusters': [] } } });
    const plan = await planFor('rds-backup-retention', before);
    const a = plan.actions[0]!;
    expect(a.input).toEqual({ DBInstanceIdentifier: 'db0', BackupRetentionPeriod: 7 });
    expect(a.summary).toContain('in its next maintenance window');
    expect(a.reversible).toBe(false);
    expect(a.irreversibleBecause).toMatch(/delete its automated backups and point-in-time recovery/);
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry } = await applyToModel(plan, model);
    const after = model.read().regional[E1]?.['rds.instances'];
    expect(after?.ok && after.value[0]?.pendingModifications).toEqual(['DBInstanceClass: db.r6g.large', 'BackupRetentionPeriod: 7']);
    const undo = await undoOnModel(entry, model);
    expect(undo.plan.actions).toEqual([]);
    expect(deletedBackups).toEqual([]);
  });
});

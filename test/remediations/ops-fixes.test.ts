/** RDS, security-alarm and log fixes on the stateful AWS model: no pending change applied, no backups deleted, no silent topic, no log group deleted. */
import { describe, expect, it } from 'vitest';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { deletedBackups } from '../helpers/aws-model/rds.js';
import type { LogGroup } from '../../src/state/logs.js';
import { ACCOUNT, state } from '../helpers/state.js';
import { noAuthorization, rdsCluster, rdsInstance, rule, sg, trail } from './fixtures.js';
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

const logGroup = (name: string, retentionDays: number | null, storedBytes = 0): LogGroup => ({
  name,
  arn: `arn:aws:logs:${E1}:${ACCOUNT}:log-group:${name}`,
  retentionDays,
  kmsKeyId: null,
  storedBytes,
  createdAt: null,
});

describe('log-retention', () => {
  it('undo puts each old period back exactly, and leaves never-expiring groups alone', async () => {
    const before = state({ regional: { [E1]: { 'logs.logGroups': [logGroup('/app/portal', 30, 5000), logGroup('/aws/lambda/x', null)] } } });
    const plan = await planFor('log-retention', before);
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.verification.find((v) => v.check === 'log-group-retention')?.status).toBe('pass');
    expect((await planFor('log-retention', model.read())).actions).toEqual([]);
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });
});

describe('log groups a fix creates', () => {
  it('vpc-flow-logs: undo deletes the flow log but never the log group with the records it collected', async () => {
    const before = state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'ec2.vpcs': [{ id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: {} }], 'ec2.flowLogs': [], 'logs.logGroups': [], 'kms.keys': [] } },
    });
    const plan = await planFor('vpc-flow-logs', before);
    const create = plan.actions.find((a) => a.command === 'CreateLogGroup');
    expect(create?.reversible).toBe(false);
    expect(create?.irreversibleBecause).toBe('Undo leaves the log group /hipaa-wizard/vpc-flow-logs in us-east-1 in place: deleting it would destroy the flow log records it collected.');
    expect(plan.actions.flatMap((a) => a.undo ?? []).map((u) => u.command)).not.toContain('DeleteLogGroup');
  });

  it('security-alarms: undo never deletes the log group holding CloudTrail events nor the topic', async () => {
    const before = state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'kms.keys': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': [] } },
    });
    const plan = await planFor('security-alarms', before, { email: 'security@maple.example' });
    const undoCommands = plan.actions.flatMap((a) => a.undo ?? []).map((u) => u.command);
    expect(undoCommands).not.toContain('DeleteLogGroup');
    expect(undoCommands).not.toContain('DeleteTopic');
  });
});

describe('security-alarms without anyone to notify', () => {
  const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms`;
  const base = (subs: unknown[]) =>
    state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'kms.keys': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': subs as never } },
    });

  it('refuses without an e-mail address when the topic has no confirmed subscriber, instead of creating a topic nobody reads', async () => {
    await expect(planFor('security-alarms', base([]))).rejects.toThrow(/has no confirmed subscriber, so the alarms would notify nobody/);
    await expect(planFor('security-alarms', base([{ topicArn, protocol: 'email', endpoint: 'a@maple.example', confirmed: false }]))).rejects.toThrow(/no confirmed subscriber/);
  });

  it('reuses a topic that already has a confirmed subscriber: no CreateTopic, no Subscribe, and the alarms notify it', async () => {
    const plan = await planFor('security-alarms', base([{ topicArn, protocol: 'email', endpoint: 'a@maple.example', confirmed: true }]));
    const commands = plan.actions.map((a) => a.command);
    expect(commands).not.toContain('CreateTopic');
    expect(commands).not.toContain('Subscribe');
    expect(plan.actions.filter((a) => a.command === 'PutMetricAlarm').map((a) => (a.input as { AlarmActions: string[] }).AlarmActions)).toEqual([[topicArn], [topicArn], [topicArn]]);
  });
});

describe('security-group undos', () => {
  it('revoke-open-ingress: undo authorizes the internet source back with its description, the other sources untouched', async () => {
    const r = rule({ fromPort: 22, toPort: 22, ipv4: ['10.0.0.0/8', '0.0.0.0/0'], descriptions: { '10.0.0.0/8': 'vpn', '0.0.0.0/0': 'vendor, temporary' } });
    const before = state({ regional: { [E1]: { 'ec2.securityGroups': [sg('sg-1', 'web', [r])] } } });
    const plan = await planFor('revoke-open-ingress', before);
    expect(plan.actions[0]?.undo?.[0]?.input).toEqual({ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'vendor, temporary' }] }] });
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.verification.find((v) => v.check === 'sg-open-admin-ports')?.status).toBe('pass');
    expect((await planFor('revoke-open-ingress', model.read())).actions).toEqual([]);
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });

  it('close-default-sg: undo restores a cross-account group reference with its owner and description', async () => {
    const inbound = rule({ protocol: '-1', fromPort: null, toPort: null, groups: ['sg-peer'], groupOwners: { 'sg-peer': '999988887777' }, descriptions: { 'sg-peer': 'partner proxy' } });
    const outbound = rule({ protocol: '-1', fromPort: null, toPort: null, ipv4: ['0.0.0.0/0'] });
    const before = state({ regional: { [E1]: { 'ec2.instances': [], 'ec2.securityGroups': [sg('sg-d', 'default', [inbound], [outbound])] } } });
    const plan = await planFor('close-default-sg', before);
    expect(plan.actions[0]?.undo?.[0]?.input).toEqual({ GroupId: 'sg-d', IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ UserId: '999988887777', GroupId: 'sg-peer', Description: 'partner proxy' }] }] });
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry } = await applyToModel(plan, model);
    expect((await planFor('close-default-sg', model.read())).actions).toEqual([]);
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });
});

/**
 * security-alarms and vpc-flow-logs on the stateful AWS model (SNS, CloudWatch, CloudWatch Logs,
 * IAM roles, EC2 flow logs): apply, re-check, undo, and compare with the state before.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheckById } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { confirmAll } from '../helpers/aws-model/sns.js';
import { ACCOUNT, ctx, state } from '../helpers/state.js';
import { noAuthorization, trail } from './fixtures.js';
import { planFor } from './harness.js';

const E1 = 'us-east-1';
const regionOf = (s: AccountState) => s.regional[E1] ?? {};
const okValue = <T>(r: { ok: boolean; value?: T } | undefined): T | undefined => (r?.ok ? r.value : undefined);

describe('security-alarms on the model', () => {
  const initial = () =>
    state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'kms.keys': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': [] } },
    });

  it('apply makes the check pass once the address confirms (not before); undo unsubscribes it, deletes the alarms and filters, disconnects the trail, and keeps the log group', async () => {
    const before = initial();
    const model = new AwsModel(before, ALL_SERVICES);
    const plan = await planFor('security-alarms', before, { email: 'security@maple.example' });
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    const after = model.read();
    expect(okValue(regionOf(after)['sns.subscriptions'])).toEqual([{ topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms`, protocol: 'email', endpoint: 'security@maple.example', confirmed: false }]);
    expect(okValue(regionOf(after)['cloudwatch.alarms'])?.map((a) => a.name)).toEqual(['hipaa-wizard-root-use', 'hipaa-wizard-console-sign-in-failures', 'hipaa-wizard-unauthorized-api-calls']);
    // Until the recipient confirms, the alarms reach nobody, and the re-check says so.
    const pending = outcome.verification.find((v) => v.check === 'security-alarms');
    expect(pending?.status).toBe('fail');
    const registry = await loadRegistry();
    expect(runCheckById(registry, 'security-alarms', model.read(), ctx())?.resources[0]?.detail).toMatch(/notifying an SNS topic with a confirmed subscriber/);
    model.mutate((s) => confirmAll(s));
    expect(runCheckById(registry, 'security-alarms', model.read(), ctx())?.status).toBe('pass');

    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    expect(undo.plan.actions.map((a) => a.command)).toContain('Unsubscribe');
    const back = model.read();
    // The subscription this fix made is gone: undo no longer leaves an address receiving alarms that no longer exist.
    expect(okValue(regionOf(back)['sns.subscriptions'])).toEqual([]);
    expect(okValue(regionOf(back)['cloudwatch.alarms'])).toEqual([]);
    expect(okValue(regionOf(back)['logs.metricFilters'])).toEqual([]);
    expect(okValue(regionOf(back)['cloudtrail.trails'])).toEqual(okValue(regionOf(before)['cloudtrail.trails']));
    expect(back.global['iam.authorization']).toEqual(before.global['iam.authorization']);
    // The log group with the CloudTrail events it collected stays, and so does the topic (it may have existed).
    expect(okValue(regionOf(back)['logs.logGroups'])?.map((g) => g.name)).toEqual(['/hipaa-wizard/cloudtrail']);
    expect(undo.cannotUndo.join(' ')).toMatch(/leaves the log group \/hipaa-wizard\/cloudtrail/);
    // And the key that encrypts those events stays as made: a key scheduled for deletion would make them unreadable.
    const group = okValue(regionOf(back)['logs.logGroups'])?.[0];
    expect(okValue(regionOf(back)['kms.keys'])?.find((k) => k.arn === group?.kmsKeyId)).toMatchObject({ state: 'Enabled', rotation: { ok: true, value: true }, aliases: ['alias/hipaa-wizard-logs/hipaa-wizard/cloudtrail'] });
  });

  it('undo unsubscribes a subscription still pending confirmation, by the ARN AWS returned at once', async () => {
    const before = initial();
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry } = await applyToModel(await planFor('security-alarms', before, { email: 'security@maple.example' }), model);
    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    expect(undo.plan.actions.find((a) => a.command === 'Unsubscribe')?.input).toEqual({ SubscriptionArn: expect.stringMatching(/^arn:aws:sns:us-east-1:\d+:hipaa-wizard-security-alarms:/) });
    expect(okValue(regionOf(model.read())['sns.subscriptions'])).toEqual([]);
  });
});

describe('vpc-flow-logs on the model', () => {
  const initial = () =>
    state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'ec2.vpcs': [{ id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: { Name: 'portal' } }], 'ec2.flowLogs': [], 'logs.logGroups': [], 'kms.keys': [] } },
    });

  it('apply makes the check pass with a delivering flow log; undo deletes the flow log and keeps the log group and the role, saying why', async () => {
    const before = initial();
    const model = new AwsModel(before, ALL_SERVICES);
    const plan = await planFor('vpc-flow-logs', before);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    expect(outcome.verification.find((v) => v.check === 'vpc-flow-logs')?.status).toBe('pass');
    const after = model.read();
    expect(okValue(regionOf(after)['ec2.flowLogs'])).toEqual([
      { id: expect.stringMatching(/^fl-/), resourceId: 'vpc-1', status: 'ACTIVE', trafficType: 'ALL', destinationType: 'cloud-watch-logs', deliverStatus: 'SUCCESS' },
    ]);
    expect((await planFor('vpc-flow-logs', model.read())).actions).toEqual([]);

    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    const created = okValue(regionOf(after)['ec2.flowLogs'])?.map((f) => f.id);
    // The key that encrypts the kept log group stays as it was made, with its alias and rotation.
    expect(undo.plan.actions.map((a) => [a.command, a.input])).toEqual([['DeleteFlowLogs', { FlowLogIds: created }]]);
    const back = model.read();
    expect(regionOf(back)['ec2.flowLogs']).toEqual(regionOf(before)['ec2.flowLogs']);
    expect(okValue(back.global['iam.authorization'])?.roles.map((r) => r.name)).toEqual(['hipaa-wizard-vpc-flow-logs']);
    expect(undo.cannotUndo.join(' ')).toContain(
      'Undo leaves the IAM role hipaa-wizard-vpc-flow-logs in place: by then another flow log may deliver through it or it may have been assumed recently, and deleting it would silently stop that delivery',
    );
  });

  it('undo keeps the key that encrypts the kept log group: enabled, rotating and named, so the records stay readable and no check fails', async () => {
    const before = initial();
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry } = await applyToModel(await planFor('vpc-flow-logs', before), model);
    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    const back = model.read();
    const group = okValue(regionOf(back)['logs.logGroups'])?.find((g) => g.name === '/hipaa-wizard/vpc-flow-logs');
    const key = okValue(regionOf(back)['kms.keys'])?.find((k) => k.arn === group?.kmsKeyId);
    expect(key).toMatchObject({ state: 'Enabled', deletionDate: null, rotation: { ok: true, value: true }, aliases: ['alias/hipaa-wizard-logs/hipaa-wizard/vpc-flow-logs'] });
    // Nothing an undo sends touches the key.
    expect(model.log.filter(([service]) => service === 'kms').map(([, command]) => command)).toEqual(['CreateKey', 'CreateAlias', 'EnableKeyRotation']);
    const registry = await loadRegistry();
    for (const id of ['kms-rotation', 'log-group-kms', 'kms-pending-deletion']) expect(runCheckById(registry, id, back, ctx())?.status, id).toBe('pass');
    expect(undo.cannotUndo.join(' ')).toContain(
      'Undo leaves the KMS key alias/hipaa-wizard-logs/hipaa-wizard/vpc-flow-logs in us-east-1 in place: the log group /hipaa-wizard/vpc-flow-logs, which undo also keeps, is encrypted with it, and without the key the flow log records it collected could never be read again.',
    );
  });

  it('the role stays for a flow log someone else created with it after the fix, which keeps delivering', async () => {
    const before = initial();
    const model = new AwsModel({ ...before, regional: { [E1]: { ...regionOf(before), 'ec2.vpcs': { ok: true, value: [{ id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: {} }] } } } } as AccountState, ALL_SERVICES);
    const { entry } = await applyToModel(await planFor('vpc-flow-logs', model.read()), model);
    // A second VPC appears and someone turns on its flow log with the same role and group.
    model.mutate((s) => {
      (s.regional[E1]?.["ec2.vpcs"]?.value as unknown[] | undefined)?.push({ id: 'vpc-2', cidr: '10.1.0.0/16', isDefault: false, tags: {} });
    });
    model.send('ec2', E1, 'CreateFlowLogs', {
      ResourceIds: ['vpc-2'],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: '/hipaa-wizard/vpc-flow-logs',
      DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/hipaa-wizard-vpc-flow-logs`,
    });
    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    expect(model.log.map(([, c]) => c)).not.toContain('DeleteRole');
    const other = okValue(regionOf(model.read())['ec2.flowLogs'])?.find((f) => f.resourceId === 'vpc-2');
    expect(other?.deliverStatus).toBe('SUCCESS');
  });
});

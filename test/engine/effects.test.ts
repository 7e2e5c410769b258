/**
 * Risk from effects: every call any fix sends (and every undo call it records) is rated by the table
 * in src/engine/effects.ts; a plan's risk is the most severe of its actions'; a call missing from
 * the table fails planning, so a new fix cannot reach a person unrated.
 */
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/report/plan-output.js';
import { painter } from '../../src/report/style.js';
import { buildDemoState } from '../../src/demo/account.js';
import { EFFECTS, maxRisk, RISK_OF_CLASS, rateActions, rateCall, unratedCalls } from '../../src/engine/effects.js';
import type { PlanAction, PlannedCall, RemediationDef } from '../../src/engine/model.js';
import { makePlan, PlanError, planJson } from '../../src/engine/plan.js';
import { loadRegistry, type Registry } from '../../src/engine/registry.js';
import { SERVICES, isService } from '../../src/aws/services.js';
import { plansOf } from '../helpers/fix-table.js';
import { ctx } from '../helpers/state.js';

const call = (service: string, command: string, input: Record<string, unknown> = {}): PlannedCall => ({ service, command, input, region: 'us-east-1' });
const action = (c: PlannedCall, o: Partial<PlanAction> = {}): PlanAction => ({ ...c, effect: '~', resource: 'r', summary: 'S.', reversible: true, ...o });

describe('the table of effects', () => {
  it('names only calls the AWS SDK has, on services the tool knows', async () => {
    const byService = new Map<string, string[]>();
    for (const key of Object.keys(EFFECTS)) {
      const [service, command] = key.split(':') as [string, string];
      byService.set(service, [...(byService.get(service) ?? []), command]);
    }
    const missing: string[] = [];
    for (const [service, commands] of byService) {
      expect(isService(service), service).toBe(true);
      const sdk = (await import(SERVICES[service as keyof typeof SERVICES].pkg)) as Record<string, unknown>;
      for (const c of commands) if (typeof sdk[`${c}Command`] !== 'function') missing.push(`${service}:${c}`);
    }
    expect(missing).toEqual([]);
  });

  it('rates every call every fix plans, and every undo call it records, on the demo account and the sample accounts', async () => {
    const registry = await loadRegistry();
    const plans = [...plansOf(registry).values()].flat();
    expect(plans.length).toBeGreaterThanOrEqual(registry.remediations.length);
    for (const p of plans) {
      expect(unratedCalls(p.actions), p.remediation).toEqual([]);
      for (const a of p.actions) {
        expect(a.effectClass, `${p.remediation} ${a.command}`).toBeDefined();
        expect(a.risk).toBe(RISK_OF_CLASS[a.effectClass ?? 'destructive']);
        expect(a.riskBecause).toMatch(/^[A-Z].*\.\)?$/);
      }
      expect(p.risk, p.remediation).toBe(maxRisk(...p.actions.map((a) => a.risk ?? 'irreversible')));
    }
  });

  it('refuses to plan a fix that sends a call the table does not rate', async () => {
    const registry = await loadRegistry();
    const odd: RemediationDef = {
      id: 'odd-fix',
      title: 'Odd',
      fixes: [],
      permissions: ['ec2:TerminateInstances'],
      plan: () => [action(call('ec2', 'TerminateInstances', { InstanceIds: ['i-1'] }), { effect: '-' })],
    };
    const r = Object.create(registry) as Registry;
    Object.defineProperty(r, 'remediation', { value: (id: string) => (id === 'odd-fix' ? odd : registry.remediation(id)) });
    expect(() => makePlan(r, 'odd-fix', buildDemoState(ctx().now), ctx())).toThrow(PlanError);
    expect(() => makePlan(r, 'odd-fix', buildDemoState(ctx().now), ctx())).toThrow('Cannot plan odd-fix: The call ec2:TerminateInstances has no effect class in src/engine/effects.ts');
  });
});

describe('ratings that depend on the input', () => {
  const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const allow = { Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' };
  const deny = { Sid: 'DenyNonTls', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };

  it('a bucket policy that adds a Deny is tightening; one that only adds an Allow is reconfiguring', () => {
    const undoBefore = [call('s3', 'PutBucketPolicy', { Bucket: 'b', Policy: policy(allow) })];
    expect(rateCall(call('s3', 'PutBucketPolicy', { Bucket: 'b', Policy: policy(allow, deny) }), undoBefore).class).toBe('tightening');
    expect(rateCall(call('s3', 'PutBucketPolicy', { Bucket: 'b', Policy: policy(allow) }), [call('s3', 'DeleteBucketPolicy', { Bucket: 'b' })]).class).toBe('reconfiguring');
    // Dropping an Allow someone relied on also restricts.
    expect(rateCall(call('s3', 'PutBucketPolicy', { Bucket: 'b', Policy: policy(deny) }), [call('s3', 'PutBucketPolicy', { Bucket: 'b', Policy: policy(allow, deny) })]).class).toBe('tightening');
  });

  it('RDS: ApplyImmediately is disruptive; backups on from off are an outage; off deletes them; deletion protection is tightening', () => {
    expect(rateCall(call('rds', 'ModifyDBInstance', { DBInstanceIdentifier: 'db', DeletionProtection: true, ApplyImmediately: true })).class).toBe('disruptive');
    expect(rateCall(call('rds', 'ModifyDBInstance', { DBInstanceIdentifier: 'db', DeletionProtection: true })).class).toBe('tightening');
    expect(rateCall(call('rds', 'ModifyDBInstance', { DBInstanceIdentifier: 'db', BackupRetentionPeriod: 7 })).class).toBe('disruptive');
    expect(rateCall(call('rds', 'ModifyDBInstance', { DBInstanceIdentifier: 'db', BackupRetentionPeriod: 7 }), [call('rds', 'ModifyDBInstance', { BackupRetentionPeriod: 3 })]).class).toBe('reconfiguring');
    expect(rateCall(call('rds', 'ModifyDBCluster', { DBClusterIdentifier: 'c', BackupRetentionPeriod: 0 })).class).toBe('destructive');
  });

  it('turning point-in-time recovery off, or shortening log retention, destroys data', () => {
    expect(rateCall(call('dynamodb', 'UpdateContinuousBackups', { TableName: 't', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })).class).toBe('costly');
    expect(rateCall(call('dynamodb', 'UpdateContinuousBackups', { TableName: 't', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } })).class).toBe('destructive');
    const put = (days: number) => call('logs', 'PutRetentionPolicy', { logGroupName: 'g', retentionInDays: days });
    expect(rateCall(put(2192), [put(30)]).class).toBe('reconfiguring');
    expect(rateCall(put(30), [put(2192)]).class).toBe('destructive');
    expect(rateCall(put(2192), [call('logs', 'DeleteRetentionPolicy', { logGroupName: 'g' })]).class).toBe('destructive');
  });

  it('a password policy that can expire passwords users may not change locks them out', () => {
    expect(rateCall(call('iam', 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, AllowUsersToChangePassword: true, MaxPasswordAge: 90 })).class).toBe('tightening');
    expect(rateCall(call('iam', 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, AllowUsersToChangePassword: false, MaxPasswordAge: 90 })).class).toBe('disruptive');
    expect(rateCall(call('iam', 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, HardExpiry: true })).class).toBe('disruptive');
  });

  it('a change to a resource the same plan creates is additive, but a task that patches and restarts instances is not', () => {
    const created = action(call('s3', 'CreateBucket', { Bucket: 'logs' }), { effect: '+', resource: 'bucket logs' });
    const block = action(call('s3', 'PutPublicAccessBlock', { Bucket: 'logs', PublicAccessBlockConfiguration: { BlockPublicAcls: true } }), { resource: 'bucket logs' });
    expect(rateActions([block]).map((x) => x.effectClass)).toEqual(['tightening']);
    expect(rateActions([created, block]).map((x) => x.effectClass)).toEqual(['additive', 'additive']);
    const window = action(call('ssm', 'CreateMaintenanceWindow', { Name: 'w' }), { effect: '+', resource: 'window w' });
    const task = action(
      call('ssm', 'RegisterTaskWithMaintenanceWindow', { WindowId: 'w', TaskArn: 'AWS-RunPatchBaseline', TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] } } } }),
      { effect: '+', resource: 'window w' },
    );
    expect(rateActions([window, task]).map((x) => [x.effectClass, x.risk])).toEqual([
      ['additive', 'safe'],
      ['disruptive', 'disruptive'],
    ]);
    expect(rateActions([window, task])[1]?.riskBecause).toBe('Patches are installed on the targeted instances on schedule, and they are restarted when a patch needs it.');
  });
});

describe('plans show each action’s risk', () => {
  it('in text and JSON: the TLS deny on the demo is disruptive because it adds a Deny, and the plan says so', async () => {
    const registry = await loadRegistry();
    const plan = makePlan(registry, 's3-deny-non-tls', buildDemoState(ctx().now), ctx());
    expect(plan.risk).toBe('disruptive');
    const text = renderPlanText(plan, painter(false));
    expect(text).toContain('(fixes s3-tls-only; may disrupt workloads)');
    expect(text).toContain('risk: disruptive (tightening) The new bucket policy adds a Deny statement: callers it matches are refused from then on.');
    const json = planJson(plan) as { risk: string; actions: { effectClass: string; risk: string; riskBecause: string }[] };
    expect(json.risk).toBe('disruptive');
    expect(json.actions.every((a) => a.effectClass === 'tightening' && a.risk === 'disruptive' && a.riskBecause.startsWith('The new bucket policy adds a Deny'))).toBe(true);
  });

  it('names an undo that would destroy data', async () => {
    const registry = await loadRegistry();
    const plan = makePlan(registry, 'dynamodb-pitr', buildDemoState(ctx().now), ctx());
    expect(plan.risk).toBe('costly');
    expect(renderPlanText(plan, painter(false))).toContain(
      'the undo destroys data: Turning point-in-time recovery off deletes the continuous backups taken so far: the table can no longer be restored to a time before.',
    );
  });
});

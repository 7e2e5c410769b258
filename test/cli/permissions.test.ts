/** `hipaa-wizard permissions`: least-privilege policies built from what checks, collectors and fixes declare. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectorModule } from '../../src/aws/collector.js';
import { checkActions, type SliceActions } from '../../src/engine/permissions.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { collectorLoaders } from '../../src/generated/collectors.js';
import { ensureBuilt, runCli } from '../helpers/built-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

/** Each slice's collector, as the collector modules declare it. */
async function sliceActions(): Promise<SliceActions> {
  const out = new Map<string, { permissions: readonly string[]; reads?: readonly string[] }>();
  for (const load of Object.values(collectorLoaders) as (() => Promise<CollectorModule>)[]) {
    for (const [key, def] of Object.entries((await load()).collectors)) out.set(key, def as { permissions: readonly string[]; reads?: readonly string[] });
  }
  return out;
}

interface Policy {
  Version: string;
  Statement: { Sid: string; Effect: string; Action: string[]; Resource: string | string[]; Condition?: Record<string, Record<string, string | string[]>> }[];
}

describe('permissions', () => {
  it('prints a read-only policy covering every check and the identity calls, with no write action', async () => {
    const r = await runCli(['permissions']);
    expect(r.code).toBe(0);
    const policy = JSON.parse(r.stdout) as Policy;
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toHaveLength(1);
    const actions = policy.Statement[0]?.Action ?? [];
    const registry = await loadRegistry();
    const slices = await sliceActions();
    for (const c of registry.checks) {
      const derived = checkActions(c, slices);
      if ((c.needs.global ?? []).length + (c.needs.regional ?? []).length > 0) expect(derived.length, c.id).toBeGreaterThan(0);
      for (const p of derived) expect(actions).toContain(p);
    }
    expect(actions).toEqual(expect.arrayContaining(['sts:GetCallerIdentity', 'ec2:DescribeRegions', 'iam:ListAccessKeys']));
    expect(actions).toEqual([...actions].sort((a, b) => a.localeCompare(b)));
    const writes = actions.filter((a) => /:(Put|Create|Delete|Update|Enable|Disable|Attach|Detach|Revoke|Authorize|Start|Stop|Modify|Cancel|Schedule)/.test(a));
    expect(writes).toEqual([]);
  });

  it('with --fix prints only the extra actions applying and undoing that fix needs', async () => {
    const r = await runCli(['permissions', '--fix', 'password-policy']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'HipaaWizardFixPasswordPolicy', Effect: 'Allow', Action: ['iam:DeleteAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy'], Resource: '*' }],
    });
  });

  it('takes a check id for --fix, and "all" for every fix', async () => {
    const byCheck = JSON.parse((await runCli(['permissions', '--fix', 'sg-open-admin-ports'])).stdout) as Policy;
    expect(byCheck.Statement[0]?.Action).toEqual(['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress']);
    const all = JSON.parse((await runCli(['permissions', '--fix', 'all'])).stdout) as Policy;
    expect(all.Statement.length).toBeGreaterThanOrEqual(25);
  });

  it('allows the role actions of --fix only on the role the fix creates, passing it only to the service that uses it', async () => {
    const r = await runCli(['permissions', '--fix', 'security-alarms']);
    expect(r.code).toBe(0);
    const policy = JSON.parse(r.stdout) as Policy;
    const role = 'arn:aws:iam::*:role/hipaa-wizard-cloudtrail-to-logs';
    expect(policy.Statement.filter((s) => s.Resource !== '*')).toEqual([
      { Sid: 'HipaaWizardFixSecurityAlarmsScoped1', Effect: 'Allow', Action: ['iam:CreateRole', 'iam:DeleteRole', 'iam:DeleteRolePolicy', 'iam:PutRolePolicy'], Resource: [role] },
      { Sid: 'HipaaWizardFixSecurityAlarmsScoped2', Effect: 'Allow', Action: ['iam:PassRole'], Resource: [role], Condition: { StringEquals: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } } },
    ]);
    const open = policy.Statement.find((s) => s.Resource === '*');
    expect(open?.Action.filter((a) => a.startsWith('iam:'))).toEqual([]);
  });

  it('fills in the account, and the role a fix option names', async () => {
    const r = await runCli(['permissions', '--fix', 'vpc-flow-logs', '--account', '111122223333', '--option', 'role=flow-writer']);
    const scoped = (JSON.parse(r.stdout) as Policy).Statement.filter((s) => s.Resource !== '*');
    expect(scoped.map((s) => s.Resource)).toEqual([['arn:aws:iam::111122223333:role/flow-writer']]);
    expect(scoped[0]?.Action).toEqual(['iam:CreateRole', 'iam:PassRole', 'iam:PutRolePolicy']);
  });

  it('with --fix all, allows no role action on every resource', async () => {
    const all = JSON.parse((await runCli(['permissions', '--fix', 'all'])).stdout) as Policy;
    const roleActions = /^iam:(PassRole|CreateRole|DeleteRole|PutRolePolicy|DeleteRolePolicy|AttachRolePolicy|DetachRolePolicy|UpdateAssumeRolePolicy|CreateServiceLinkedRole|DeleteServiceLinkedRole)$/;
    expect(all.Statement.filter((s) => s.Resource === '*').flatMap((s) => s.Action.filter((a) => roleActions.test(a)))).toEqual([]);
    const passes = all.Statement.filter((s) => s.Action.includes('iam:PassRole'));
    expect(passes.map((s) => [s.Resource, s.Condition?.StringEquals?.['iam:PassedToService'] ?? null])).toEqual([
      [['arn:aws:iam::*:role/service-role/AWSBackupDefaultServiceRole'], 'backup.amazonaws.com'],
      // Once, though both cis-alarms and security-alarms pass it (in the order of the fixes).
      [['arn:aws:iam::*:role/hipaa-wizard-cloudtrail-to-logs'], 'cloudtrail.amazonaws.com'],
      [['arn:aws:iam::*:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig'], 'config.amazonaws.com'],
      [['arn:aws:iam::*:role/hipaa-wizard-vpc-flow-logs'], null],
    ]);
  });

  it('refuses an account id that is not 12 digits', async () => {
    const r = await runCli(['permissions', '--fix', 'vpc-flow-logs', '--account', '1234']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hipaa-wizard: --account takes a 12-digit AWS account id, not "1234".\n');
  });

  it('refuses an unknown fix in one sentence', async () => {
    const r = await runCli(['permissions', '--fix', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hipaa-wizard: There is no fix called "nope"\. Fixes: .*\n$/);
  });
});

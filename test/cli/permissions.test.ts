/** `hipaa-wizard permissions`: least-privilege policies built from what checks, collectors and fixes declare. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { ensureBuilt, runCli } from '../helpers/built-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

interface Policy {
  Version: string;
  Statement: { Sid: string; Effect: string; Action: string[]; Resource: string }[];
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
    for (const c of registry.checks) for (const p of c.permissions) expect(actions).toContain(p);
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

  it('refuses an unknown fix in one sentence', async () => {
    const r = await runCli(['permissions', '--fix', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hipaa-wizard: There is no fix called "nope"\. Fixes: .*\n$/);
  });
});

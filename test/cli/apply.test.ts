/** `hipaa-wizard apply` as a person runs it: refusals first, then a real apply against a live endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, readRecords } from '../../src/records/store.js';
import { ensureBuilt, isolatedEnv, runCli, workDir } from '../helpers/built-cli.js';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.js';

let aws: FakeAws;
beforeAll(async () => {
  ensureBuilt();
  aws = await startFakeAws();
}, 240_000);
afterAll(() => aws?.close());

const liveEnv = () => isolatedEnv({ AWS_ENDPOINT_URL: aws.url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key' });

describe('apply refuses', () => {
  it('apply and undo do not offer --demo or --snapshot in their help, while plan --help does', async () => {
    for (const cmd of ['apply', 'undo']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--profile');
      expect(r.stdout).not.toContain('--demo');
      expect(r.stdout).not.toContain('--snapshot');
    }
    const plan = await runCli(['plan', '--help']);
    expect(plan.stdout).toContain('--demo');
  });

  it('on the demo account, even with --yes, and says how to see the plan instead', async () => {
    const r = await runCli(['apply', 'all', '--demo', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hipaa-wizard: apply changes a live AWS account, so it never runs on the demo account; to see what it would do, run: hipaa-wizard plan all --demo\n');
    expect(r.stdout).toBe('');
  });

  it('on a snapshot', async () => {
    const r = await runCli(['apply', 'password-policy', '--snapshot', 'saved.json', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('never runs on a snapshot');
    expect(r.stderr).toContain('hipaa-wizard plan password-policy --snapshot saved.json');
  });

  it('without a terminal and without --yes, naming the flag, before reading the account', async () => {
    const before = aws.requests.length;
    const r = await runCli(['apply', 'password-policy', '--region', 'us-east-1'], { env: liveEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no terminal to ask on.*pass --yes/);
    expect(aws.requests.length).toBe(before);
  });
});

describe('apply --yes against a live account', () => {
  it('sends the planned call, reports the refusal with what did not change, and journals it', async () => {
    const cwd = workDir();
    const before = aws.requests.length;
    const r = await runCli(['apply', 'password-policy', '--yes', '--allow-disruptive', 'password-policy', '--region', 'us-east-1', '--regions', 'us-east-1'], { env: liveEnv(), cwd });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('aws iam update-account-password-policy --minimum-password-length 14');
    expect(r.stdout).toMatch(/Stopped at change 1 of 1 \(UpdateAccountPasswordPolicy on account \d+ password policy in us-east-1\): AccessDenied: .*0 changes were made before it and 1 was not\./);
    expect(r.stdout).toContain('failed      Set the IAM password policy: create it.');
    const writes = aws.requests.slice(before).filter((q) => q.action === 'UpdateAccountPasswordPolicy');
    expect(writes).toHaveLength(1);
    const { entries } = await readRecords(`${cwd}/hipaa-records`);
    expect(entries.map((e) => [e.kind, fieldsOf(e).remediation, fieldsOf(e).outcome])).toEqual([['journal', 'password-policy', 'failed']]);
    expect(r.stdout).toContain(`Journal entry ${entries[0]?.id}.`);
  }, 60_000);
});

describe('apply --plan-file', () => {
  it('applies exactly a saved plan, and refuses one made before the account changed', async () => {
    const cwd = workDir();
    const env = liveEnv();
    const saved = await runCli(['plan', 'password-policy', '--format', 'json', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    expect(saved.code).toBe(0);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${cwd}/plan.json`, saved.stdout);
    const before = aws.requests.length;
    const r = await runCli(['apply', 'password-policy', '--plan-file', 'plan.json', '--yes', '--allow-disruptive', 'password-policy', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    expect(r.stdout).toContain('Stopped at change 1 of 1 (UpdateAccountPasswordPolicy');
    expect(aws.requests.slice(before).filter((q) => q.action === 'UpdateAccountPasswordPolicy')).toHaveLength(1);

    const stale = { ...JSON.parse(saved.stdout), basis: '0'.repeat(64) };
    writeFileSync(`${cwd}/stale.json`, JSON.stringify(stale));
    const again = aws.requests.length;
    const refused = await runCli(['apply', 'password-policy', '--plan-file', 'stale.json', '--yes', '--allow-disruptive', 'password-policy', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Nothing was applied: the account changed since this plan was made');
    expect(aws.requests.slice(again).filter((q) => q.action === 'UpdateAccountPasswordPolicy')).toHaveLength(0);
  }, 60_000);

  it('refuses a saved plan whose action input or risk was edited, naming the difference, and sends no change', async () => {
    const cwd = workDir();
    const env = liveEnv();
    const args = ['--yes', '--allow-disruptive', 'password-policy', '--region', 'us-east-1', '--regions', 'us-east-1'];
    const saved = await runCli(['plan', 'password-policy', '--format', 'json', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    expect(saved.code).toBe(0);
    const plan = JSON.parse(saved.stdout);
    const { writeFileSync } = await import('node:fs');

    const weaker = structuredClone(plan);
    weaker.actions[0].input.MinimumPasswordLength = 6;
    writeFileSync(`${cwd}/weaker.json`, JSON.stringify(weaker));
    const before = aws.requests.length;
    const r = await runCli(['apply', 'password-policy', '--plan-file', 'weaker.json', ...args], { env, cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'hipaa-wizard: Nothing was applied: weaker.json is not the plan hipaa-wizard makes for password-policy on this account (action 1 (UpdateAccountPasswordPolicy on ' +
        `${plan.actions[0].resource}) sends MinimumPasswordLength 6 where the plan made again sends 14); it was edited after it was saved. Save it again with hipaa-wizard plan password-policy --format json, review it, and apply that file.`,
    );
    expect(aws.requests.slice(before).filter((q) => q.action === 'UpdateAccountPasswordPolicy')).toHaveLength(0);

    // Lowering the risk would let --yes apply it without --allow-disruptive: refused the same way.
    const safer = { ...structuredClone(plan), risk: 'safe', actions: plan.actions.map((a: Record<string, unknown>) => ({ ...a, risk: 'safe' })) };
    writeFileSync(`${cwd}/safer.json`, JSON.stringify(safer));
    const again = aws.requests.length;
    const lowered = await runCli(['apply', 'password-policy', '--plan-file', 'safer.json', '--yes', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    expect(lowered.code).toBe(2);
    expect(lowered.stderr).toContain('safer.json is not the plan hipaa-wizard makes for password-policy on this account (it says its risk is safe, but the plan made again is disruptive)');
    expect(aws.requests.slice(again).filter((q) => q.action === 'UpdateAccountPasswordPolicy')).toHaveLength(0);
  }, 60_000);

  it('names the field of a damaged plan file and reads nothing from the account', async () => {
    const cwd = workDir();
    const env = liveEnv();
    const saved = await runCli(['plan', 'password-policy', '--format', 'json', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    const plan = JSON.parse(saved.stdout);
    plan.actions[0].input = 'MinimumPasswordLength=6';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${cwd}/damaged.json`, JSON.stringify(plan));
    const before = aws.requests.length;
    const r = await runCli(['apply', 'password-policy', '--plan-file', 'damaged.json', '--yes', '--region', 'us-east-1', '--regions', 'us-east-1'], { env, cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('hipaa-wizard: damaged.json is not a plan saved by hipaa-wizard plan --format json: actions[0].input must be an object.');
    expect(aws.requests.length).toBe(before);
  }, 60_000);
});

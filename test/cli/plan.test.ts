/** `hipaa-wizard plan` as a person runs it: the built binary, on the demo account and against a live endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import { ensureBuilt, isolatedEnv, runCli } from '../helpers/built-cli.js';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.js';

let aws: FakeAws;
beforeAll(async () => {
  ensureBuilt();
  aws = await startFakeAws();
}, 240_000);
afterAll(() => aws?.close());

describe('plan --demo', () => {
  it('the demo scan\'s fix hints carry --demo, so running one works as printed', async () => {
    const scan = await runCli(['scan', '--demo', '--step', '1']);
    const hints = [...scan.stdout.matchAll(/fix: (hipaa-wizard plan .*)$/gm)].map((m) => m[1]!);
    expect(hints.length).toBeGreaterThan(0);
    for (const h of hints) expect(h).toMatch(/ --demo$/);
    const r = await runCli(hints[0]!.split(' ').slice(1));
    expect(r.code).toBe(0);
  });

  it('prints a plan for every failing check of the demo account that has a fix, and one count line', async () => {
    const scan = await runCli(['scan', '--demo', '--format', 'json']);
    const findings = (JSON.parse(scan.stdout) as { findings: { id: string; status: string; remediation?: string | null }[] }).findings;
    // security-alarms and cis-alarms refuse without an e-mail address: the demo's alarm topic has only a pending subscriber
    const expected = [...new Set(findings.filter((f) => f.status === 'fail' && f.remediation).map((f) => f.remediation as string))].filter((id) => id !== 'security-alarms' && id !== 'cis-alarms').sort();
    expect(expected.length).toBeGreaterThanOrEqual(20);

    const r = await runCli(['plan', 'all', '--demo']);
    expect(r.code).toBe(0);
    const planned = [...r.stdout.matchAll(/^Fix (\S+): /gm)].map((m) => m[1]).sort();
    expect(planned).toEqual(expected);
    expect(r.stdout).not.toContain('Nothing to do');
    expect(r.stdout).toContain('Cannot plan security-alarms: the SNS topic hipaa-wizard-security-alarms in us-east-1 has no confirmed subscriber, so the alarms would notify nobody');
    expect(r.stdout).toContain('Cannot plan cis-alarms: the SNS topic hipaa-wizard-security-alarms in us-east-1 has no confirmed subscriber, so the alarms would notify nobody');
    expect(r.stdout.match(/^Plan: \d+ to add, \d+ to change, \d+ to remove\.$/gm)).toHaveLength(1);
    expect(r.stdout).toContain('aws iam update-account-password-policy --minimum-password-length 14');
    expect(r.stderr).toContain('can be reviewed but not applied');
  }, 60_000);

  it('touches no trail, log-delivery or website bucket with KMS or a TLS deny, never adds the caller to the MFA group, and deactivates no key used in the last 90 days', async () => {
    const demo = buildDemoState(new Date());
    const buckets = demo.global['s3.buckets']?.ok ? demo.global['s3.buckets'].value : [];
    const trailBuckets = demo.regions.flatMap((r) => {
      const t = demo.regional[r]?.['cloudtrail.trails'];
      return t?.ok ? t.value.map((x) => x.s3BucketName) : [];
    });
    const logTargets = buckets.flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : []));
    const websites = buckets.filter((b) => b.website?.ok && b.website.value).map((b) => b.name);
    const guarded = new Set([...trailBuckets, ...logTargets, ...websites]);
    // The demo has each kind, so the assertions below can fail.
    expect(trailBuckets.length).toBeGreaterThan(0);
    expect(logTargets.length).toBeGreaterThan(0);
    expect(websites.length).toBeGreaterThan(0);
    const caller = demo.identity.arn.split('/').pop();
    const report = demo.global['iam.credentialReport']?.ok ? demo.global['iam.credentialReport'].value : [];
    const recent = (iso: string | null) => iso !== null && Date.now() - Date.parse(iso) < 90 * 86_400_000;
    const usedRecently = new Set(report.filter((u) => u.accessKeys.some((k) => k.active && recent(k.lastUsed))).map((u) => u.user));
    expect(usedRecently.size).toBeGreaterThan(0);

    const r = await runCli(['plan', 'all', '--demo', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { plans: { remediation: string; actions: { command: string; input: Record<string, unknown> }[] }[] };
    const actions = out.plans.flatMap((p) => p.actions.map((a) => ({ fix: p.remediation, ...a })));
    const onGuarded = actions.filter((a) => guarded.has(String(a.input.Bucket)) && /aws:kms|aws:SecureTransport/.test(JSON.stringify(a.input)));
    expect(onGuarded.map((a) => `${a.fix} ${a.command} ${String(a.input.Bucket)}`)).toEqual([]);
    const added = actions.filter((a) => a.command === 'AddUserToGroup').map((a) => a.input.UserName);
    expect(added.length).toBeGreaterThan(0);
    expect(added).not.toContain(caller);
    const deactivated = actions.filter((a) => a.command === 'UpdateAccessKey' && a.input.Status === 'Inactive').map((a) => String(a.input.UserName));
    expect(deactivated.length).toBeGreaterThan(0);
    expect(deactivated.filter((u) => usedRecently.has(u))).toEqual([]);
  }, 60_000);

  it('as JSON gives each plan as data with its CLI lines, basis and counts', async () => {
    const r = await runCli(['plan', 'all', '--demo', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { plans: { remediation: string; basis: string; actions: { cli: string; effect: string }[] }[]; counts: { add: number; change: number; remove: number } };
    expect(out.plans.length).toBeGreaterThanOrEqual(20);
    for (const p of out.plans) {
      expect(p.basis).toMatch(/^[0-9a-f]{64}$/);
      expect(p.actions.length).toBeGreaterThan(0);
      for (const a of p.actions) expect(a.cli).toMatch(/^aws \S+ [a-z0-9-]+ .*--region [a-z]{2}-[a-z]+-\d$/);
    }
    const total = out.plans.reduce((n, p) => n + p.actions.length, 0);
    expect(out.counts.add + out.counts.change + out.counts.remove).toBe(total);
  }, 60_000);

  it('takes a check id and plans the fix that makes it pass', async () => {
    const r = await runCli(['plan', 'password-policy-strength', '--demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Fix password-policy: /);
    expect(r.stdout).toContain('Plan: 0 to add, 1 to change, 0 to remove.');
  });

  it('says in one sentence when there is no such check or fix, or when a check has no automatic fix', async () => {
    const unknown = await runCli(['plan', 'no-such-thing', '--demo']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^hipaa-wizard: There is no check or fix called "no-such-thing"\. Fixes: /);
    const manual = await runCli(['plan', 'root-mfa', '--demo']);
    expect(manual.code).toBe(2);
    expect(manual.stderr).toContain('The check root-mfa has no automatic fix');
    expect(manual.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses an option the fix does not take', async () => {
    const r = await runCli(['plan', 'access-analyzer', '--demo', '--option', 'colour=red']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The fix access-analyzer has no option "colour"; its options are name.');
  });
});

describe('plan against a live account', () => {
  it('is a dry run: it reads the account and sends no write call at all', async () => {
    const before = aws.requests.length;
    const env = isolatedEnv({ AWS_ENDPOINT_URL: aws.url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key' });
    const r = await runCli(['plan', 'all', '--region', 'us-east-1', '--regions', 'us-east-1'], { env });
    expect(r.code).toBe(0);
    // The fake account has no password policy: the plan creates one.
    expect(r.stdout).toContain('Fix password-policy');
    expect(r.stdout).toMatch(/\+ account \d+ password policy \(us-east-1\)/);
    const sent = aws.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    // REST reads are GETs, or POSTs to a get/list/describe route (Account's getAlternateContact, Inspector's status/batch/get).
    const isRead = (q: (typeof sent)[number]) =>
      q.protocol === 'rest' ? q.method === 'GET' || q.method === 'HEAD' || /\/(get|list|describe)|\/batch\/get/i.test(q.action) : /^(Get|List|Describe|BatchGet|Generate|Search)/.test(q.action);
    const writes = sent.filter((q) => !isRead(q));
    expect(writes).toEqual([]);
  }, 60_000);
});

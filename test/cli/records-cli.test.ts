/** `records`, `decide`, `attest` and `vendor` as a person runs them: the built binary, a fresh folder, a pinned clock. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendRecord } from '../../src/records/store.js';
import { ensureBuilt, isolatedEnv, runCli, workDir } from '../helpers/built-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

const env = isolatedEnv({ HIPAA_WIZARD_USER: 'dana.okafor' });
const run = (cwd: string, ...args: string[]) => runCli(args, { cwd, env });
const REASON = 'Console sign-in goes through SSO with MFA; IAM passwords are being retired.';

describe('decide and records', () => {
  it('records the account a decision was made on, refuses one that names no account, applies --all-accounts everywhere, and never applies one made on another account', async () => {
    const mfa = async (cwd: string) => {
      const scan = await run(cwd, 'scan', '--demo', '--format', 'json');
      return (JSON.parse(scan.stdout) as { findings: { id: string; status: string }[] }).findings.find((f) => f.id === 'console-users-mfa')!.status;
    };
    const accept = ['decide', 'console-users-mfa', '--status', 'risk-accepted', '--reason', REASON, '--owner', 'Ana Ruiz', '--review-by', '2027-02-01'];

    const other = workDir();
    const r = await run(other, ...accept, '--account', '111111111111');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('It applies to account 111111111111 only.');
    expect(await mfa(other)).toBe('fail'); // the demo account is 210987654321

    const same = workDir();
    expect((await run(same, ...accept, '--account', '210987654321')).stdout).toContain('It applies to account 210987654321 only.');
    expect(await mfa(same)).toBe('accepted');

    const none = workDir();
    const refused = await run(none, ...accept);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Say which account the decision on console-users-mfa was made on: --account ID');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect((await run(none, 'records', 'list')).stdout).not.toContain('console-users-mfa');
    expect((await run(none, ...accept, '--all-accounts', '--account', '210987654321')).code).toBe(2);

    const every = workDir();
    expect((await run(every, ...accept, '--all-accounts')).stdout).toContain('It applies to every account (--all-accounts).');
    expect(await mfa(every)).toBe('accepted');
    // records list says where each decision holds.
    expect((await run(every, 'records', 'list')).stdout).toMatch(/console-users-mfa: risk-accepted, review by 2027-02-01 \(decided by dana\.okafor\), on every account/);
    expect((await run(same, 'records', 'list')).stdout).toMatch(/console-users-mfa: risk-accepted, .*, on account 210987654321/);
  });

  it('records decisions, supersedes, lists, shows history and verifies', async () => {
    const cwd = workDir();
    const first = await run(cwd, 'decide', 'password-policy-strength', '--status', 'risk-accepted', '--reason', REASON, '--owner', 'Ana Ruiz', '--review-by', '2027-02-01', '--approved-by', 'Sam Lee', '--account', '210987654321');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Recorded D-0001: password-policy-strength is risk-accepted, review by 2027-02-01 \(decided by dana\.okafor, approved by Sam Lee\)\./);
    const second = await run(cwd, 'decide', 'password-policy-strength', '--status', 'implemented', '--reason', 'The landing zone now sets a 16-character policy.', '--account', '210987654321');
    expect(second.stdout).toMatch(/Recorded D-0002: .* It supersedes D-0001\./);

    const list = await run(cwd, 'records', 'list');
    expect(list.stdout).toMatch(/D-0001 .* risk-accepted.*\[superseded by D-0002\]/);
    expect(list.stdout).toMatch(/D-0002 .* implemented.*\[current\]/);

    const show = await run(cwd, 'records', 'show', 'd-1');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/D-0001 \(decision, line 1 of hipaa-records\/register\.jsonl\)/);
    expect(show.stdout).toMatch(/Every decision on password-policy-strength, oldest first/);

    const ok = await run(cwd, 'records', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK hipaa-records\/register\.jsonl verifies: 2 entries, seq 1 to 2/);

    // Someone edits the first decision's owner by hand.
    const file = join(cwd, 'hipaa-records', 'register.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Ana Ruiz', 'Nobody'));
    const bad = await run(cwd, 'records', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^FAILS hipaa-records\/register\.jsonl does not verify\. The first bad entry is D-0001: hipaa-records\/register\.jsonl line 1: entry D-0001 does not match its hash/);
    const refused = await run(cwd, 'decide', 'root-mfa', '--status', 'implemented', '--reason', 'Hardware key on the root user.', '--account', '210987654321');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^hipaa-wizard: Nothing was recorded: the register fails verification/);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('refuses bad input with one sentence and exit code 2', async () => {
    const cwd = workDir();
    const cases: [string[], RegExp][] = [
      [['decide', 'password-policy-strength', '--status', 'not-reasonable', '--reason', 'n/a', '--all-accounts'], /real sentence: "n\/a" is a placeholder/],
      [['decide', 'password-policy-strenght', '--status', 'implemented', '--reason', 'done', '--all-accounts'], /did you mean "password-policy-strength"/],
      [['decide', 'root-mfa', '--status', 'risk-accepted', '--reason', REASON, '--review-by', '2027-01-01', '--all-accounts'], /needs the person who owns the risk \(--owner\)/],
      [['decide', 'root-mfa', '--status', 'implemented', '--reason', 'Key on root.', '--evidence', 'nope.pdf', '--all-accounts'], /evidence file "nope\.pdf" does not exist/],
      [['records', 'export', '--format', 'pdf'], /--format must be md or json/],
    ];
    for (const [args, message] of cases) {
      const r = await run(cwd, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

describe('export, the proposed-rule view, attestations, vendors and scan', () => {
  it('works through the records a clinic would keep', async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, 'memo.txt'), 'risk memo');
    expect((await run(cwd, 'decide', 'console-users-mfa', '--status', 'risk-accepted', '--reason', 'The front desk kiosk account is being replaced by SSO next month.', '--owner', 'Ana Ruiz', '--review-by', '2027-01-15', '--evidence', 'memo.txt', '--account', '210987654321')).code).toBe(0);
    expect((await run(cwd, 'decide', '164.312(a)(2)(iii)', '--status', 'not-reasonable', '--reason', 'Shared kiosks already lock after two minutes of idle time.', '--account', '210987654321')).code).toBe(0);
    const attest = await run(cwd, 'attest', 'automatic-logoff', '--answer', 'yes', '--field', 'systems=EHR: 15 minutes', '--field', 'timeoutMinutes=15', '--field', 'verifiedOn=2026-11-20', '--field', 'verifiedBy=Sam Lee');
    expect(attest.stdout).toMatch(/^Recorded A-0003: dana\.okafor answered "yes" to automatic-logoff on 2026-11-24\./);
    expect((await run(cwd, 'vendor', 'add', 'Acme Billing', '--services', 'claims billing', '--phi', 'claims', '--baa-signed', '2026-01-10', '--baa-expires', '2028-01-10')).code).toBe(0);
    expect((await run(cwd, 'vendor', 'list')).stdout).toMatch(/Acme Billing \(acme-billing\): claims billing; ePHI: claims; BAA signed 2026-01-10, expires 2028-01-10/);

    const proposed = await run(cwd, 'records', 'list', '--proposed-rule');
    expect(proposed.stdout).toMatch(/^PROPOSAL, NOT IN FORCE\./);
    expect(proposed.stdout).toMatch(/1 recorded decision would no longer be accepted/);
    expect(proposed.stdout).toMatch(/D-0002 .*Automatic logoff/);
    // console-users-mfa cites a required specification, so the proposal changes nothing for it
    expect(proposed.stdout).not.toMatch(/D-0001/);

    const md = await run(cwd, 'records', 'export', '--format', 'md', '-o', 'register.md');
    expect(md.code).toBe(0);
    expect(md.stderr).toMatch(/The register goes back to 2026-11-24 \(entry D-0001\), 0 days before 2026-11-24, and holds 4 entries\. hipaa-wizard never removes entries/);
    const text = readFileSync(join(cwd, 'register.md'), 'utf8');
    expect(text).toMatch(/The hash chain verifies: 4 entries, seq 1 to 4/);
    expect(text).toMatch(/\| D-0001 \| console-users-mfa \| risk-accepted \|.*owner: Ana Ruiz.*memo\.txt \(sha256 [0-9a-f]{64}\)/);
    expect(text).toMatch(/## Under the proposed rule \(not in force\)/);
    const json = JSON.parse((await run(cwd, 'records', 'export', '--format', 'json')).stdout) as { verification: { ok: boolean }; retention: { entries: number }; vendors: unknown[] };
    expect(json.verification.ok).toBe(true);
    expect(json.retention.entries).toBe(4);
    expect(json.vendors).toHaveLength(1);

    writeFileSync(join(cwd, 'memo.txt'), 'risk memo, quietly edited');
    const verify = await run(cwd, 'records', 'verify');
    expect(verify.code).toBe(1); // the chain is intact, but evidence an auditor relies on changed
    expect(verify.stdout).toMatch(/evidence: The evidence file "memo\.txt" of D-0001 has changed since it was recorded/);

    // The demo fails console-users-mfa; the recorded decision turns it into accepted.
    const scan = await run(cwd, 'scan', '--demo', '--format', 'json', '--step', '1');
    const findings = (JSON.parse(scan.stdout) as { findings: { id: string; status: string; message: string }[] }).findings;
    expect(findings.find((f) => f.id === 'console-users-mfa')).toMatchObject({ status: 'accepted', message: expect.stringMatching(/Accepted by decision D-0001 \(risk-accepted\).*Review by 2027-01-15/) });
    expect(findings.find((f) => f.id === 'automatic-logoff')?.status).toBe('pass');
  });
});

describe('decisions HIPAA does not allow on a required specification (issue 13)', () => {
  it('decide refuses not-reasonable and alternative on console-users-mfa (§164.312(d), required) and writes nothing', async () => {
    const cwd = workDir();
    const notReasonable = await run(cwd, 'decide', 'console-users-mfa', '--status', 'not-reasonable', '--reason', 'Hardware keys for the two front-desk users cost too much.', '--account', '210987654321');
    expect(notReasonable.code).toBe(2);
    expect(notReasonable.stderr).toContain(
      'console-users-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3)); a required safeguard must be implemented.',
    );
    const alternative = await run(cwd, 'decide', 'console-users-mfa', '--status', 'alternative', '--reason', REASON, '--alternative', 'Okta asks every person for a second factor at sign-in.', '--account', '210987654321');
    expect(alternative.code).toBe(2);
    expect(alternative.stderr).toContain('an equivalent alternative measure may stand in only for an addressable specification (§164.306(d)(3))');
    const verify = await run(cwd, 'records', 'verify');
    expect(verify.stdout).toMatch(/^Nothing is recorded in hipaa-records yet/);
  });

  it('records verify names a not-reasonable entry on a required specification as a HIPAA problem, exit 1, the chain intact', async () => {
    const cwd = workDir();
    const dir = join(cwd, 'hipaa-records');
    const old = { reason: 'Hardware keys for the two front-desk users cost too much for the clinic.', decidedBy: 'dana.okafor', decidedAt: '2025-06-01T00:00:00.000Z', reviewBy: '2027-06-01' };
    // Written as an older version did, straight into the register (decide refuses it today).
    await appendRecord(dir, 'decision', { subject: 'console-users-mfa', status: 'not-reasonable', ...old }, 'dana.okafor');
    await appendRecord(dir, 'decision', { subject: '164.308(a)(7)(ii)(B)', status: 'alternative', ...old, alternative: 'Nightly exports go to the office NAS, restored by hand.' }, 'dana.okafor');
    expect((await run(cwd, 'decide', 'password-policy-strength', '--status', 'implemented', '--reason', 'The landing zone sets a 16-character policy.', '--account', '210987654321')).code).toBe(0);

    const verify = await run(cwd, 'records', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/^OK hipaa-records\/register\.jsonl verifies: 3 entries/);
    expect(verify.stdout).not.toMatch(/FAILS|does not verify/);
    expect(verify.stdout).toContain('HIPAA 2 decisions in effect record what HIPAA does not allow on a required specification (the chain itself is intact');
    expect(verify.stdout).toContain(
      '  D-0001 records "not-reasonable" on console-users-mfa, which HIPAA does not allow: console-users-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3))',
    );
    expect(verify.stdout).toContain('  D-0002 records "alternative" on 164.308(a)(7)(ii)(B), which HIPAA does not allow: §164.308(a)(7)(ii)(B) (Disaster recovery plan) is a required specification');
    const json = JSON.parse((await run(cwd, 'records', 'verify', '--format', 'json')).stdout) as { ok: boolean; chainOk: boolean; hipaa: { entryId: string; subject: string }[] };
    expect(json).toMatchObject({ ok: false, chainOk: true });
    expect(json.hipaa.map((h) => `${h.entryId} ${h.subject}`)).toEqual(['D-0001 console-users-mfa', 'D-0002 164.308(a)(7)(ii)(B)']);

    // A new decision on the subject replaces the refused one: verify passes and keeps a note.
    expect((await run(cwd, 'decide', 'console-users-mfa', '--status', 'risk-accepted', '--reason', 'Hardware keys are ordered and arrive within the month.', '--owner', 'Ana Ruiz', '--review-by', '2027-01-15', '--account', '210987654321')).code).toBe(0);
    expect((await run(cwd, 'decide', '164.308(a)(7)(ii)(B)', '--status', 'implemented', '--reason', 'The disaster recovery plan was written and approved.', '--account', '210987654321')).code).toBe(0);
    const after = await run(cwd, 'records', 'verify');
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('HIPAA 1');
    expect(after.stdout).toContain('  note: D-0001 records "not-reasonable" on console-users-mfa, which HIPAA does not allow');
    expect(after.stdout).toContain('It is no longer in effect: D-0004 replaced it.');
  });
});

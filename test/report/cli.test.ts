/** `hipaa-wizard report` as a person runs it: the built binary, the demo account, a real records folder. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { recordDecision, recordVendor } from '../../src/records/record.js';
import { appendRecord } from '../../src/records/store.js';
import { ensureBuilt, isolatedEnv, runCli, workDir } from '../helpers/built-cli.js';
import { reportValidator } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const validate = reportValidator();

describe('hipaa-wizard report', () => {
  it('writes a JSON report that validates, with the decisions, vendors and journal of the records folder', async () => {
    const cwd = workDir();
    const records = join(cwd, 'hipaa-records');
    const now = new Date('2026-11-20T10:00:00Z');
    await recordDecision(
      records,
      {
        subject: 'console-users-mfa',
        status: 'risk-accepted',
        reason: 'The front-desk kiosk account is being replaced by SSO sign-in next month, and it has no access to patient data.',
        owner: 'Dana Okafor',
        approvedBy: 'Dr. Ruth Alvarez',
        reviewBy: '2026-12-31',
      },
      { by: 'Dana Okafor', now },
    );
    await recordVendor(records, { name: 'Northwind Labs', services: 'lab interface', phiKinds: 'lab results', baaSignedOn: '2024-01-05', baaExpiresOn: '2027-01-05' }, { by: 'Dana Okafor', now });
    await appendRecord(records, 'journal', { operation: 'apply', remediation: 'password-policy', title: 'Set a strong IAM password policy', outcome: 'applied', actions: [{ summary: 'Require 14-character passwords', resource: 'account', region: 'us-east-1' }], results: [{ index: 0, status: 'done' }], verification: [{ check: 'password-policy-strength', status: 'pass' }] }, 'dana.okafor', { now });

    const r = await runCli(['report', '--demo', '-o', 'evidence.json'], { cwd });
    expect(r.stderr).toMatch(/^Wrote the JSON report on account 210987654321 \(\d+ findings, \d+ failing, in \d+ categories\) to evidence\.json\.$/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const file = join(cwd, 'evidence.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      generatedAt: string;
      categories: { id: string }[];
      decisions: { subject: string; reason: string; decidedBy: string; approvedBy: string; reviewBy: string }[];
      vendors: { name: string }[];
      journal: { title: string; by: string; actions: { result: string }[] }[];
      records: { dir: string; verified: boolean; entries: number };
      dueForReview: { items: { kind: string; due: string }[] };
      findings: { id: string; status: string }[];
    };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.generatedAt).toBe('2026-11-24T12:00:00.000Z');
    expect(doc.categories.map((c) => c.id)).toEqual((await loadRegistry()).steps.map((s) => s.id));
    expect(doc.decisions.find((d) => d.subject === 'console-users-mfa')).toMatchObject({ decidedBy: 'Dana Okafor', approvedBy: 'Dr. Ruth Alvarez', reviewBy: '2026-12-31' });
    expect(doc.findings.find((f) => f.id === 'console-users-mfa')!.status).toBe('accepted');
    expect(doc.vendors.map((v) => v.name)).toContain('Northwind Labs');
    expect(doc.journal).toEqual([expect.objectContaining({ title: 'Set a strong IAM password policy', by: 'dana.okafor', actions: [expect.objectContaining({ result: 'done' })] })]);
    expect(doc.records).toMatchObject({ dir: 'hipaa-records', verified: true, entries: 3 });
    expect(doc.dueForReview.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'decision-review', due: '2026-12-31' }), expect.objectContaining({ kind: 'baa-expiry', due: '2027-01-05' })]));
  });

  it('warns at the top of the report when the records folder was tampered with', async () => {
    const cwd = workDir();
    const records = join(cwd, 'hipaa-records');
    const now = new Date('2026-11-20T10:00:00Z');
    await recordVendor(records, { name: 'Northwind Labs', services: 'lab interface', phiKinds: 'lab results', baaSignedOn: '2024-01-05' }, { by: 'Dana Okafor', now });
    await recordVendor(records, { name: 'Clearwater Billing', services: 'claims', phiKinds: 'claims', baaSignedOn: '2025-02-01' }, { by: 'Dana Okafor', now });
    const register = join(records, 'register.jsonl');
    writeFileSync(register, readFileSync(register, 'utf8').replace('2024-01-05', '2025-01-05'));
    const r = await runCli(['report', '--demo', '--format', 'md'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: the records folder fails verification/m);
    expect(r.stdout).toMatch(/^> \*\*Warning\.\*\* The records folder fails verification: .*register\.jsonl.* line 1/m);
    expect(r.stdout).toMatch(/^\| Records \| hipaa-records over the demo sample records; 2 entries; FAILS VERIFICATION \|$/m);
  });

  it('takes the format from the file name, and prints Markdown to stdout by default', async () => {
    const cwd = workDir();
    const html = await runCli(['report', '--demo', '-o', 'report.html'], { cwd });
    expect(html.code).toBe(0);
    expect(readFileSync(join(cwd, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const md = await runCli(['report', '--demo'], { cwd });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# HIPAA safeguards report: account 210987654321/);
  });

  it('gives the same bytes twice with the clock pinned', async () => {
    // Two runs side by side (other test files may rebuild dist between two runs one after the other).
    const [a, b] = await Promise.all([runCli(['report', '--demo', '--format', 'html']), runCli(['report', '--demo', '--format', 'html'])]);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(10_000);
    expect(a.stdout).toBe(b.stdout);
    const later = await runCli(['report', '--demo', '--format', 'html'], { env: isolatedEnv({ HIPAA_WIZARD_NOW: '2026-12-01T12:00:00Z' }) });
    expect(later.stdout).not.toBe(a.stdout);
  });

  it('ties a report to its snapshot: the same state digest from the snapshot as from the account it saved', async () => {
    const cwd = workDir();
    expect((await runCli(['snapshot', '--demo', '-o', 'state.json'], { cwd })).code).toBe(0);
    const fromSnapshot = JSON.parse((await runCli(['report', '--snapshot', 'state.json', '--format', 'json'], { cwd })).stdout) as { scan: { mode: string; snapshotFile: string; stateSha256: string } };
    const fromDemo = JSON.parse((await runCli(['report', '--demo', '--format', 'json'], { cwd })).stdout) as { scan: { stateSha256: string } };
    expect(fromSnapshot.scan).toMatchObject({ mode: 'snapshot', snapshotFile: 'state.json' });
    expect(fromSnapshot.scan.stateSha256).toBe(fromDemo.scan.stateSha256);
  });

  it('answers bad input with one sentence and exit code 2', async () => {
    const cwd = workDir();
    const cases: [string[], RegExp][] = [
      [['report', '--demo', '--format', 'pdf'], /^hipaa-wizard: --format must be md, html, json, ocsf, asff, csv or junit, not "pdf"\.$/m],
      [['report', '--demo', '-o', 'no/such/folder/report.md'], /^hipaa-wizard: Cannot write the report to no\/such\/folder\/report\.md: its folder does not exist\.$/m],
      [['report', '--demo', '--due-within', 'soon'], /^hipaa-wizard: --due-within must be a whole number of days, not "soon"\.$/m],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

/** The report document: what an auditor reads, built from the demo account and a records folder. */
import { describe, expect, it } from 'vitest';
import { stateDigest } from '../../src/report/scan-output.js';
import { buildDemoState } from '../../src/demo/account.js';
import { findSpec } from '../../src/engine/hipaa.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { countStatuses } from '../../src/engine/runner.js';
import { buildReport } from '../../src/report/model.js';
import { VERSION } from '../../src/version.js';
import { demoInput, NOW } from './helpers.js';

describe('the report document on the demo account', () => {
  it('has one category per step, in order, with counts that match the findings', async () => {
    const registry = await loadRegistry();
    const input = await demoInput();
    const doc = buildReport(input);
    expect(doc.categories.map((c) => c.id)).toEqual(registry.steps.map((s) => s.id));
    expect(doc.categories.map((c) => c.title)).toEqual(registry.steps.map((s) => s.title));
    for (const c of doc.categories) {
      const own = input.findings.filter((f) => f.stepId === c.id);
      expect(c.counts).toEqual(countStatuses(own));
      expect(c.total).toBe(own.length);
      expect([...c.findings].sort()).toEqual(own.map((f) => f.id).sort());
    }
    const access = doc.categories.find((c) => c.id === '01-access-controls')!;
    expect(access.status).toBe('fail');
    // Worst first: every fail is listed before the first pass.
    const statuses = access.findings.map((id) => doc.findings.find((f) => f.id === id)!.status);
    expect(statuses.lastIndexOf('fail')).toBeLessThan(statuses.indexOf('pass'));
    expect(doc.summary.total).toBe(input.findings.length);
    expect(doc.summary.counts).toEqual(countStatuses(input.findings));
    expect(doc.summary.categories).toBe(registry.steps.length);
  });

  it('gives every finding its sentence, HIPAA section with obligation and title, HITRUST ids, severity, resources and fix', async () => {
    const doc = buildReport(await demoInput());
    for (const f of doc.findings) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.hipaa.section).toMatch(/^§164\.\d{3}/);
      expect(f.hipaa.title).toBe(findSpec(f.hipaa.section.slice(1))!.title);
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(f.severity);
    }
    const mfa = doc.findings.find((f) => f.id === 'console-users-mfa')!;
    expect(mfa).toMatchObject({ status: 'fail', severity: 'high', hipaa: { section: '§164.312(d)', obligation: 'required', title: 'Person or entity authentication' } });
    expect(mfa.hitrust).toContain('01.j');
    expect(mfa.resources.filter((r) => r.status === 'fail').map((r) => r.id)).toContain('arn:aws:iam::210987654321:user/frontdesk');
    const rotation = doc.findings.find((f) => f.id === 'password-policy-rotation')!;
    expect(rotation.remediation).toMatchObject({ id: 'password-policy', planCommand: 'hipaa-wizard plan password-policy-rotation --demo' });
    expect(rotation.remediation!.title.length).toBeGreaterThan(5);
  });

  it('gives fix hints that run on the same source as the report: --demo, --snapshot FILE, or nothing on a live account', async () => {
    const input = await demoInput();
    const hint = (doc: ReturnType<typeof buildReport>) => doc.findings.find((f) => f.id === 'password-policy-rotation')!.remediation!.planCommand;
    expect(hint(buildReport(input))).toBe('hipaa-wizard plan password-policy-rotation --demo');
    expect(hint(buildReport({ ...input, mode: 'snapshot', snapshotFile: 'saved.json' }))).toBe('hipaa-wizard plan password-policy-rotation --snapshot saved.json');
    expect(hint(buildReport({ ...input, mode: 'live' }))).toBe('hipaa-wizard plan password-policy-rotation');
  });

  it('shows a decision that covers a failure as accepted, and a lapsed one as failing again', async () => {
    const doc = buildReport(await demoInput());
    const strength = doc.findings.find((f) => f.id === 'password-policy-strength')!;
    expect(strength).toMatchObject({ status: 'accepted', evaluatedStatus: 'fail', decision: { id: 'D-0001', decidedBy: 'Dana Okafor', lapsed: false } });
    const keys = doc.findings.find((f) => f.id === 'access-key-age')!;
    expect(keys).toMatchObject({ status: 'fail', decision: { id: 'D-0002', lapsed: true } });
    const d1 = doc.decisions.find((d) => d.id === 'D-0001')!;
    expect(d1).toMatchObject({
      subject: 'password-policy-strength',
      subjectTitle: strength.title,
      status: 'alternative',
      approvedBy: 'Dr. Ruth Alvarez',
      decidedAt: '2026-01-10T09:00:00.000Z',
      reviewBy: '2026-12-20',
      lapsed: false,
    });
    expect(d1.alternative).toMatch(/Identity Center/);
    expect(doc.decisions.find((d) => d.id === 'D-0003')!.subjectTitle).toBe('§164.312(a)(2)(iii) Automatic logoff');
  });

  it('lists what is due within the window, overdue first, and leaves out what is due later', async () => {
    const registry = await loadRegistry();
    const doc = buildReport(await demoInput());
    expect(doc.dueForReview).toMatchObject({ withinDays: 60, until: '2027-01-23' });
    const items = doc.dueForReview.items;
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['decision-review', 'D-0002'],
      ...(registry.attestations.length ? [['attestation-lapse', 'A-0004']] : []),
      ['decision-review', 'D-0001'],
      ['baa-expiry', 'northwind-labs'],
    ]);
    expect(items[0]).toMatchObject({ due: '2026-11-01', overdue: true, daysLeft: -23, owner: 'Marcus Lee' });
    expect(items.find((i) => i.id === 'D-0001')).toMatchObject({ daysLeft: 26, overdue: false });
    expect(items.find((i) => i.id === 'northwind-labs')!.summary).toBe('The business associate agreement with Northwind Labs expires; renew it.');
    expect(items[0]!.summary).toBe('Review the risk-accepted decision D-0002 on access-key-age (Active access keys are rotated in time): it has lapsed.');
    if (registry.attestations.length) expect(items.find((i) => i.id === 'A-0004')).toMatchObject({ daysLeft: 20, owner: 'Dr. Ruth Alvarez' });
    // D-0003 is reviewed in June 2027: outside 60 days, inside 365.
    expect(items.some((i) => i.id === 'D-0003')).toBe(false);
    const year = buildReport(await demoInput({ dueWithinDays: 365 }));
    expect(year.dueForReview.items.some((i) => i.id === 'D-0003')).toBe(true);
    const none = buildReport(await demoInput({ dueWithinDays: 0 }));
    expect(none.dueForReview.items.map((i) => i.id)).toEqual(['D-0002']);
  });

  it('carries the scan metadata: tool version, caller, account, regions, time and the state digest', async () => {
    const input = await demoInput();
    const doc = buildReport(input);
    expect(doc.schemaVersion).toBe('1.0');
    expect(doc.tool).toEqual({ name: 'hipaa-wizard', version: VERSION });
    expect(doc.generatedAt).toBe(NOW.toISOString());
    expect(doc.scan).toMatchObject({
      mode: 'demo',
      account: { id: '210987654321', alias: 'maple-street-clinic', partition: 'aws' },
      caller: { arn: 'arn:aws:iam::210987654321:user/dana.okafor' },
      homeRegion: 'us-east-1',
      regions: ['us-east-1', 'us-west-2'],
      collectedAt: NOW.toISOString(),
    });
    expect(doc.scan.stateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.scan.stateSha256).toBe(stateDigest(input.state));
    // A different state (one region fewer) has a different digest.
    const other = buildDemoState(NOW);
    const trimmed = { ...other, regions: ['us-east-1'] };
    expect(buildReport({ ...input, state: trimmed }).scan.stateSha256).not.toBe(doc.scan.stateSha256);
  });

  it('turns journal entries into what was changed, by whom, with each action result and the re-check', async () => {
    const doc = buildReport(await demoInput());
    expect(doc.journal).toHaveLength(2);
    const [apply, undo] = doc.journal;
    expect(apply).toMatchObject({
      id: 'J-0005',
      at: '2026-11-20T15:04:00.000Z',
      by: 'dana.okafor',
      operation: 'apply',
      remediation: 'password-policy',
      outcome: 'failed',
      rechecks: [{ check: 'password-policy-strength', status: 'pass' }],
      undoOf: null,
    });
    expect(apply!.actions.map((a) => [a.summary, a.result, a.error])).toEqual([
      ['Require 14-character passwords', 'done', null],
      ['Create the MFA group', 'failed', 'iam:CreateGroup was denied'],
      ['Attach the MFA policy', 'skipped', null],
    ]);
    expect(undo).toMatchObject({ operation: 'undo', undoOf: 'J-0005', by: 'marcus.lee', outcome: 'applied' });
  });

  it('says when the records folder fails verification', async () => {
    const input = await demoInput();
    const broken = buildReport({
      ...input,
      records: {
        ...input.records,
        integrity: {
          entries: 7,
          since: '2026-01-10T09:00:00.000Z',
          untrusted: 3,
          problems: [{ file: 'hipaa-records/register.jsonl', line: 4, severity: 'error', code: 'hash-mismatch', message: 'hipaa-records/register.jsonl line 4: the entry was edited.' }],
        },
      },
    });
    expect(broken.records).toMatchObject({ verified: false, entries: 7, untrusted: 3, since: '2026-01-10T09:00:00.000Z' });
    expect(buildReport(input).records.verified).toBe(true);
  });
});

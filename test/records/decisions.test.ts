import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttestationDef, CheckDef } from '../../src/engine/model.js';
import { recordAttestation, recordDecision, recordVendor, retireVendor } from '../../src/records/record.js';
import { fieldsOf, readRecords } from '../../src/records/store.js';
import { evidenceDrift, sentenceProblem, type SubjectRegistry } from '../../src/records/validate.js';
import { loadRecordsView } from '../../src/records/view.js';
import { tempRecordsDir } from './helpers.js';

const check = (id: string, section: string, obligation: 'required' | 'addressable'): CheckDef => ({
  id,
  title: id,
  severity: 'high',
  hipaa: { section, obligation },
  hitrust: [],
  permissions: ['iam:GetAccountSummary'],
  needs: {},
  why: 'test',
  evaluate: () => ({ status: 'pass', message: 'ok' }),
});

const baa: AttestationDef = {
  id: 'baa-signed',
  title: 'BAA signed',
  question: 'Is a BAA signed with AWS?',
  severity: 'high',
  hipaa: { section: '164.308(b)(1)', obligation: 'required' },
  hitrust: [],
  why: 'test',
  fields: [
    { name: 'signedOn', label: 'Date signed', kind: 'date', required: true },
    { name: 'signer', label: 'Who signed', kind: 'person', required: true },
    { name: 'coverage', label: 'Accounts covered', kind: 'percent', required: false },
    { name: 'copy', label: 'The signed copy', kind: 'evidence', required: false },
  ],
  validForDays: 365,
};

const checks = [check('ebs-default-encryption', '164.312(a)(2)(iv)', 'addressable'), check('root-mfa', '164.312(d)', 'required')];
const registry: SubjectRegistry = {
  checks,
  attestations: [baa],
  check: (id) => checks.find((c) => c.id === id),
  attestation: (id) => (id === baa.id ? baa : undefined),
};
const NOW = new Date('2026-11-24T12:00:00Z');
const opts = { registry, now: NOW, by: 'dana.okafor' };
const REASON = 'Every volume is created by a pipeline that already sets a customer-managed key.';

describe('decisions per §164.306(d)(3)', () => {
  it('implemented: records who, when, and a review date a year later by default', async () => {
    const dir = tempRecordsDir();
    const { entry, decision } = await recordDecision(dir, { subject: 'ebs-default-encryption', status: 'implemented', reason: 'Enabled in every region by the landing zone.' }, opts);
    expect(entry).toMatchObject({ id: 'D-0001', kind: 'decision', by: 'dana.okafor' });
    expect(decision).toMatchObject({ id: 'D-0001', subject: 'ebs-default-encryption', status: 'implemented', decidedBy: 'dana.okafor', decidedAt: NOW.toISOString(), reviewBy: '2027-11-24' });
    await expect(recordDecision(dir, { subject: 'ebs-default-encryption', status: 'implemented', reason: 'n/a' }, opts)).rejects.toThrow(/how the safeguard is implemented/);
  });

  it('alternative: the equivalent measure must be described', async () => {
    const dir = tempRecordsDir();
    await expect(recordDecision(dir, { subject: 'ebs-default-encryption', status: 'alternative', reason: REASON }, opts)).rejects.toThrow(/must describe the equivalent measure in place \(--alternative\)/);
    await expect(recordDecision(dir, { subject: 'ebs-default-encryption', status: 'alternative', reason: REASON, alternative: 'a pipeline' }, opts)).rejects.toThrow(/too short/);
    const { decision } = await recordDecision(dir, { subject: 'ebs-default-encryption', status: 'alternative', reason: REASON, alternative: 'The build pipeline encrypts each volume with the clinic key.' }, opts);
    expect(decision.alternative).toBe('The build pipeline encrypts each volume with the clinic key.');
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'not-applicable', reason: REASON, alternative: 'Something else entirely here.' }, opts)).rejects.toThrow(/--alternative only goes with the status "alternative"/);
  });

  it('not-reasonable: the reasoning must be a real sentence, not "n/a", "none" or a few words', async () => {
    const dir = tempRecordsDir();
    for (const reason of ['n/a', 'None', 'N/A.', 'tbd', '', 'too costly', 'not reasonable', 'no no no no no no no']) {
      await expect(recordDecision(dir, { subject: 'ebs-default-encryption', status: 'not-reasonable', reason }, opts), reason).rejects.toThrow(/not reasonable and appropriate .* in a real sentence/);
    }
    const { decision } = await recordDecision(dir, { subject: 'ebs-default-encryption', status: 'not-reasonable', reason: 'The account holds only synthetic test data and no ePHI is ever stored on its volumes.' }, opts);
    expect(decision.status).toBe('not-reasonable');
    expect((await readRecords(dir)).entries).toHaveLength(1); // the refused ones wrote nothing
  });

  it('not-reasonable is refused on a required specification (§164.306(d)(3)), by check and by section, and writes nothing', async () => {
    const dir = tempRecordsDir();
    const reason = 'The account holds only synthetic test data and no ePHI is ever stored on it.';
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'not-reasonable', reason }, opts)).rejects.toThrow(
      'root-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3)); a required safeguard must be implemented.',
    );
    await expect(recordDecision(dir, { subject: '164.312(d)', status: 'not-reasonable', reason }, opts)).rejects.toThrow(
      '§164.312(d) (Person or entity authentication) is a required specification: only an addressable specification',
    );
    // An attestation's citation counts the same way: baa-signed cites §164.308(b)(1), required.
    await expect(recordDecision(dir, { subject: 'baa-signed', status: 'not-reasonable', reason }, opts)).rejects.toThrow(
      /baa-signed cites §164\.308\(b\)\(1\) \(Business associate contracts and other arrangements\), which is a required specification/,
    );
    expect((await readRecords(dir)).entries).toHaveLength(0);
  });

  it('alternative is refused on a required specification too: an equivalent measure stands in only for an addressable one', async () => {
    const dir = tempRecordsDir();
    const reason = 'Everyone signs in through the clinic identity provider instead of IAM users.';
    const alternative = 'Okta enforces a second factor for every person who signs in.';
    for (const subject of ['root-mfa', '164.312(d)', 'baa-signed']) {
      await expect(recordDecision(dir, { subject, status: 'alternative', reason, alternative }, opts), subject).rejects.toThrow(
        /is a required specification: an equivalent alternative measure may stand in only for an addressable specification \(§164\.306\(d\)\(3\)\); a required safeguard must be implemented\. If another mechanism than the one this tool checks meets it, record "implemented"/,
      );
    }
    expect((await readRecords(dir)).entries).toHaveLength(0);
    // On an addressable specification the same decision is recorded.
    const { decision } = await recordDecision(dir, { subject: 'ebs-default-encryption', status: 'alternative', reason, alternative }, opts);
    expect(decision.status).toBe('alternative');
  });

  it('on a required specification, implemented, risk-accepted (owner and expiry) and not-applicable are recorded', async () => {
    const dir = tempRecordsDir();
    const reason = 'Every person signs in through the identity provider, which requires a hardware key.';
    await recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason }, opts);
    await recordDecision(dir, { subject: 'root-mfa', status: 'risk-accepted', reason, owner: 'Ana Ruiz', reviewBy: '2027-02-01' }, opts);
    await recordDecision(dir, { subject: '164.308(a)(4)(ii)(A)', status: 'not-applicable', reason: 'The clinic is a provider and runs no health care clearinghouse functions.' }, opts);
    expect((await readRecords(dir)).entries.map((e) => fieldsOf(e).status)).toEqual(['implemented', 'risk-accepted', 'not-applicable']);
  });

  it('risk-accepted: an owner and an expiry are required', async () => {
    const dir = tempRecordsDir();
    const base = { subject: 'root-mfa', status: 'risk-accepted', reason: 'A hardware key is on order and arrives within the quarter.' };
    await expect(recordDecision(dir, { ...base, reviewBy: '2027-02-01' }, opts)).rejects.toThrow(/needs the person who owns the risk \(--owner\)/);
    await expect(recordDecision(dir, { ...base, owner: 'Ana Ruiz' }, opts)).rejects.toThrow(/needs an expiry date \(--review-by/);
    await expect(recordDecision(dir, { ...base, owner: 'Ana Ruiz', reviewBy: '2026-11-01' }, opts)).rejects.toThrow(/not in the future/);
    await expect(recordDecision(dir, { ...base, owner: 'Ana Ruiz', reviewBy: '2027-02-30' }, opts)).rejects.toThrow(/is not a date/);
    const { decision } = await recordDecision(dir, { ...base, owner: 'Ana Ruiz', reviewBy: '2027-02-01', approvedBy: 'Sam Lee' }, opts);
    expect(decision).toMatchObject({ owner: 'Ana Ruiz', reviewBy: '2027-02-01', approvedBy: 'Sam Lee' });
  });

  it('not-applicable: why is required', async () => {
    const dir = tempRecordsDir();
    await expect(recordDecision(dir, { subject: '164.312(a)(2)(iii)', status: 'not-applicable', reason: 'none' }, opts)).rejects.toThrow(/why the specification does not apply/);
    const { decision } = await recordDecision(dir, { subject: '§164.312(a)(2)(iii)', status: 'not-applicable', reason: 'No person logs in to any system in this account; it runs batch jobs only.' }, opts);
    expect(decision.subject).toBe('164.312(a)(2)(iii)');
  });

  it('refuses an unknown subject, suggesting the nearest id', async () => {
    const dir = tempRecordsDir();
    await expect(recordDecision(dir, { subject: 'ebs-default-encryptoin', status: 'implemented', reason: 'done by the landing zone' }, opts)).rejects.toThrow(/no check or attestation "ebs-default-encryptoin"; did you mean "ebs-default-encryption"/);
    await expect(recordDecision(dir, { subject: '164.999(z)', status: 'implemented', reason: 'done by the landing zone' }, opts)).rejects.toThrow(/not a section of the HIPAA Security Rule/);
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'ignored', reason: REASON }, opts)).rejects.toThrow(/status must be one of implemented, alternative, not-reasonable, risk-accepted, not-applicable/);
  });

  it('records scope and evidence with the SHA-256 computed from the file', async () => {
    const dir = tempRecordsDir();
    const evidence = join(dirname(dir), 'risk-memo.pdf');
    writeFileSync(evidence, 'signed memo');
    const { decision } = await recordDecision(
      dir,
      {
        subject: 'ebs-default-encryption',
        status: 'not-applicable',
        reason: 'These regions run only the public website, which never touches ePHI.',
        scope: { accounts: ['111122223333'], regions: ['eu-west-1'], resources: [] },
        evidence: [evidence],
      },
      opts,
    );
    expect(decision.scope).toEqual({ accounts: ['111122223333'], regions: ['eu-west-1'] });
    expect(decision.evidence).toEqual([{ path: '../risk-memo.pdf', base: 'records', sha256: createHash('sha256').update('signed memo').digest('hex') }]);
    const { entries } = await readRecords(dir);
    expect(await evidenceDrift(entries, dir)).toEqual([]);
    writeFileSync(evidence, 'signed memo, edited later');
    expect(await evidenceDrift(entries, dir)).toEqual([expect.objectContaining({ entryId: 'D-0001', problem: 'changed', message: expect.stringMatching(/risk-memo\.pdf" of D-0001 has changed since it was recorded/) })]);
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason: 'hardware key', evidence: [join(dirname(dir), 'missing.pdf')] }, opts)).rejects.toThrow(/evidence file .*missing\.pdf" does not exist/);
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason: 'hardware key', evidence: [{ path: evidence, sha256: 'a'.repeat(64) }] }, opts)).rejects.toThrow(/does not match the SHA-256 given/);
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason: 'hardware key', scope: { regions: ['mars-1'] } }, opts)).rejects.toThrow(/"mars-1" is not an AWS region/);
    await expect(recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason: 'hardware key', scope: { accounts: ['1234'] } }, opts)).rejects.toThrow(/"1234" is not an AWS account id/);
  });

  it('a later decision supersedes an earlier one and the history stays', async () => {
    const dir = tempRecordsDir();
    await recordDecision(dir, { subject: 'root-mfa', status: 'risk-accepted', reason: 'A hardware key is on order and arrives within the quarter.', owner: 'Ana Ruiz', reviewBy: '2027-02-01' }, opts);
    await recordDecision(dir, { subject: 'ebs-default-encryption', status: 'implemented', reason: 'Enabled by the landing zone everywhere.' }, opts);
    await recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason: 'The hardware key arrived and is registered.' }, { ...opts, now: new Date('2026-12-20T00:00:00Z') });
    const view = await loadRecordsView(dir);
    expect(view.decisionFor('root-mfa')).toMatchObject({ id: 'D-0003', status: 'implemented' });
    expect(view.decisions().map((d) => d.id).sort()).toEqual(['D-0002', 'D-0003']);
    expect(view.decisionHistory().map((d) => `${d.id}:${d.status}`)).toEqual(['D-0001:risk-accepted', 'D-0002:implemented', 'D-0003:implemented']);
  });

  it('base records (the demo) lie under the folder: the folder supersedes them', async () => {
    const dir = tempRecordsDir();
    const demo = { id: 'demo-1', subject: 'root-mfa', status: 'risk-accepted' as const, reason: 'sample', decidedBy: 'demo', decidedAt: NOW.toISOString(), reviewBy: '2027-01-01', owner: 'x' };
    expect((await loadRecordsView(dir, { decisions: [demo], attestations: [], vendors: [] })).decisionFor('root-mfa')?.id).toBe('demo-1');
    await recordDecision(dir, { subject: 'root-mfa', status: 'implemented', reason: 'The hardware key is registered.' }, opts);
    expect((await loadRecordsView(dir, { decisions: [demo], attestations: [], vendors: [] })).decisionFor('root-mfa')?.id).toBe('D-0001');
  });
});

describe('sentenceProblem', () => {
  it('accepts a sentence and refuses placeholders', () => {
    expect(sentenceProblem('Our kiosks already lock after two minutes idle.')).toBeUndefined();
    expect(sentenceProblem('n/a')).toMatch(/placeholder/);
    expect(sentenceProblem('  ')).toMatch(/empty/);
    expect(sentenceProblem('costs too much')).toMatch(/too short/);
  });
});

describe('attestations', () => {
  it('validates the answer and each field by its kind, hashes evidence fields, and keeps the latest answer', async () => {
    const dir = tempRecordsDir();
    const copy = join(dirname(dir), 'baa.pdf');
    writeFileSync(copy, 'the BAA');
    await expect(recordAttestation(dir, { attestation: 'baa-signd', answer: 'yes' }, opts)).rejects.toThrow(/no attestation "baa-signd"; did you mean "baa-signed"/);
    await expect(recordAttestation(dir, { attestation: 'baa-signed', answer: 'maybe' }, opts)).rejects.toThrow(/yes, no or partial/);
    await expect(recordAttestation(dir, { attestation: 'baa-signed', answer: 'yes', fields: { signedOn: '2026-01-15' } }, opts)).rejects.toThrow(/needs signer \(Who signed\)/);
    await expect(recordAttestation(dir, { attestation: 'baa-signed', answer: 'yes', fields: { signedOn: 'last week', signer: 'Ana' } }, opts)).rejects.toThrow(/"signedOn" must be a date/);
    await expect(recordAttestation(dir, { attestation: 'baa-signed', answer: 'yes', fields: { signedOn: '2026-01-15', signer: 'Ana', coverage: '140' } }, opts)).rejects.toThrow(/percentage from 0 to 100/);
    await expect(recordAttestation(dir, { attestation: 'baa-signed', answer: 'yes', fields: { signedOn: '2026-01-15', signer: 'Ana', colour: 'blue' } }, opts)).rejects.toThrow(/has no field "colour"; its fields are signedOn, signer, coverage, copy/);
    await recordAttestation(dir, { attestation: 'baa-signed', answer: 'no' }, opts);
    const { answer } = await recordAttestation(dir, { attestation: 'baa-signed', answer: 'yes', fields: { signedOn: '2026-01-15', signer: 'Ana Ruiz', copy } }, opts);
    expect(answer).toMatchObject({ id: 'A-0002', answer: 'yes', attestedBy: 'dana.okafor', fields: { signedOn: '2026-01-15', signer: 'Ana Ruiz', copy } });
    expect(answer.evidence).toEqual([{ path: `../${basename(copy)}`, base: 'records', sha256: createHash('sha256').update('the BAA').digest('hex') }]);
    expect((await loadRecordsView(dir)).attestationFor('baa-signed')?.id).toBe('A-0002');
  });
});

describe('the vendor inventory', () => {
  it('adds, updates and retires vendors; the register keeps every version', async () => {
    const dir = tempRecordsDir();
    await expect(recordVendor(dir, { name: 'Acme', services: 'billing', phiKinds: 'claims', baaExpiresOn: '2027-01-01' }, opts)).rejects.toThrow(/needs the date it was signed/);
    await expect(recordVendor(dir, { name: 'Acme', services: 'billing', phiKinds: 'claims', baaSignedOn: '2027-01-01', baaExpiresOn: '2026-01-01' }, opts)).rejects.toThrow(/cannot expire/);
    await expect(recordVendor(dir, { name: 'Acme', services: '', phiKinds: 'claims' }, opts)).rejects.toThrow(/what Acme does for you/);
    const { vendor } = await recordVendor(dir, { name: 'Acme Billing, Inc.', services: 'claims billing', phiKinds: 'claims' }, opts);
    expect(vendor).toMatchObject({ id: 'acme-billing-inc', recordedBy: 'dana.okafor', recordedAt: NOW.toISOString() });
    await recordVendor(dir, { name: 'Acme Billing, Inc.', services: 'claims billing', phiKinds: 'claims', baaSignedOn: '2026-02-01', baaExpiresOn: '2028-02-01', baaLocation: 's3://contracts/acme.pdf' }, opts);
    await recordVendor(dir, { name: 'Lab Link', services: 'lab results', phiKinds: 'lab results' }, opts);
    let view = await loadRecordsView(dir);
    expect(view.vendors().map((v) => `${v.id}:${v.baaSignedOn ?? '-'}`)).toEqual(['acme-billing-inc:2026-02-01', 'lab-link:-']);
    await retireVendor(dir, 'lab-link', opts);
    await expect(retireVendor(dir, 'nobody', opts)).rejects.toThrow(/no current vendor "nobody"/);
    view = await loadRecordsView(dir);
    expect(view.vendors().map((v) => v.id)).toEqual(['acme-billing-inc']);
    expect((await readRecords(dir)).entries.filter((e) => e.kind === 'vendor')).toHaveLength(4);
  });
});

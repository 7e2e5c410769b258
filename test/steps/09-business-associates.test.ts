/** Step 9: the vendor inventory checks (records only: pass, fail, manual when empty), candidate BAs from Access Analyzer, the AWS BAA attestation. */
import { describe, expect, it } from 'vitest';
import type { ExternalAccessFinding } from '../../src/state/accessanalyzer.js';
import { EMPTY_RECORDS, type AttestationAnswer, type RecordsView, type Vendor } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAttestation } from '../../src/engine/runner.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, NOW, ctx, daysAgo, denied, state } from '../helpers/state.js';

const day = (iso: string) => iso.slice(0, 10);
const ahead = (d: number) => day(new Date(NOW.getTime() + d * 86_400_000).toISOString());
const records = (o: { vendors?: Vendor[]; attestations?: AttestationAnswer[] }): RecordsView => ({
  ...EMPTY_RECORDS,
  vendors: () => o.vendors ?? [],
  attestations: () => o.attestations ?? [],
  attestationFor: (id) => o.attestations?.find((a) => a.attestation === id),
});
const vendor = (name: string, o: Partial<Vendor> = {}): Vendor => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  services: 'claims processing',
  phiKinds: 'claims',
  baaSignedOn: day(daysAgo(300)),
  baaExpiresOn: ahead(400),
  recordedBy: 'dana',
  recordedAt: daysAgo(300),
  ...o,
});
const empty = state({ regions: ['us-east-1'] });

describe('vendor-baas', () => {
  it('passes when every vendor has a signed, current BAA', async () => {
    const f = await runCheckById('vendor-baas', empty, ctx({}, NOW, records({ vendors: [vendor('Clearwater'), vendor('Evergreen', { baaExpiresOn: undefined })] })));
    expect(f.status).toBe('pass');
  });
  it('fails for a vendor with no BAA and one whose BAA expired', async () => {
    const f = await runCheckById(
      'vendor-baas',
      empty,
      ctx({}, NOW, records({ vendors: [vendor('PhoneTree', { baaSignedOn: undefined, baaExpiresOn: undefined }), vendor('OldCo', { baaExpiresOn: day(daysAgo(3)) })] })),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/PhoneTree .* has no signed BAA/);
    expect(f.message).toMatch(/OldCo's BAA, signed .*, expired on/);
  });
  it('asks for the inventory (manual) when no vendor is recorded', async () => {
    expect((await runCheckById('vendor-baas', empty)).status).toBe('manual');
  });
});

describe('vendor-baa-renewals', () => {
  it('passes when no BAA expires within 60 days', async () => {
    expect((await runCheckById('vendor-baa-renewals', empty, ctx({}, NOW, records({ vendors: [vendor('Clearwater', { baaExpiresOn: ahead(61) })] })))).status).toBe('pass');
  });
  it('flags a BAA expiring within the window, and follows --baa-renewal-days', async () => {
    const r = records({ vendors: [vendor('Clearwater', { baaExpiresOn: ahead(34) })] });
    const f = await runCheckById('vendor-baa-renewals', empty, ctx({}, NOW, r));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/Clearwater's BAA expires on \d{4}-\d{2}-\d{2}, in 34 days/);
    expect((await runCheckById('vendor-baa-renewals', empty, ctx({ baaRenewalDays: 30 }, NOW, r))).status).toBe('pass');
  });
  it('is manual with an empty inventory', async () => {
    expect((await runCheckById('vendor-baa-renewals', empty)).status).toBe('manual');
  });
});

describe('external-access-candidates', () => {
  const analyzer = { name: 'a', arn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a', type: 'ACCOUNT', status: 'ACTIVE', createdAt: null };
  const finding = (o: Partial<ExternalAccessFinding> = {}): ExternalAccessFinding => ({
    id: 'f1',
    resource: `arn:aws:iam::${ACCOUNT}:role/billing-partner`,
    resourceType: 'AWS::IAM::Role',
    principal: { AWS: '444455556666' },
    isPublic: false,
    analyzerArn: analyzer.arn,
    condition: {},
    ...o,
  });
  const s = (findings: unknown, analyzers: unknown = [analyzer]) =>
    state({ regional: { 'us-east-1': { 'accessanalyzer.analyzers': analyzers as never, 'accessanalyzer.findings': findings as never } } });
  it('passes when no outside account reaches anything (public findings belong to other checks)', async () => {
    expect((await runCheckById('external-access-candidates', s([finding({ isPublic: true, principal: { AWS: '*' } })]))).status).toBe('pass');
  });
  it('fails naming the outside account and what it can reach', async () => {
    const f = await runCheckById('external-access-candidates', s([finding()]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/account 444455556666 can reach AWS::IAM::Role billing-partner in us-east-1/);
  });
  it('is unknown without an active analyzer, and when findings are refused', async () => {
    expect((await runCheckById('external-access-candidates', s([], []))).status).toBe('unknown');
    const f = await runCheckById('external-access-candidates', s(denied('access-analyzer:ListFindingsV2')));
    expect(f.missing).toEqual(['access-analyzer:ListFindingsV2']);
  });
});

describe('aws-baa attestation', () => {
  it('is manual until someone attests, passes after, and lapses after a year', async () => {
    const registry = await loadRegistry();
    const def = registry.attestation('aws-baa');
    const step = registry.stepOf('aws-baa');
    if (!def || !step) throw new Error('aws-baa is not registered');
    expect(def.fields.find((f) => f.name === 'acceptedOn')?.kind).toBe('date');
    expect(runAttestation(def, step, ctx()).status).toBe('manual');
    const answer = (at: string): AttestationAnswer => ({ id: 'A-1', attestation: 'aws-baa', answer: 'yes', fields: { acceptedOn: '2025-01-10' }, attestedBy: 'ruth', attestedAt: at });
    expect(runAttestation(def, step, ctx({}, NOW, records({ attestations: [answer(daysAgo(30))] }))).status).toBe('pass');
    const lapsed = runAttestation(def, step, ctx({}, NOW, records({ attestations: [answer(daysAgo(400))] })));
    expect(lapsed.status).toBe('fail');
    expect(lapsed.message).toMatch(/lapsed on \d{4}-\d{2}-\d{2}/);
  });
});

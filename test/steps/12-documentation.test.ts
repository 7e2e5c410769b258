/** Step 12: the register-based checks (pass, fail, manual/none), the evidence bucket, classification tags, and the risk analysis going stale. */
import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../src/state/s3.js';
import { EMPTY_RECORDS, type AttestationAnswer, type Decision, type RecordsView } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAttestation } from '../../src/engine/runner.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, NOW, ctx, daysAgo, denied, state } from '../helpers/state.js';

const ok = <T>(value: T) => ({ ok: true as const, value });
const day = (iso: string) => iso.slice(0, 10);
const ahead = (d: number) => day(new Date(NOW.getTime() + d * 86_400_000).toISOString());
const decision = (id: string, o: Partial<Decision>): Decision => ({
  id,
  subject: 'backup-copy-offsite',
  status: 'risk-accepted',
  reason: 'A second-region copy is budgeted for next quarter; a nightly offline export covers the gap.',
  decidedBy: 'dana',
  decidedAt: daysAgo(30),
  reviewBy: ahead(60),
  ...o,
});
const register = (decisions: Decision[]): RecordsView => ({ ...EMPTY_RECORDS, decisions: () => decisions });
const none = state({ regions: ['us-east-1'] });

describe('safeguard-register', () => {
  it('passes listing the dated implemented safeguards', async () => {
    const f = await runCheckById('safeguard-register', none, ctx({}, NOW, register([decision('D-1', { subject: 'root-mfa', status: 'implemented', decidedAt: daysAgo(300) })])));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/1 implemented safeguard, dated \d{4}-\d{2}-\d{2} to/);
  });
  it('fails for an implemented safeguard past its review date', async () => {
    const f = await runCheckById('safeguard-register', none, ctx({}, NOW, register([decision('D-1', { subject: 'root-mfa', status: 'implemented', reviewBy: day(daysAgo(5)) })])));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/root-mfa, implemented .*, was due for review/);
  });
  it('is manual while the register lists no implemented safeguard', async () => {
    expect((await runCheckById('safeguard-register', none)).status).toBe('manual');
  });
});

describe('addressable-decisions', () => {
  const run = (d: Decision[]) => runCheckById('addressable-decisions', none, ctx({}, NOW, register(d)));
  it('passes for a reasoned decision within its review date, and when nothing is declined', async () => {
    expect((await run([decision('D-1', {})])).status).toBe('pass');
    expect((await run([])).status).toBe('pass');
  });
  it('fails for declining a required specification, a bare reason, a missing alternative, a lapse', async () => {
    expect((await run([decision('D-2', { subject: '164.308(a)(1)(ii)(A)', status: 'not-reasonable' })])).message).toMatch(/declines §164\.308\(a\)\(1\)\(ii\)\(A\) \(Risk analysis\), which HIPAA requires/);
    expect((await run([decision('D-6', { subject: '164.308(a)(7)(ii)(B)', status: 'alternative', alternative: 'Nightly exports to the office NAS.' })])).message).toMatch(
      /puts an alternative measure in place of §164\.308\(a\)\(7\)\(ii\)\(B\) \(Disaster recovery plan\), which HIPAA requires to be implemented/,
    );
    expect((await run([decision('D-3', { reason: 'too hard' })])).message).toMatch(/gives no real reason/);
    expect((await run([decision('D-4', { status: 'alternative' })])).message).toMatch(/without describing it/);
    expect((await run([decision('D-5', { reviewBy: day(daysAgo(1)) })])).message).toMatch(/lapsed on/);
  });
});

const bucket = (name: string, o: Partial<S3Bucket> = {}) =>
  ({ name, arn: `arn:aws:s3:::${name}`, region: 'us-east-1', tags: ok({}), objectLock: ok(null), lifecycle: ok(null), ...o }) as S3Bucket;

describe('evidence-object-lock', () => {
  const s = (buckets: unknown) => state({ global: { 's3.buckets': buckets as never }, regions: ['us-east-1'] });
  const lock = (mode: 'COMPLIANCE' | 'GOVERNANCE' | null, years: number | null, days: number | null = null) => ok({ enabled: true, mode, years, days });
  it('passes for a bucket under compliance-mode Object Lock for six years', async () => {
    const f = await runCheckById('evidence-object-lock', s([bucket('site'), bucket('evidence', { objectLock: lock('COMPLIANCE', 6) })]));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/evidence \(us-east-1\) keeps objects under compliance-mode Object Lock for 2192 days/);
  });
  it('does not fail a log bucket locked for a shorter log retention once another bucket keeps evidence for six years', async () => {
    const f = await runCheckById('evidence-object-lock', s([bucket('evidence', { objectLock: lock('COMPLIANCE', 7) }), bucket('trail-logs', { objectLock: lock('GOVERNANCE', null, 365) })]));
    expect(f.status).toBe('pass');
    expect(f.resources.map((r) => [r.id, r.status])).toEqual([['arn:aws:s3:::evidence', 'pass']]);
  });
  it('fails for too short a retention, a lifecycle rule that expires objects early, or no lock at all', async () => {
    expect((await runCheckById('evidence-object-lock', s([bucket('ev', { objectLock: lock('GOVERNANCE', null, 365) })]))).message).toMatch(/only 365 days/);
    const lifecycle = ok([{ id: 'expire', enabled: true, prefix: null, expirationDays: 365, noncurrentExpirationDays: null, transitions: [] }]);
    expect((await runCheckById('evidence-object-lock', s([bucket('ev', { objectLock: lock('COMPLIANCE', 7), lifecycle })]))).message).toMatch(/lifecycle rule expire/);
    expect((await runCheckById('evidence-object-lock', s([bucket('site')]))).message).toMatch(/No S3 bucket has Object Lock/);
  });
  it('is unknown when Object Lock settings cannot be read and no bucket qualifies', async () => {
    const f = await runCheckById('evidence-object-lock', s([bucket('ev', { objectLock: { ok: false, error: denied('s3:GetBucketObjectLockConfiguration') } })]));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetBucketObjectLockConfiguration']);
  });
});

describe('data-classification-tags', () => {
  const s = (o: { buckets?: unknown; tagged?: unknown } = {}) =>
    state({
      global: { 's3.buckets': (o.buckets ?? [bucket('docs', { tags: ok({ 'data-classification': 'phi' }) })]) as never },
      regional: {
        'us-east-1': {
          'rds.instances': [{ id: 'portal', arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:portal`, clusterId: null, tags: { phi: 'false' } }] as never,
          'rds.clusters': [],
          'dynamodb.tables': [],
          'efs.fileSystems': [],
          'tagging.dataStores': (o.tagged ?? []) as never,
        },
      },
    });
  it('passes when every store carries a classification key (even "phi=false")', async () => {
    expect((await runCheckById('data-classification-tags', s())).status).toBe('pass');
  });
  it('fails for an untagged bucket and for a store only the tagging API knows', async () => {
    const f = await runCheckById('data-classification-tags', s({ tagged: [{ arn: `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:sessions`, tags: { env: 'prod' } }], buckets: [bucket('exports')] }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/Bucket exports in us-east-1/);
    expect(f.message).toMatch(/elasticache sessions in us-east-1/);
  });
  it('is unknown when a bucket\'s tags cannot be read', async () => {
    expect((await runCheckById('data-classification-tags', s({ buckets: [bucket('docs', { tags: { ok: false, error: denied('s3:GetBucketTagging') } })] }))).status).toBe('unknown');
  });
});

describe('risk-analysis attestation', () => {
  it('goes stale a year after it was given', async () => {
    const registry = await loadRegistry();
    const def = registry.attestation('risk-analysis');
    const step = registry.stepOf('risk-analysis');
    if (!def || !step) throw new Error('risk-analysis is not registered');
    expect(def.validForDays).toBe(365);
    const a = (at: string): RecordsView => ({
      ...EMPTY_RECORDS,
      attestationFor: (id) =>
        id === 'risk-analysis' ? ({ id: 'A-1', attestation: id, answer: 'yes', fields: { completedOn: at.slice(0, 10) }, attestedBy: 'ruth', attestedAt: at } satisfies AttestationAnswer) : undefined,
    });
    expect(runAttestation(def, step, ctx({}, NOW, a(daysAgo(364)))).status).toBe('pass');
    expect(runAttestation(def, step, ctx({}, NOW, a(daysAgo(366)))).status).toBe('fail');
  });
});

/**
 * The S3, KMS and CloudTrail fixes on the stateful AWS model: each plans exactly what its check
 * failed, leaves alone (with a sentence) the buckets something depends on, and its undo never
 * destroys data: no key is scheduled for deletion, no log bucket is emptied of its protection or
 * deleted. What a fix creates passes every check that reads it.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import type { AccountState } from '../../src/engine/state.js';
import { ok } from '../../src/engine/state.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAll } from '../../src/engine/runner.js';
import { renderPlanText } from '../../src/report/plan-output.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { ACCOUNT, ctx, denied, NOW, state } from '../helpers/state.js';
import { bucket, kmsKey, trail } from './fixtures.js';
import { planFor } from './harness.js';

const E1 = 'us-east-1';
const plain = (s: string) => s;
const site = { indexDocument: 'index.html', redirectAllTo: null };
const publicRead = { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }] };

/** An account where nothing is tagged as ePHI: every bucket is in the checks' scope. */
function untaggedAccount(): AccountState {
  return state({
    global: {
      's3.buckets': [
        bucket('trail-logs', E1, { logging: ok({ targetBucket: 'access-logs', targetPrefix: 'trail-logs/' }) }),
        bucket('access-logs', E1, { encryption: ok(null) }),
        bucket('site', E1, { website: ok(site), policy: ok(publicRead), policyStatus: ok({ isPublic: true }) }),
        bucket('claims', E1),
      ],
    },
    regional: { [E1]: { 'kms.keys': [], 'cloudtrail.trails': [trail('main', { s3BucketName: 'trail-logs' })] } },
  });
}

const touched = (plan: { actions: readonly { input: Record<string, unknown> }[] }) => [...new Set(plan.actions.map((a) => a.input.Bucket).filter(Boolean))];

describe('s3-encryption-kms', () => {
  it('puts the key only on buckets nothing depends on, SSE-S3 on an unencrypted log target, and says why it left the others', async () => {
    const plan = await planFor('s3-encryption-kms', untaggedAccount());
    expect(plan.actions.map((a) => [a.command, a.input.Bucket ?? a.input.AliasName ?? null])).toEqual([
      ['PutBucketEncryption', 'access-logs'],
      ['CreateKey', null],
      ['CreateAlias', 'alias/hipaa-wizard-s3'],
      ['EnableKeyRotation', null],
      ['PutBucketEncryption', 'claims'],
    ]);
    expect(plan.actions[0]?.input).toMatchObject({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
    expect(plan.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Bucket trail-logs \(us-east-1\) keeps its current encryption: CloudTrail trail main delivers its log files to it/),
        expect.stringMatching(/^Bucket site \(us-east-1\) keeps its current encryption: it hosts a static website/),
      ]),
    );
    expect(renderPlanText(plan, (_s, t) => plain(t))).toContain('Bucket site (us-east-1) keeps its current encryption');
  });

  it('plans a bucket whose tags could not be read, as the check fails it', async () => {
    const s = state({
      global: { 's3.buckets': [bucket('claims', E1, { tags: ok({ phi: 'true' }), encryption: ok({ algorithm: 'aws:kms', kmsKeyId: kmsKey('k-own').arn, bucketKeyEnabled: true }) }), bucket('unlabelled', E1, { tags: { ok: false, error: denied('s3:GetBucketTagging') } })] },
      regional: { [E1]: { 'kms.keys': [kmsKey('k-own')], 'cloudtrail.trails': [] } },
    });
    const plan = await planFor('s3-encryption-kms', s);
    expect(touched(plan)).toEqual(['unlabelled']);
  });

  it('leaves a bucket shared with another account on its key, naming the account', async () => {
    const shared = { Version: '2012-10-17', Statement: [{ Sid: 'PartnerRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::claims/*' }] };
    const s = state({ global: { 's3.buckets': [bucket('claims', E1, { policy: ok(shared) })] }, regional: { [E1]: { 'kms.keys': [], 'cloudtrail.trails': [] } } });
    const plan = await planFor('s3-encryption-kms', s);
    expect(plan.actions).toEqual([]);
    expect(plan.notes).toEqual([expect.stringMatching(/^Bucket claims \(us-east-1\) keeps its current encryption: its policy lets account 444455556666 use it/)]);
  });

  it('apply makes the checks pass on the model, a second plan is empty, and undo keeps the key', async () => {
    const before = untaggedAccount();
    const model = new AwsModel(before, ALL_SERVICES);
    const plan = await planFor('s3-encryption-kms', before);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    expect(outcome.verification.find((v) => v.check === 's3-default-encryption')?.status).toBe('pass');
    expect((await planFor('s3-encryption-kms', model.read())).actions).toEqual([]);
    const undone = await undoOnModel(entry, model);
    expect(undone.outcome.status).toBe('applied');
    expect(undone.plan.actions.map((a) => a.command)).not.toContain('ScheduleKeyDeletion');
    expect(undone.cannotUndo.join(' ')).toMatch(/the key stays: data encrypted with it/);
    const after = model.read();
    const keys = after.regional[E1]?.['kms.keys'];
    expect(keys?.ok && keys.value.map((k) => k.state)).toEqual(['Enabled']);
    const buckets = after.global['s3.buckets'];
    const bBefore = before.global['s3.buckets'];
    if (!buckets?.ok || !bBefore?.ok) throw new Error('unreadable');
    expect(buckets.value.find((b) => b.name === 'claims')?.encryption).toEqual(bBefore.value.find((b) => b.name === 'claims')?.encryption);
  });
});

describe('s3-deny-non-tls', () => {
  it('leaves a website bucket alone with a sentence: its endpoint serves only HTTP', async () => {
    const s = state({ global: { 's3.buckets': [bucket('site', E1, { website: ok(site) }), bucket('claims', E1)] } });
    const plan = await planFor('s3-deny-non-tls', s);
    expect(touched(plan)).toEqual(['claims']);
    expect(plan.notes.at(-1)).toMatch(/^Bucket site \(us-east-1\) is left without a TLS-only policy: it hosts a static website, and S3 website endpoints serve only plain HTTP/);
  });
});

describe('s3-versioning', () => {
  const s = (status: 'Off' | 'Suspended') => state({ global: { 's3.buckets': [bucket('claims', E1, { versioning: ok({ status, mfaDelete: false }) })] }, regional: { [E1]: { 'cloudtrail.trails': [] } } });

  it('marks enabling versioning on a never-versioned bucket irreversible, with the reason', async () => {
    const plan = await planFor('s3-versioning', s('Off'));
    expect(plan.actions[0]).toMatchObject({ reversible: false, irreversibleBecause: expect.stringContaining('can only be suspended, not returned to never-enabled') });
  });

  it('undoes exactly when the bucket was suspended before', async () => {
    const before = s('Suspended');
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry, outcome } = await applyToModel(await planFor('s3-versioning', before), model);
    expect(outcome.verification[0]?.status).toBe('pass');
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });
});

/** Every resource some check fails whose id is one of `arns`, as "check: detail". */
async function failuresOn(s: AccountState, arns: readonly string[]): Promise<string[]> {
  const registry = await loadRegistry();
  return runAll(registry, s, ctx())
    .filter((f) => f.kind === 'check')
    .flatMap((f) => f.resources.filter((r) => r.status === 'fail' && arns.includes(r.id)).map((r) => `${f.id}: ${r.detail}`));
}

describe('log buckets a fix creates pass every check', () => {
  const trailBucket = `hipaa-wizard-cloudtrail-${ACCOUNT}`;
  const logBucket = `hipaa-wizard-access-logs-${ACCOUNT}-${E1}`;
  const newArns = [`arn:aws:s3:::${trailBucket}`, `arn:aws:s3:::${logBucket}`];

  it('cloudtrail-trail: the trail bucket and its access-log bucket, then undo deletes only the trail', async () => {
    const before = state({ global: { 's3.buckets': [bucket('claims', E1)] }, regional: { [E1]: { 'cloudtrail.trails': [], 'kms.keys': [] } } });
    const model = new AwsModel(before, ALL_SERVICES);
    const plan = await planFor('cloudtrail-trail', before);
    expect(plan.actions.find((a) => a.command === 'CreateBucket' && a.input.Bucket === trailBucket)?.input).toMatchObject({ ObjectLockEnabledForBucket: true });
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    expect(outcome.verification.map((v) => v.status)).toEqual(['pass']);
    // The trail bucket is locked for the log retention (365 days by default), not the six years of
    // documentation retention: it is a log bucket, and the evidence-store check says it is not one.
    expect(await failuresOn(model.read(), newArns)).toEqual([`evidence-object-lock: Bucket ${trailBucket} (us-east-1) has Object Lock but a default retention of only 365 days.`]);
    expect((await planFor('cloudtrail-trail', model.read())).actions).toEqual([]);
    const undone = await undoOnModel(entry, model);
    expect(undone.outcome.status).toBe('applied');
    const sentTo = undone.plan.actions.map((a) => a.command);
    expect(sentTo).toEqual(expect.arrayContaining(['StopLogging', 'DeleteTrail']));
    expect(sentTo).not.toEqual(expect.arrayContaining(['DeleteBucket']));
    expect(sentTo).not.toContain('ScheduleKeyDeletion');
    expect(sentTo).not.toContain('DeleteBucketPolicy');
    const buckets = model.read().global['s3.buckets'];
    expect(buckets?.ok && buckets.value.map((b) => b.name)).toEqual(['claims', trailBucket, logBucket]);
  });

  it('s3-access-logging: the log bucket it creates, then undo turns logging off and keeps the bucket', async () => {
    const before = state({ global: { 's3.buckets': [bucket('claims', E1)] }, regional: { [E1]: { 'cloudtrail.trails': [], 'kms.keys': [] } } });
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(await planFor('s3-access-logging', before), model);
    expect(outcome.verification.map((v) => v.status)).toEqual(['pass']);
    expect(await failuresOn(model.read(), newArns)).toEqual([]);
    expect((await planFor('s3-access-logging', model.read())).actions).toEqual([]);
    const undone = await undoOnModel(entry, model);
    expect(undone.plan.actions.map((a) => a.command)).toEqual(['PutBucketLogging']);
    expect(undone.cannotUndo[0]).toMatch(/may already hold S3 server access logs/);
  });

  it('DeleteBucket on a bucket that holds objects fails as S3 does', () => {
    const model = new AwsModel(state({ global: { 's3.buckets': [{ ...bucket('full', E1), objects: 3 } as never] } }), ALL_SERVICES);
    expect(() => model.send('s3', E1, 'DeleteBucket', { Bucket: 'full' })).toThrow(/not empty/);
  });
});

describe('plan all on the demo account', () => {
  const protectedBuckets = ['maple-cloudtrail-logs', 'maple-access-logs', 'maple-website-assets'];
  const untagged = (s: AccountState): AccountState => {
    const b = s.global['s3.buckets'];
    if (!b?.ok) throw new Error('demo buckets unreadable');
    return { ...s, global: { ...s.global, 's3.buckets': ok(b.value.map((x) => ({ ...x, tags: ok({}) }))) } };
  };

  it.each([
    ['as shipped', (s: AccountState) => s],
    ['with no bucket tagged as ePHI', untagged],
  ])('puts no KMS key or TLS deny on the trail, access-log or website bucket (%s)', async (_name, variant) => {
    const registry = await loadRegistry();
    const s = variant(buildDemoState(NOW));
    for (const id of ['s3-encryption-kms', 's3-deny-non-tls']) {
      const plan = makePlan(registry, id, s, ctx());
      const hits = plan.actions.filter((a) => protectedBuckets.includes(String(a.input.Bucket)) && (id === 's3-deny-non-tls' || JSON.stringify(a.input).includes('aws:kms')));
      expect(hits.map((a) => `${id}: ${a.summary}`)).toEqual([]);
    }
  });
});

/** The AWS model itself: a plan applied to it changes the state as AWS would, and the re-check sees it. */
import { describe, expect, it } from 'vitest';
import { ok } from '../../src/engine/state.js';
import { bucket, kmsKey } from './fixtures.js';
import { planFor } from './harness.js';
import { state } from '../helpers/state.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel } from '../helpers/aws-model/index.js';

const E1 = 'us-east-1';

describe('the AWS model', () => {
  it('applies s3-encryption-kms to a bucket with no default encryption: key created, bucket encrypted, check passes', async () => {
    const before = state({ global: { 's3.buckets': [bucket('scratch', E1, { encryption: ok(null) })] }, regional: { [E1]: { 'kms.keys': [kmsKey('k-own')], 'cloudtrail.trails': [] } } });
    const model = new AwsModel(before, ALL_SERVICES);
    const plan = await planFor('s3-encryption-kms', before);
    const { outcome } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    const after = model.read();
    const keys = after.regional[E1]?.['kms.keys'];
    if (!keys?.ok) throw new Error('kms.keys unreadable');
    expect(keys.value.find((k) => k.aliases.includes('alias/hipaa-wizard-s3'))?.rotation).toEqual(ok(true));
    expect(outcome.verification.find((v) => v.check === 's3-default-encryption')?.status).toBe('pass');
  });

  it('refuses a call it has no behaviour for, by name', () => {
    const model = new AwsModel(state({}), ALL_SERVICES);
    expect(() => model.send('s3', E1, 'PutBucketReplication', { Bucket: 'x' })).toThrow(/no behaviour for s3:PutBucketReplication/);
  });
});

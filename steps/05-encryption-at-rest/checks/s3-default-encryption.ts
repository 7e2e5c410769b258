import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { bucketResource, perBucket } from '../../../src/rules/s3.js';

export default defineCheck({
  id: 's3-default-encryption',
  title: 'Buckets encrypt new objects by default',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { global: ['s3.buckets'] },
  why: 'Default encryption guarantees every object is encrypted at rest, whatever tool uploaded it; a bucket without it depends on each client remembering to ask.',
  evaluate(state) {
    const resources = perBucket(read(state, 's3.buckets'), (b) => b.encryption, (enc, b) => {
      if (!enc) return bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} has no default encryption.`);
      const how = enc.algorithm === 'AES256' ? 'SSE-S3 (AES-256)' : `SSE-KMS with ${enc.kmsKeyId ?? 'the AWS managed key aws/s3'}`;
      return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} encrypts new objects with ${how}.`);
    });
    return summarize(resources, {
      pass: (n) => `Every bucket encrypts new objects by default (${plural(n, 'bucket')} checked).`,
      fail: (f) => `${f.length} bucket${f.length === 1 ? ' has' : 's have'} no default encryption: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});

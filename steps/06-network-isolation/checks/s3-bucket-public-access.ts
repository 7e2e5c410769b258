import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { globalSlice } from '../../../src/engine/state.js';
import { bucketResource, perBucket } from '../../../src/rules/s3.js';
import { fullBlock, missingFlags } from '../../../src/rules/network.js';

export default defineCheck({
  id: 's3-bucket-public-access',
  title: 'Every bucket blocks public access',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.m', '09.m'],
  needs: { global: ['s3.buckets', 's3control.publicAccessBlock'] },
  why: 'Block Public Access on the bucket is the seatbelt under its policy and ACL: a later edit that grants public read is refused instead of silently publishing patient files.',
  evaluate(state) {
    const account = globalSlice(state, 's3control.publicAccessBlock');
    const accountBlocks = account.ok && fullBlock(account.value);
    const resources = perBucket(read(state, 's3.buckets'), (b) => b.publicAccessBlock, (pab, b) => {
      if (fullBlock(pab)) return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} blocks all public access.`);
      if (accountBlocks) return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} is covered by the account-wide Block Public Access.`);
      return bucketResource(
        b,
        'fail',
        pab ? `Bucket ${b.name} in ${b.region} leaves ${missingFlags(pab).join(', ')} off.` : `Bucket ${b.name} in ${b.region} has no Block Public Access settings.`,
      );
    });
    return summarize(resources, {
      pass: (n) => `Every bucket blocks public access (${plural(n, 'bucket')} checked).`,
      fail: (f) => `${f.length} bucket${f.length === 1 ? ' does' : 's do'} not fully block public access${account.ok ? '' : ' (the account setting could not be read)'}: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { bucketResource, perBucket } from '../../../src/rules/s3.js';
import { deniesInsecureTransport } from '../../../src/rules/tls.js';

export default defineCheck({
  id: 's3-tls-only',
  title: 'Buckets refuse requests that are not encrypted in transit',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  needs: { global: ['s3.buckets'] },
  why: 'S3 still answers plain HTTP; unless the bucket policy denies requests where aws:SecureTransport is false, an old client or misconfigured tool can move patient files in clear text.',
  evaluate(state) {
    const buckets = read(state, 's3.buckets');
    const resources = perBucket(buckets, (b) => b.policy, (policy, b) =>
      deniesInsecureTransport(policy, b.name)
        ? bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} denies requests without TLS.`)
        : bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} ${policy ? 'has a policy without' : 'has no policy, so no'} deny for requests where aws:SecureTransport is false.`),
    );
    return summarize(resources, {
      pass: (n) => `Every bucket denies requests that do not use TLS (${plural(n, 'bucket')} checked).`,
      fail: (f) => `${f.length} bucket${f.length === 1 ? ' accepts' : 's accept'} plain HTTP requests: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});

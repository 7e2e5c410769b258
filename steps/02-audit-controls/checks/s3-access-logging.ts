import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { bucketResource, perBucket, phiBucketScope, scopeNote } from '../../../src/rules/s3.js';

export default defineCheck({
  id: 's3-access-logging',
  title: 'ePHI buckets keep server access logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  needs: { global: ['s3.buckets'] },
  why: 'Server access logs record every request to a bucket, including anonymous and failed ones, which CloudTrail does not; they show who tried to reach patient files.',
  evaluate(state, { settings }) {
    const buckets = read(state, 's3.buckets');
    const scope = phiBucketScope(buckets, settings);
    const targets = new Set(buckets.flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : [])));
    const resources = perBucket(scope.buckets, (b) => b.logging, (logging, b) => {
      if (logging) return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} logs requests to ${logging.targetBucket}/${logging.targetPrefix}.`);
      // AWS advises against logging a log bucket: each delivery would itself be logged, without end.
      if (targets.has(b.name)) return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} receives server access logs itself; AWS advises not to log a log bucket, since every delivery would be logged again.`);
      return bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} keeps no server access logs.`);
    });
    return summarize(resources, {
      pass: (n) => `Every ${scope.noun} keeps server access logs (${plural(n, scope.noun)} checked)${scopeNote(scope, settings)}.`,
      fail: (f) => `${f.length} ${scope.noun}${f.length === 1 ? ' keeps' : 's keep'} no server access logs: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});

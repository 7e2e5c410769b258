import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';
import { bucketResource, perBucket, phiBucketScope, scopeNote } from '../../../src/rules/s3.js';

export default defineCheck({
  id: 's3-versioning',
  title: 'ePHI and log buckets keep earlier versions of objects',
  severity: 'medium',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['09.ab', '10.c'],
  needs: { global: ['s3.buckets'], regional: ['cloudtrail.trails'] },
  why: 'Without versioning an overwrite or delete, accidental or malicious, destroys the only copy; with it, the earlier version of a record can be restored and compared.',
  evaluate(state, { settings }) {
    const buckets = read(state, 's3.buckets');
    const scope = phiBucketScope(buckets, settings);
    const logBuckets = new Set([
      ...allTrails(state).trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : [])),
      ...buckets.flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : [])),
    ]);
    const inScope = buckets.filter((b) => scope.buckets.includes(b) || logBuckets.has(b.name));
    const resources = perBucket(inScope, (b) => b.versioning, (v, b) => {
      const kind = logBuckets.has(b.name) ? 'Log bucket' : 'Bucket';
      return v.status === 'Enabled'
        ? bucketResource(b, 'pass', `${kind} ${b.name} in ${b.region} keeps object versions${v.mfaDelete ? ' with MFA delete' : ''}.`)
        : bucketResource(b, 'fail', `${kind} ${b.name} in ${b.region} has versioning ${v.status === 'Off' ? 'off' : 'suspended'}, so an overwrite or delete cannot be undone.`);
    });
    return summarize(resources, {
      pass: (n) => `Every ePHI and log bucket keeps object versions (${plural(n, 'bucket')} checked)${scopeNote(scope, settings)}.`,
      fail: (f) => `${f.length} bucket${f.length === 1 ? ' does' : 's do'} not keep object versions: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});

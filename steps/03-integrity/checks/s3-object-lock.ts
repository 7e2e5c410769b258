import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';
import { bucketResource, perBucket } from '../../../src/rules/s3.js';

/** Tag values that mark a bucket as holding audit logs or compliance evidence. */
const AUDIT_PURPOSES = new Set(['audit', 'audit-logs', 'logs', 'logging', 'evidence', 'compliance', 'records']);

export default defineCheck({
  id: 's3-object-lock',
  title: 'Audit and evidence buckets use Object Lock',
  severity: 'medium',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['09.ab', '10.c', '10.d'],
  needs: { global: ['s3.buckets'], regional: ['cloudtrail.trails'] },
  why: 'Object Lock makes a stored object unchangeable for a set period, even for the account’s administrators; it is how audit logs and compliance records stay trustworthy.',
  evaluate(state) {
    const buckets = read(state, 's3.buckets');
    const trailBuckets = new Set(allTrails(state).trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : [])));
    const logTargets = new Set(buckets.flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : [])));
    const tagged = (b: (typeof buckets)[number]) =>
      b.tags.ok && Object.entries(b.tags.value).some(([k, v]) => /^(purpose|data-classification|classification)$/i.test(k) && AUDIT_PURPOSES.has(v.toLowerCase()));
    // S3 delivers no server access logs to a bucket with Object Lock, so those targets cannot be locked:
    // they are left out (s3-versioning keeps their earlier versions).
    const inScope = buckets.filter((b) => !logTargets.has(b.name) && (trailBuckets.has(b.name) || tagged(b)));
    const exempt = buckets.filter((b) => logTargets.has(b.name));
    const tail = exempt.length
      ? ` ${listNames(exempt.map((b) => b.name))} ${exempt.length === 1 ? 'receives' : 'receive'} server access logs, which S3 cannot deliver to a bucket under Object Lock, so ${exempt.length === 1 ? 'it is' : 'they are'} not counted.`
      : '';
    const resources = perBucket(inScope, (b) => b.objectLock, (lock, b) => {
      if (lock?.enabled && lock.mode && (lock.days || lock.years)) {
        return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} locks new objects (${lock.mode}, ${lock.years ? `${lock.years} years` : `${lock.days} days`}).`);
      }
      return bucketResource(
        b,
        'fail',
        lock?.enabled
          ? `Bucket ${b.name} in ${b.region} has Object Lock on but no default retention, so objects are not locked unless each upload asks.`
          : `Bucket ${b.name} in ${b.region} holds audit or evidence data without Object Lock.`,
      );
    });
    return summarize(resources, {
      pass: (n) => `Every audit and evidence bucket locks its objects by default (${plural(n, 'bucket')} checked).${tail}`,
      fail: (f) => `${f.length} audit or evidence bucket${f.length === 1 ? '' : 's'} can have objects changed or deleted: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: `No bucket was identified as holding audit logs or evidence (CloudTrail targets, or tagged purpose=audit/evidence).${tail}`,
    });
  },
});

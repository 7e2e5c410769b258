import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';
import { bucketResource, perBucket, phiBucketScope, scopeNote } from '../../../src/rules/s3.js';
import { keyOwner } from '../keys.js';

export default defineCheck({
  id: 's3-phi-cmk',
  title: 'ePHI buckets are encrypted with a key you manage',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { global: ['s3.buckets'], regional: ['kms.keys', 'cloudtrail.trails'] },
  why: 'With SSE-S3 or the AWS managed key, anyone who can read the bucket can read the data; a customer managed key adds a key policy you control, a record of every decrypt, and the option to revoke access at once.',
  evaluate(state, { settings }) {
    const buckets = read(state, 's3.buckets');
    const scope = phiBucketScope(buckets, settings);
    const { trails: allTrailList } = allTrails(state);
    const trailsInto = (name: string) => allTrailList.filter((t) => t.s3BucketName === name);
    const logTargets = new Set(buckets.flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : [])));
    const resources = perBucket(scope.buckets, (b) => b.encryption, (enc, b) => {
      const trails = trailsInto(b.name);
      if (trails.length > 0 && trails.every((t) => t.kmsKeyId)) {
        return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} holds CloudTrail log files that trail ${trails.map((t) => t.name).join(', ')} encrypts itself with key ${trails[0]?.kmsKeyId}.`);
      }
      if (enc?.algorithm === 'AES256' && logTargets.has(b.name)) {
        return bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} receives server access logs, which S3 delivers only to a bucket encrypted with SSE-S3; a key you manage is not possible here.`);
      }
      if (!enc) return bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} has no default encryption at all.`);
      if (enc.algorithm === 'AES256') return bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} uses SSE-S3, a key AWS holds and you cannot restrict.`);
      const owner = keyOwner(state, b.region, enc.kmsKeyId);
      if (owner.kind === 'unknown') {
        return owner.error
          ? unreadableResource(`bucket ${b.name}`, b.region, owner.error)
          : { id: b.arn, region: b.region, status: 'unknown' as const, detail: `Bucket ${b.name} in ${b.region} uses key ${owner.label}, which KMS did not list.` };
      }
      return owner.kind === 'customer'
        ? bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} uses customer managed key ${owner.label}.`)
        : bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} uses ${owner.label}, which AWS manages.`);
    });
    return summarize(resources, {
      pass: (n) => `Every ${scope.noun} is encrypted with a customer managed KMS key (${plural(n, scope.noun)} checked)${scopeNote(scope, settings)}.`,
      fail: (f) => `${f.length} ${scope.noun}${f.length === 1 ? ' is' : 's are'} not encrypted with a key you manage: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});

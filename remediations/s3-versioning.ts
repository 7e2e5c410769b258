/**
 * Turns on versioning for the ePHI buckets (all buckets when none is tagged) and for the buckets
 * that hold CloudTrail or access logs, so an overwrite or a delete keeps the previous version.
 * The buckets are exactly those the check s3-versioning found failing. S3 cannot return a bucket to
 * never-versioned: turning versioning on for such a bucket cannot be undone (suspending it by hand
 * is the nearest); a bucket that was suspended before is suspended again by undo.
 */
import { defineRemediation } from '../src/engine/define.js';
import { read } from '../src/engine/outcome.js';
import { failingBuckets } from './lib/s3.js';

export default defineRemediation({
  id: 's3-versioning',
  title: 'Keep previous versions of ePHI and log objects',
  fixes: ['s3-versioning'],
  leavesAlone: ['buckets the check does not flag (only ePHI-tagged and log buckets when any is tagged)'],
  permissions: ['s3:PutBucketVersioning'],
  notes: ['Every overwritten or deleted object is kept as a noncurrent version and billed as storage; add a lifecycle rule to expire old versions after the retention period.'],
  plan(state, { failing }) {
    return failingBuckets(read(state, 's3.buckets'), failing('s3-versioning'))
      .filter((b) => b.versioning.ok && b.versioning.value.status !== 'Enabled')
      .map((b) => {
        const before = b.versioning.ok ? b.versioning.value.status : 'Off';
        const undo = [{ service: 's3', command: 'PutBucketVersioning', input: { Bucket: b.name, VersioningConfiguration: { Status: 'Suspended' } }, region: b.region }];
        return {
          effect: '~' as const,
          service: 's3',
          command: 'PutBucketVersioning',
          input: { Bucket: b.name, VersioningConfiguration: { Status: 'Enabled' } },
          region: b.region,
          resource: `bucket ${b.name}`,
          summary: `Turn on versioning for ${b.name} in ${b.region} (now ${before === 'Off' ? 'never enabled' : 'suspended'}).`,
          ...(before === 'Suspended'
            ? { reversible: true, undo }
            : {
                reversible: false,
                irreversibleBecause: `a bucket that had versioning on can only be suspended, not returned to never-enabled; to stop keeping versions of ${b.name}, suspend versioning by hand (aws s3api put-bucket-versioning --bucket ${b.name} --versioning-configuration Status=Suspended)`,
              }),
        };
      });
  },
});

/**
 * Turns on versioning for the ePHI buckets (all buckets when none is tagged) and for the buckets
 * that hold CloudTrail or access logs, so an overwrite or a delete keeps the previous version.
 * S3 cannot turn versioning fully off again: undo suspends it (versions already kept stay).
 */
import { defineRemediation } from '../src/engine/define.js';
import { read } from '../src/engine/outcome.js';
import { allTrails, phiBucketScope } from '../steps/02-audit-controls/aws-state.js';

export default defineRemediation({
  id: 's3-versioning',
  title: 'Keep previous versions of ePHI and log objects',
  fixes: ['s3-versioning'],
  risk: 'safe',
  permissions: ['s3:PutBucketVersioning'],
  notes: ['Every overwritten or deleted object is kept as a noncurrent version and billed as storage; add a lifecycle rule to expire old versions after the retention period.'],
  plan(state, { settings }) {
    const buckets = read(state, 's3.buckets');
    const scope = phiBucketScope(buckets, settings).buckets;
    const logBuckets = new Set([
      ...allTrails(state).trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : [])),
      ...buckets.flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : [])),
    ]);
    return buckets
      .filter((b) => (scope.includes(b) || logBuckets.has(b.name)) && b.versioning.ok && b.versioning.value.status !== 'Enabled')
      .map((b) => ({
        effect: '~' as const,
        service: 's3',
        command: 'PutBucketVersioning',
        input: { Bucket: b.name, VersioningConfiguration: { Status: 'Enabled' } },
        region: b.region,
        resource: `bucket ${b.name}`,
        summary: `Turn on versioning for ${b.name} in ${b.region} (now ${b.versioning.ok ? b.versioning.value.status.toLowerCase() : 'unknown'}).`,
        reversible: true,
        undo: [{ service: 's3', command: 'PutBucketVersioning', input: { Bucket: b.name, VersioningConfiguration: { Status: 'Suspended' } }, region: b.region }],
      }));
  },
});

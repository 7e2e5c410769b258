import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { allTrails, phiBucketScope, scopeNote } from '../aws-state.js';

export default defineCheck({
  id: 'cloudtrail-s3-data-events',
  title: 'Object-level access to ePHI buckets is recorded',
  severity: 'high',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  needs: { global: ['s3.buckets'], regional: ['cloudtrail.trails'] },
  why: 'Management events show who changed a bucket, not who downloaded a patient file; only S3 data events record each GetObject and PutObject on ePHI.',
  evaluate(state, { settings }) {
    const scope = phiBucketScope(read(state, 's3.buckets'), settings);
    const { trails, unreadable } = allTrails(state);
    const active = trails.filter((t) => t.status.ok && t.status.value.logging && t.selectors.ok);
    const unsure = trails.filter((t) => !t.status.ok || !t.selectors.ok);
    // A bucket that receives logs is left out: recording its object events would log every delivery again.
    const logBuckets = new Set([
      ...trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : [])),
      ...scope.buckets.concat(read(state, 's3.buckets')).flatMap((b) => (b.logging.ok && b.logging.value ? [b.logging.value.targetBucket] : [])),
    ]);
    const resources = scope.buckets.filter((b) => !logBuckets.has(b.name)).map((b) => {
      const by = active.find((t) => t.selectors.ok && (t.selectors.value.s3DataAll || t.selectors.value.s3DataBuckets.includes(b.name)));
      if (by) return { id: b.arn, region: b.region, status: 'pass' as const, detail: `Bucket ${b.name} in ${b.region}: data events recorded by trail ${by.name}.` };
      if (unsure.length > 0 || unreadable.length > 0) {
        const missing = unsure[0] ? (!unsure[0].selectors.ok ? unsure[0].selectors.error.action : !unsure[0].status.ok ? unsure[0].status.error.action : undefined) : unreadable[0]?.missing;
        return { id: b.arn, region: b.region, status: 'unknown' as const, detail: `Bucket ${b.name} in ${b.region}: some trails could not be read.`, missing };
      }
      return { id: b.arn, region: b.region, status: 'fail' as const, detail: `Bucket ${b.name} in ${b.region}: no logging trail records its object-level reads and writes.` };
    });
    return summarize(resources, {
      pass: (n) => `Object-level reads and writes are recorded for every ${scope.noun} (${plural(n, scope.noun)} checked)${scopeNote(scope, settings)}.`,
      fail: (f) => `No logging trail records S3 data events for ${f.length} ${scope.noun}${f.length === 1 ? '' : 's'}: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}.`,
      none: 'The account has no S3 buckets, so there is no object access to record.',
    });
  },
});

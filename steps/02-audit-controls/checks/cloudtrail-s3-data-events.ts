import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import type { Trail } from '../../../src/state/cloudtrail.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';
import { phiBucketScope, scopeNote } from '../../../src/rules/s3.js';

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
    // A single-region trail records only the events of its home region; S3 data events happen in the bucket's region.
    const covers = (t: Trail, region: string) => t.multiRegion || t.homeRegion === region;
    const records = (t: Trail, bucket: string, reads: boolean) => {
      if (!t.selectors.ok) return false;
      const s = t.selectors.value;
      if (!reads) return s.s3DataAll || s.s3DataBuckets.includes(bucket);
      return (s.s3DataReadAll ?? s.s3DataAll) || (s.s3DataReadBuckets ?? s.s3DataBuckets).includes(bucket);
    };
    const resources = scope.buckets.filter((b) => !logBuckets.has(b.name)).map((b) => {
      const where = `Bucket ${b.name} in ${b.region}`;
      const by = active.find((t) => covers(t, b.region) && records(t, b.name, true));
      if (by) return { id: b.arn, region: b.region, status: 'pass' as const, detail: `${where}: data events (reads and writes) recorded by trail ${by.name}.` };
      if (unsure.length > 0 || unreadable.length > 0) {
        const missing = unsure[0] ? (!unsure[0].selectors.ok ? unsure[0].selectors.error.action : !unsure[0].status.ok ? unsure[0].status.error.action : undefined) : unreadable[0]?.missing;
        return { id: b.arn, region: b.region, status: 'unknown' as const, detail: `${where}: some trails could not be read.`, missing };
      }
      const writesOnly = active.find((t) => covers(t, b.region) && records(t, b.name, false));
      if (writesOnly) {
        return { id: b.arn, region: b.region, status: 'fail' as const, detail: `${where}: trail ${writesOnly.name} records only writes (WriteOnly), so no one's reads of its objects are recorded.` };
      }
      const elsewhere = active.find((t) => !covers(t, b.region) && records(t, b.name, true));
      if (elsewhere) {
        return { id: b.arn, region: b.region, status: 'fail' as const, detail: `${where}: trail ${elsewhere.name} selects it but is a single-region trail in ${elsewhere.homeRegion}, so it records nothing from ${b.region}.` };
      }
      return { id: b.arn, region: b.region, status: 'fail' as const, detail: `${where}: no logging trail records its object-level reads and writes.` };
    });
    return summarize(resources, {
      pass: (n) => `Object-level reads and writes are recorded for every ${scope.noun} (${plural(n, scope.noun)} checked)${scopeNote(scope, settings)}.`,
      fail: (f) =>
        `No logging trail records object-level reads for ${f.length} ${scope.noun}${f.length === 1 ? '' : 's'}: ${listNames(f.map((r) => `${r.id.replace(/^arn:[^:]+:s3:::/, '')} (${r.region})`))}. ${f.length === 1 ? (f[0]?.detail ?? '') : ''}`.trim(),
      none: 'The account has no S3 buckets, so there is no object access to record.',
    });
  },
});

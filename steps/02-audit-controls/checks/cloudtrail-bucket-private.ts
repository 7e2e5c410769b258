import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';

export default defineCheck({
  id: 'cloudtrail-bucket-private',
  title: 'The buckets holding CloudTrail logs are private and logged',
  severity: 'high',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.ab', '09.ae'],
  needs: { global: ['s3.buckets'], regional: ['cloudtrail.trails'] },
  why: 'The audit trail shows which resources exist and who touches them; a readable log bucket hands that map to anyone, and without access logging nobody knows who read the logs.',
  evaluate(state) {
    const buckets = read(state, 's3.buckets');
    const { trails, unreadable } = allTrails(state);
    const targets = new Map<string, string[]>();
    for (const t of trails) if (t.s3BucketName) targets.set(t.s3BucketName, [...(targets.get(t.s3BucketName) ?? []), t.name]);
    const resources: ResourceResult[] = [...unreadable];
    for (const [name, trailNames] of targets) {
      const b = buckets.find((x) => x.name === name);
      if (!b) {
        resources.push({ id: `arn:aws:s3:::${name}`, status: 'pass', detail: `Bucket ${name} (trail ${trailNames.join(', ')}) belongs to another account, which keeps the logs out of this account's reach.` });
        continue;
      }
      if (!b.policyStatus.ok || !b.acl.ok || !b.logging.ok) {
        const e = !b.policyStatus.ok ? b.policyStatus.error : !b.acl.ok ? b.acl.error : !b.logging.ok ? b.logging.error : undefined;
        if (e) resources.push(unreadableResource(`bucket ${name}`, b.region, e));
        continue;
      }
      const gaps: string[] = [];
      if (b.policyStatus.value?.isPublic) gaps.push('its bucket policy makes it public');
      if (b.acl.value.publicGrants.length > 0) gaps.push(`its ACL grants ${b.acl.value.publicGrants.join(', ')}`);
      if (!b.logging.value) gaps.push('server access logging is off');
      resources.push({
        id: b.arn,
        region: b.region,
        status: gaps.length ? 'fail' : 'pass',
        detail: gaps.length ? `Log bucket ${name} in ${b.region} (trail ${trailNames.join(', ')}): ${gaps.join('; ')}.` : `Log bucket ${name} in ${b.region} is private and its access is logged.`,
      });
    }
    return summarize(resources, {
      pass: (n) => `Every CloudTrail log bucket is private and access-logged (${plural(n, 'bucket')} checked).`,
      fail: (f) => `${listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2)}.`,
      none: `No CloudTrail trail delivers to a bucket in ${state.regions.join(', ')}; the trail check covers that gap.`,
    });
  },
});

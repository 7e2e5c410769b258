import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, plural, read, summarize, unreadableResource } from '../../../src/engine/outcome.js';
import { isPhi, noPhiTagged } from '../../../src/engine/phi.js';

export default defineCheck({
  id: 's3-replication-ephi',
  title: 'Buckets holding ePHI replicate to another region or account',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(B)', obligation: 'required' },
  hitrust: ['09.l', '12.c'],
  needs: { global: ['s3.buckets'] },
  why: 'S3 keeps data within one region; a copy replicated elsewhere keeps patient files available through a regional outage and out of reach of a single compromised account.',
  evaluate(state, { settings }) {
    const resources: ResourceResult[] = [];
    for (const b of read(state, 's3.buckets')) {
      if (!b.tags.ok) {
        resources.push(unreadableResource(`bucket ${b.name}`, b.region, b.tags.error));
        continue;
      }
      if (!isPhi(b.tags.value, settings)) continue;
      if (!b.replication.ok) {
        resources.push(unreadableResource(`bucket ${b.name}`, b.region, b.replication.error));
        continue;
      }
      const rule = b.replication.value?.rules.find((r) => r.enabled);
      resources.push(
        rule
          ? { id: b.arn, region: b.region, status: 'pass', detail: `Bucket ${b.name} (${b.region}) replicates to ${rule.destinationBucket.replace(/^arn:aws:s3:::/, '')}.` }
          : { id: b.arn, region: b.region, status: 'fail', detail: `Bucket ${b.name} (${b.region}) holds ePHI and does not replicate.` },
      );
    }
    if (resources.length === 0) return noPhiTagged('S3 bucket', 'this account', 'replication of ePHI', settings);
    return summarize(resources, {
      pass: (n) => `Every bucket holding ePHI replicates to another bucket (${plural(n, 'bucket')} checked).`,
      fail: (bad) => `${plural(bad.length, 'bucket')} holding ePHI ${bad.length === 1 ? 'has' : 'have'} no replica: ${listNames(bad.map((r) => r.detail.replace(/^Bucket (\S+) \((\S+)\).*$/, '$1 ($2)')))}.`,
    });
  },
});

import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'rds-deletion-protection',
  title: 'Databases have deletion protection',
  severity: 'medium',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['09.ab', '10.c'],
  needs: { regional: ['rds.instances', 'rds.clusters'] },
  why: 'Deletion protection makes dropping a production database a deliberate two-step act instead of one mistaken click or script run.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const instances = regionalSlice(state, 'rds.instances', region);
      const clusters = regionalSlice(state, 'rds.clusters', region);
      if (!instances.ok) resources.push(unreadableResource(`DB instances in ${region}`, region, instances.error));
      if (!clusters.ok) resources.push(unreadableResource(`DB clusters in ${region}`, region, clusters.error));
      const entries = [
        ...(instances.ok ? instances.value.filter((i) => !i.clusterId).map((i) => ({ kind: 'DB instance', id: i.id, arn: i.arn, on: i.deletionProtection })) : []),
        ...(clusters.ok ? clusters.value.map((c) => ({ kind: 'DB cluster', id: c.id, arn: c.arn, on: c.deletionProtection })) : []),
      ];
      for (const e of entries) {
        resources.push({
          id: e.arn,
          region,
          status: e.on ? 'pass' : 'fail',
          detail: e.on ? `${e.kind} ${e.id} in ${region} has deletion protection.` : `${e.kind} ${e.id} in ${region} can be deleted without first turning off deletion protection.`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every database has deletion protection (${plural(n, 'database')} checked).`,
      fail: (f) => `${f.length} database${f.length === 1 ? ' lacks' : 's lack'} deletion protection: ${listNames(f.map((r) => `${r.id.split(':').pop()} (${r.region})`))}.`,
      none: `There are no RDS databases in ${state.regions.join(', ')}.`,
    });
  },
});

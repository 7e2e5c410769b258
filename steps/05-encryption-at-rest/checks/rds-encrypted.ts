import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'rds-encrypted',
  title: 'Databases are encrypted at rest',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['rds.instances', 'rds.clusters'] },
  why: 'RDS encryption covers the storage, its backups, snapshots and read replicas; it can only be chosen at creation, so an unencrypted database must be copied into an encrypted one.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const instances = regionalSlice(state, 'rds.instances', region);
      const clusters = regionalSlice(state, 'rds.clusters', region);
      if (!instances.ok) resources.push(unreadableResource(`DB instances in ${region}`, region, instances.error));
      if (!clusters.ok) resources.push(unreadableResource(`DB clusters in ${region}`, region, clusters.error));
      const entries = [
        ...(instances.ok ? instances.value.filter((i) => !i.clusterId).map((i) => ({ kind: 'DB instance', id: i.id, arn: i.arn, on: i.storageEncrypted, engine: i.engine })) : []),
        ...(clusters.ok ? clusters.value.map((c) => ({ kind: 'DB cluster', id: c.id, arn: c.arn, on: c.storageEncrypted, engine: c.engine })) : []),
      ];
      for (const e of entries) {
        resources.push({
          id: e.arn,
          region,
          status: e.on ? 'pass' : 'fail',
          detail: e.on ? `${e.kind} ${e.id} in ${region} is encrypted at rest.` : `${e.kind} ${e.id} (${e.engine}) in ${region} stores its data unencrypted.`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every database is encrypted at rest (${plural(n, 'database')} checked).`,
      fail: (f) => `${f.length} database${f.length === 1 ? ' is' : 's are'} not encrypted at rest: ${listNames(f.map((r) => `${r.id.split(':').pop()} (${r.region})`))}.`,
      none: `There are no RDS databases in ${state.regions.join(', ')}.`,
    });
  },
});

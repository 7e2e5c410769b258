import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'rds-log-exports',
  title: 'Databases export their logs to CloudWatch Logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  needs: { regional: ['rds.instances', 'rds.clusters'] },
  why: 'Database logs (connections, errors, audit events) stay on the instance and rotate away unless exported; exported, they can be kept and searched after an incident.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const instances = regionalSlice(state, 'rds.instances', region);
      const clusters = regionalSlice(state, 'rds.clusters', region);
      if (!instances.ok) {
        resources.push(unreadableResource(`region ${region}`, region, instances.error));
        continue;
      }
      for (const db of instances.value) {
        let exports = db.enabledLogExports;
        if (db.clusterId) {
          if (!clusters.ok) {
            resources.push(unreadableResource(`DB instance ${db.id}`, region, clusters.error));
            continue;
          }
          exports = clusters.value.find((c) => c.id === db.clusterId)?.enabledLogExports ?? exports;
        }
        resources.push({
          id: db.arn,
          region,
          status: exports.length > 0 ? 'pass' : 'fail',
          detail: exports.length > 0 ? `DB instance ${db.id} in ${region} exports ${exports.join(', ')} logs.` : `DB instance ${db.id} (${db.engine}) in ${region} exports no logs to CloudWatch Logs.`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every DB instance exports its logs to CloudWatch Logs (${plural(n, 'instance')} checked).`,
      fail: (f) => `${f.length} DB instance${f.length === 1 ? ' exports' : 's export'} no logs: ${listNames(f.map((r) => `${r.id.split(':').pop()} (${r.region})`))}.`,
      none: `There are no RDS DB instances in ${state.regions.join(', ')}.`,
    });
  },
});

import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';

const ON = new Set(['1', 'on', 'true']);

export default defineCheck({
  id: 'rds-force-tls',
  title: 'Databases refuse connections without TLS',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['rds.instances', 'rds.clusters', 'rds.tlsParameters'] },
  why: 'RDS offers TLS but, unless the parameter group forces it, accepts a client that connects without it; queries and results then cross the network in clear text.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const instances = regionalSlice(state, 'rds.instances', region);
      const clusters = regionalSlice(state, 'rds.clusters', region);
      const params = regionalSlice(state, 'rds.tlsParameters', region);
      if (!instances.ok) {
        resources.push(unreadableResource(`DB instances in ${region}`, region, instances.error));
        continue;
      }
      for (const db of instances.value) {
        const label = `DB instance ${db.id} (${db.engine}) in ${region}`;
        const cluster = db.clusterId && clusters.ok ? clusters.value.find((c) => c.id === db.clusterId) : undefined;
        const keys = cluster?.parameterGroup ? [`cluster:${cluster.parameterGroup}`] : db.parameterGroups.map((g) => `instance:${g}`);
        if (!params.ok) {
          resources.push(unreadableResource(label, region, params.error));
          continue;
        }
        const found = keys.map((k) => params.value[k]).find((r) => r !== undefined);
        if (!found) {
          resources.push({ id: db.arn, region, status: 'unknown', detail: `${label}: its parameter group was not read.` });
          continue;
        }
        if (!found.ok) {
          resources.push(unreadableResource(label, region, found.error));
          continue;
        }
        const p = found.value;
        const engine = db.engine.toLowerCase();
        let forced: boolean | undefined;
        let setting = '';
        if (/postgres|sqlserver/.test(engine)) {
          forced = ON.has((p.forceSsl ?? '').toLowerCase());
          setting = `rds.force_ssl=${p.forceSsl ?? 'unset'}`;
        } else if (/mysql|mariadb/.test(engine)) {
          forced = ON.has((p.requireSecureTransport ?? '').toLowerCase());
          setting = `require_secure_transport=${p.requireSecureTransport ?? 'unset'}`;
        }
        if (forced === undefined) {
          resources.push({ id: db.arn, region, status: 'unknown', detail: `${label}: TLS for this engine is set outside the parameter group (an option group or the client) and cannot be read here.` });
          continue;
        }
        resources.push({
          id: db.arn,
          region,
          status: forced ? 'pass' : 'fail',
          detail: forced ? `${label} forces TLS (${setting} in ${p.group}).` : `${label} accepts unencrypted connections (${setting} in ${p.group}).`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every DB instance refuses connections without TLS (${plural(n, 'instance')} checked).`,
      fail: (f) => `${f.length} DB instance${f.length === 1 ? ' accepts' : 's accept'} unencrypted connections: ${listNames(f.map((r) => r.detail.replace(/^DB instance (\S+) .* in (\S+) accepts.*$/, '$1 ($2)')))}.`,
      none: `There are no RDS DB instances in ${state.regions.join(', ')}.`,
    });
  },
});

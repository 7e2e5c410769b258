import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';
import { OLD_PROTOCOLS, modernElbPolicyName } from '../../../src/rules/tls.js';

export default defineCheck({
  id: 'elb-tls-policy',
  title: 'Load balancer TLS listeners allow only TLS 1.2 or newer',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['elbv2.loadBalancers', 'elbv2.sslPolicies'] },
  why: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated; a listener that still accepts them lets a downgraded connection carry ePHI.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const lbs = regionalSlice(state, 'elbv2.loadBalancers', region);
      if (!lbs.ok) {
        resources.push(unreadableResource(`region ${region}`, region, lbs.error));
        continue;
      }
      const policies = regionalSlice(state, 'elbv2.sslPolicies', region);
      for (const lb of lbs.value) {
        if (!lb.listeners.ok) {
          resources.push(unreadableResource(`load balancer ${lb.name}`, region, lb.listeners.error));
          continue;
        }
        for (const l of lb.listeners.value.filter((x) => x.sslPolicy)) {
          const policy = l.sslPolicy!;
          const protocols = policies.ok ? policies.value[policy] : undefined;
          const label = `Listener ${l.protocol}:${l.port} of ${lb.name} in ${region}`;
          if (!protocols) {
            if (modernElbPolicyName(policy)) {
              resources.push({ id: l.arn, region, status: 'pass', detail: `${label} uses ${policy} (TLS 1.2 or newer).` });
            } else if (!policies.ok) {
              resources.push(unreadableResource(`${label} (policy ${policy})`, region, policies.error));
            } else {
              resources.push({ id: l.arn, region, status: 'unknown', detail: `${label} uses ${policy}, whose protocols AWS did not return.` });
            }
            continue;
          }
          const old = protocols.filter((p) => OLD_PROTOCOLS.has(p));
          resources.push({
            id: l.arn,
            region,
            status: old.length ? 'fail' : 'pass',
            detail: old.length ? `${label} uses ${policy}, which still accepts ${old.join(', ')}.` : `${label} uses ${policy} (${protocols.join(', ')}).`,
          });
        }
      }
    }
    return summarize(resources, {
      pass: (n) => `Every TLS listener accepts only TLS 1.2 or newer (${plural(n, 'listener')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2) + '.',
      none: `There are no HTTPS or TLS listeners in ${state.regions.join(', ')}.`,
    });
  },
});

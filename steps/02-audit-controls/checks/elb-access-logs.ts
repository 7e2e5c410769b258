import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'elb-access-logs',
  title: 'Load balancers write access logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  needs: { regional: ['elbv2.loadBalancers'] },
  why: 'A load balancer’s access log is the record of every request that reached the application, with its source address; without it, the first hop of an attack is invisible.',
  evaluate(state) {
    const resources = perRegion(state, 'elbv2.loadBalancers', (lbs, region) =>
      lbs
        .filter((lb) => lb.type !== 'gateway')
        .map((lb) => {
          if (!lb.attributes.ok) return unreadableResource(`load balancer ${lb.name}`, region, lb.attributes.error);
          const a = lb.attributes.value;
          return {
            id: lb.arn,
            region,
            status: a.accessLogs ? ('pass' as const) : ('fail' as const),
            detail: a.accessLogs
              ? `Load balancer ${lb.name} in ${region} logs requests to bucket ${a.accessLogsBucket ?? '(unnamed)'}.`
              : `Load balancer ${lb.name} in ${region} keeps no access logs.`,
          };
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every load balancer writes access logs (${plural(n, 'load balancer')} checked).`,
      fail: (f) => `${f.length} load balancer${f.length === 1 ? ' keeps' : 's keep'} no access logs: ${listNames(f.map((r) => `${r.id.split('/')[2] ?? r.id} (${r.region})`))}.`,
      none: `There are no application or network load balancers in ${state.regions.join(', ')}.`,
    });
  },
});

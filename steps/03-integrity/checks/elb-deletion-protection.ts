import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'elb-deletion-protection',
  title: 'Load balancers have deletion protection',
  severity: 'low',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['10.c'],
  needs: { regional: ['elbv2.loadBalancers'] },
  why: 'Deleting the load balancer in front of a patient portal takes it offline and loses its listener and certificate setup; protection makes that a deliberate act.',
  evaluate(state) {
    const resources = perRegion(state, 'elbv2.loadBalancers', (lbs, region) =>
      lbs.map((lb) => {
        if (!lb.attributes.ok) return unreadableResource(`load balancer ${lb.name}`, region, lb.attributes.error);
        const on = lb.attributes.value.deletionProtection;
        return {
          id: lb.arn,
          region,
          status: on ? ('pass' as const) : ('fail' as const),
          detail: on ? `Load balancer ${lb.name} in ${region} has deletion protection.` : `Load balancer ${lb.name} in ${region} can be deleted without a safeguard.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `Every load balancer has deletion protection (${plural(n, 'load balancer')} checked).`,
      fail: (f) => `${f.length} load balancer${f.length === 1 ? ' lacks' : 's lack'} deletion protection: ${listNames(f.map((r) => `${r.id.split('/')[2] ?? r.id} (${r.region})`))}.`,
      none: `There are no load balancers in ${state.regions.join(', ')}.`,
    });
  },
});

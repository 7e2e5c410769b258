import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'elb-https-only',
  title: 'Load balancers redirect or refuse plain HTTP',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  needs: { regional: ['elbv2.loadBalancers'] },
  why: 'An HTTP listener that forwards to the application sends logins, session cookies and form data in clear text; it should only redirect to HTTPS.',
  evaluate(state) {
    const resources = perRegion(state, 'elbv2.loadBalancers', (lbs, region) =>
      lbs
        .filter((lb) => lb.type === 'application')
        .map((lb) => {
          if (!lb.listeners.ok) return unreadableResource(`load balancer ${lb.name}`, region, lb.listeners.error);
          const plain = lb.listeners.value.filter(
            (l) => l.protocol === 'HTTP' && !l.defaultActions.some((a) => a.type === 'redirect' && a.redirectProtocol === 'HTTPS'),
          );
          return {
            id: lb.arn,
            region,
            status: plain.length ? ('fail' as const) : ('pass' as const),
            detail: plain.length
              ? `Load balancer ${lb.name} in ${region} serves plain HTTP on port ${plain.map((l) => l.port).join(', ')} without redirecting to HTTPS.`
              : `Load balancer ${lb.name} in ${region} serves only HTTPS or redirects HTTP to HTTPS.`,
          };
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every application load balancer serves HTTPS only or redirects HTTP to HTTPS (${plural(n, 'load balancer')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2) + '.',
      none: `There are no application load balancers in ${state.regions.join(', ')}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';

const OLD = ['SSLv3', 'TLSv1', 'TLSv1.1'];

export default defineCheck({
  id: 'clb-tls-policy',
  title: 'Classic Load Balancers refuse TLS versions older than 1.2',
  severity: 'medium',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['06.d', '09.m'],
  permissions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerPolicies'],
  needs: { regional: ['elb.loadBalancers'] },
  why: 'SSL 3.0, TLS 1.0 and TLS 1.1 have known weaknesses and are no longer accepted for protecting health data; the negotiation policy decides which versions the load balancer accepts.',
  evaluate(state) {
    return eachResource(state, {
      key: 'elb.loadBalancers',
      noun: 'Classic Load Balancer',
      id: (lb) => lb.name,
      name: (lb) => lb.name,
      judge: (lb, region) => {
        const secure = lb.listeners.filter((l) => l.protocol === 'HTTPS' || l.protocol === 'SSL');
        if (secure.length === 0) return null;
        return given(lb.sslProtocols, (byPolicy) => {
          const used = [...new Set(secure.flatMap((l) => l.policyNames).filter((p) => byPolicy[p]))];
          const old = [...new Set(used.flatMap((p) => (byPolicy[p] ?? []).filter((v) => OLD.includes(v))))];
          if (used.length === 0) return fail(`Classic Load Balancer ${lb.name} in ${region} has no SSL negotiation policy on its secure listeners, so it uses the old default that accepts TLSv1.`);
          return old.length
            ? fail(`Classic Load Balancer ${lb.name} in ${region} still accepts ${old.join(', ')} through policy ${used.join(', ')}.`)
            : pass(`Classic Load Balancer ${lb.name} in ${region} accepts only TLS 1.2 or later (policy ${used.join(', ')}).`);
        });
      },
      pass: (n) => `${eachOf(n, 'Classic Load Balancer')} with a secure listener refuses TLS older than 1.2.`,
      fail: (names, n) => `${counted(n, 'Classic Load Balancer', 'still accepts', 'still accept')} SSL 3.0, TLS 1.0 or TLS 1.1: ${names}.`,
      none: 'No Classic Load Balancer in the scanned regions has an HTTPS or SSL listener.',
    });
  },
});

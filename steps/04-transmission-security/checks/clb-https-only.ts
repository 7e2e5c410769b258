import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'clb-https-only',
  title: 'Classic Load Balancers accept only encrypted connections',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  permissions: ['elasticloadbalancing:DescribeLoadBalancers'],
  needs: { regional: ['elb.loadBalancers'] },
  why: 'A Classic Load Balancer listener on HTTP or TCP carries whatever the browser sends, patient data included, in clear text across the internet; HTTPS or SSL listeners encrypt it.',
  evaluate(state) {
    return eachResource(state, {
      key: 'elb.loadBalancers',
      noun: 'Classic Load Balancer',
      id: (lb) => lb.name,
      name: (lb) => lb.name,
      judge: (lb, region) => {
        const plain = lb.listeners.filter((l) => l.protocol === 'HTTP' || l.protocol === 'TCP');
        return plain.length
          ? fail(`Classic Load Balancer ${lb.name} in ${region} accepts unencrypted ${plain.map((l) => `${l.protocol} on port ${l.port}`).join(' and ')}.`)
          : pass(`Classic Load Balancer ${lb.name} in ${region} listens only with HTTPS or SSL.`);
      },
      pass: (n) => `${eachOf(n, 'Classic Load Balancer')} listens only with HTTPS or SSL.`,
      fail: (names, n) => `${counted(n, 'Classic Load Balancer', 'accepts', 'accept')} unencrypted connections: ${names}.`,
      none: 'The scanned regions have no Classic Load Balancers.',
    });
  },
});

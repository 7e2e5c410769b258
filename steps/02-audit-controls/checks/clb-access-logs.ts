import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'clb-access-logs',
  title: 'Classic Load Balancers write access logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  permissions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes'],
  needs: { regional: ['elb.loadBalancers'] },
  why: 'Access logs record every request with its source address and time; without them nobody can tell afterwards who reached the application behind the load balancer.',
  evaluate(state) {
    return eachResource(state, {
      key: 'elb.loadBalancers',
      noun: 'Classic Load Balancer',
      id: (lb) => lb.name,
      name: (lb) => lb.name,
      judge: (lb, region) =>
        given(lb.accessLogs, (on) =>
          on ? pass(`Classic Load Balancer ${lb.name} in ${region} writes access logs.`) : fail(`Classic Load Balancer ${lb.name} in ${region} keeps no access logs.`),
        ),
      pass: (n) => `${eachOf(n, 'Classic Load Balancer')} writes access logs.`,
      fail: (names, n) => `${counted(n, 'Classic Load Balancer', 'keeps', 'keep')} no access logs: ${names}.`,
      none: 'The scanned regions have no Classic Load Balancers.',
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'redshift-audit-logging',
  title: 'Redshift clusters keep audit logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  permissions: ['redshift:DescribeClusters', 'redshift:DescribeLoggingStatus'],
  needs: { regional: ['redshift.clusters'] },
  why: 'Audit logging records connections, users and queries; without it nobody can say who looked at which patient records in the warehouse.',
  evaluate(state) {
    return eachResource(state, {
      key: 'redshift.clusters',
      noun: 'Redshift cluster',
      id: (c) => c.id,
      name: (c) => c.id,
      judge: (c, region) =>
        given(c.auditLogging, (on) =>
          on ? pass(`Redshift cluster ${c.id} in ${region} keeps audit logs.`) : fail(`Redshift cluster ${c.id} in ${region} has audit logging turned off.`),
        ),
      pass: (n) => `${eachOf(n, 'Redshift cluster')} keeps audit logs.`,
      fail: (names, n) => `${counted(n, 'Redshift cluster', 'has', 'have')} audit logging turned off: ${names}.`,
      none: 'The scanned regions have no Redshift clusters.',
    });
  },
});

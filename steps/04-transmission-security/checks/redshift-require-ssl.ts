import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'redshift-require-ssl',
  title: 'Redshift clusters refuse unencrypted connections',
  severity: 'medium',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  permissions: ['redshift:DescribeClusters', 'redshift:DescribeClusterParameters'],
  needs: { regional: ['redshift.clusters'] },
  why: 'Unless the parameter group sets require_ssl, a client may connect without TLS and send queries and results, patient records included, in clear text.',
  evaluate(state) {
    return eachResource(state, {
      key: 'redshift.clusters',
      noun: 'Redshift cluster',
      id: (c) => c.id,
      name: (c) => c.id,
      judge: (c, region) =>
        given(c.requireSsl, (on) =>
          on
            ? pass(`Redshift cluster ${c.id} in ${region} requires SSL (parameter group ${c.parameterGroups.join(', ')}).`)
            : fail(`Redshift cluster ${c.id} in ${region} accepts unencrypted connections: parameter group ${c.parameterGroups.join(', ') || '(none)'} does not set require_ssl to true.`),
        ),
      pass: (n) => `${eachOf(n, 'Redshift cluster')} requires SSL.`,
      fail: (names, n) => `${counted(n, 'Redshift cluster', 'accepts', 'accept')} unencrypted connections: ${names}.`,
      none: 'The scanned regions have no Redshift clusters.',
    });
  },
});

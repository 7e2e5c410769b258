import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'redshift-public',
  title: 'Redshift clusters are not publicly accessible',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['redshift:DescribeClusters'],
  needs: { regional: ['redshift.clusters'] },
  why: 'A publicly accessible cluster has an address on the internet; one weak password or leaked credential then exposes the whole data warehouse.',
  evaluate(state) {
    return eachResource(state, {
      key: 'redshift.clusters',
      noun: 'Redshift cluster',
      id: (c) => c.id,
      name: (c) => c.id,
      judge: (c, region) =>
        c.publiclyAccessible ? fail(`Redshift cluster ${c.id} in ${region} is publicly accessible.`) : pass(`Redshift cluster ${c.id} in ${region} is reachable only from inside its VPC.`),
      pass: (n) => `${eachOf(n, 'Redshift cluster')} is private.`,
      fail: (names, n) => `${counted(n, 'Redshift cluster')} publicly accessible: ${names}.`,
      none: 'The scanned regions have no Redshift clusters.',
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'redshift-encrypted',
  title: 'Redshift clusters are encrypted at rest',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['redshift:DescribeClusters'],
  needs: { regional: ['redshift.clusters'] },
  why: 'An unencrypted warehouse leaves every table, snapshot and backup readable to anyone who gets a copy of the storage.',
  evaluate(state) {
    return eachResource(state, {
      key: 'redshift.clusters',
      noun: 'Redshift cluster',
      id: (c) => c.id,
      name: (c) => c.id,
      judge: (c, region) =>
        c.encrypted
          ? pass(`Redshift cluster ${c.id} in ${region} is encrypted${c.kmsKeyId ? ` with key ${c.kmsKeyId}` : ''}.`)
          : fail(`Redshift cluster ${c.id} in ${region} is not encrypted at rest.`),
      pass: (n) => `${eachOf(n, 'Redshift cluster')} is encrypted at rest.`,
      fail: (names, n) => `${counted(n, 'Redshift cluster')} not encrypted at rest: ${names}.`,
      none: 'The scanned regions have no Redshift clusters.',
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'elasticache-at-rest',
  title: 'ElastiCache replication groups are encrypted at rest',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['elasticache:DescribeReplicationGroups'],
  needs: { regional: ['analytics.cacheGroups'] },
  why: 'Cache data spills to disk and into backups; without encryption at rest those copies are readable to anyone who obtains them.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.cacheGroups',
      noun: 'ElastiCache replication group',
      id: (r) => r.arn,
      name: (r) => r.id,
      judge: (r, region) => r.atRestEncryption ? pass(`ElastiCache replication group ${r.id} in ${region} is encrypted at rest.`) : fail(`ElastiCache replication group ${r.id} in ${region} is not encrypted at rest.`),
      pass: (n) => `${eachOf(n, 'ElastiCache replication group')} is encrypted at rest.`,
      fail: (names, n) => `${counted(n, 'ElastiCache replication group')} not encrypted at rest: ${names}.`,
      none: 'The scanned regions have no ElastiCache replication groups.',
    });
  },
});

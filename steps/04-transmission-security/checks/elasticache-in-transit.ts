import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'elasticache-in-transit',
  title: 'ElastiCache replication groups encrypt data in transit',
  severity: 'medium',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  permissions: ['elasticache:DescribeReplicationGroups'],
  needs: { regional: ['analytics.cacheGroups'] },
  why: 'Caches often hold sessions and query results with patient details; without in-transit encryption they cross the network in clear text between the application and the cache.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.cacheGroups',
      noun: 'ElastiCache replication group',
      id: (r) => r.arn,
      name: (r) => r.id,
      judge: (r, region) => r.transitEncryption ? pass(`ElastiCache replication group ${r.id} in ${region} encrypts data in transit.`) : fail(`ElastiCache replication group ${r.id} in ${region} does not encrypt data in transit.`),
      pass: (n) => `${eachOf(n, 'ElastiCache replication group')} encrypts data in transit.`,
      fail: (names, n) => `${counted(n, 'ElastiCache replication group', 'does', 'do')} not encrypt data in transit: ${names}.`,
      none: 'The scanned regions have no ElastiCache replication groups.',
    });
  },
});

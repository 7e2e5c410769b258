import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'elasticache-backups',
  title: 'ElastiCache replication groups keep automatic backups',
  severity: 'low',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  permissions: ['elasticache:DescribeReplicationGroups'],
  needs: { regional: ['analytics.cacheGroups'] },
  why: 'A cache that is also a data store (sessions, queues) loses everything in it when a node fails unless automatic snapshots are kept.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.cacheGroups',
      noun: 'ElastiCache replication group',
      id: (r) => r.arn,
      name: (r) => r.id,
      judge: (r, region) => r.snapshotRetentionDays > 0 ? pass(`ElastiCache replication group ${r.id} in ${region} keeps automatic backups for ${r.snapshotRetentionDays} days.`) : fail(`ElastiCache replication group ${r.id} in ${region} keeps no automatic backups.`),
      pass: (n) => `${eachOf(n, 'ElastiCache replication group')} keeps automatic backups.`,
      fail: (names, n) => `${counted(n, 'ElastiCache replication group', 'keeps', 'keep')} no automatic backups: ${names}.`,
      none: 'The scanned regions have no ElastiCache replication groups.',
    });
  },
});

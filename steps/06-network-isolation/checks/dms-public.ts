import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'dms-public',
  title: 'DMS replication instances are not publicly accessible',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['dms:DescribeReplicationInstances'],
  needs: { regional: ['analytics.dmsInstances'] },
  why: 'A replication instance reads whole databases while it copies them; with a public address it is one more internet-facing door to every record it moves.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.dmsInstances',
      noun: 'DMS replication instance',
      id: (r) => r.arn,
      name: (r) => r.id,
      judge: (r, region) => r.publiclyAccessible ? fail(`DMS replication instance ${r.id} in ${region} is publicly accessible.`) : pass(`DMS replication instance ${r.id} in ${region} has no public address.`),
      pass: (n) => `${eachOf(n, 'DMS replication instance')} is private.`,
      fail: (names, n) => `${counted(n, 'DMS replication instance')} publicly accessible: ${names}.`,
      none: 'The scanned regions have no DMS replication instances.',
    });
  },
});

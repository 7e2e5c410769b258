import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize, unreadableResource } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'dynamodb-pitr',
  title: 'DynamoDB tables have point-in-time recovery',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(B)', obligation: 'required' },
  hitrust: ['09.l'],
  needs: { regional: ['dynamodb.tables'] },
  why: 'Point-in-time recovery keeps 35 days of continuous backups, so a bad deploy or a malicious bulk delete can be rolled back to the second before it happened.',
  evaluate(state) {
    const resources = perRegion(state, 'dynamodb.tables', (tables, region) =>
      tables.map((t): ResourceResult => {
        if (!t.pitr.ok) return unreadableResource(`DynamoDB table ${t.name}`, region, t.pitr.error);
        return t.pitr.value
          ? { id: t.arn, region, status: 'pass', detail: `Table ${t.name} in ${region} has point-in-time recovery.` }
          : { id: t.arn, region, status: 'fail', detail: `Table ${t.name} in ${region} has no point-in-time recovery.` };
      }),
    );
    return summarize(resources, {
      none: `No DynamoDB table exists in ${state.regions.join(', ')}.`,
      pass: (n) => `Every DynamoDB table has point-in-time recovery (${plural(n, 'table')} checked).`,
      fail: (bad) => `${plural(bad.length, 'DynamoDB table')} cannot be restored to a point in time: ${listNames(bad.map((r) => r.detail.replace(/^Table (\S+) in (\S+) .*$/, '$1 ($2)')))}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';
import { isPhi } from '../../../src/engine/phi.js';

export default defineCheck({
  id: 'dynamodb-deletion-protection',
  title: 'DynamoDB tables have deletion protection',
  severity: 'low',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['09.ab', '10.c'],
  needs: { regional: ['dynamodb.tables'] },
  why: 'A DynamoDB table without deletion protection disappears with one DeleteTable call, together with every item in it.',
  evaluate(state, { settings }) {
    const resources = perRegion(state, 'dynamodb.tables', (tables, region) =>
      tables.map((t) => {
        const phi = t.tags.ok && isPhi(t.tags.value, settings) ? ' (ePHI)' : '';
        return {
          id: t.arn,
          region,
          status: t.deletionProtection ? ('pass' as const) : ('fail' as const),
          detail: t.deletionProtection ? `Table ${t.name}${phi} in ${region} has deletion protection.` : `Table ${t.name}${phi} in ${region} can be deleted in one call.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `Every DynamoDB table has deletion protection (${plural(n, 'table')} checked).`,
      fail: (f) => `${f.length} DynamoDB table${f.length === 1 ? ' lacks' : 's lack'} deletion protection: ${listNames(f.map((r) => `${r.id.split('/').pop()} (${r.region})`))}.`,
      none: `There are no DynamoDB tables in ${state.regions.join(', ')}.`,
    });
  },
});

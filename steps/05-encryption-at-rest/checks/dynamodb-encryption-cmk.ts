import type { DynamoTable } from '../../../src/state/dynamodb.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { isPhi, phiTagPhrase } from '../../../src/engine/phi.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'dynamodb-encryption-cmk',
  title: 'ePHI tables in DynamoDB are encrypted with a key you manage',
  severity: 'low',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['dynamodb.tables'] },
  why: 'DynamoDB always encrypts, but with the AWS owned key nobody in your account can see or restrict its use; a customer managed key gives you a key policy and a log of every decrypt.',
  evaluate(state, { settings }) {
    const all: { region: string; table: DynamoTable }[] = [];
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const slice = regionalSlice(state, 'dynamodb.tables', region);
      if (!slice.ok) {
        resources.push(unreadableResource(`region ${region}`, region, slice.error));
        continue;
      }
      for (const table of slice.value) all.push({ region, table });
    }
    const tagged = all.filter(({ table }) => table.tags.ok && isPhi(table.tags.value, settings));
    const phiOnly = tagged.length > 0;
    const scope = phiOnly ? all.filter(({ table }) => !table.tags.ok || isPhi(table.tags.value, settings)) : all;
    for (const { region, table: t } of scope) {
      const how = t.sseType === 'KMS-customer' ? `customer managed key ${t.kmsKeyArn ?? ''}`.trim() : t.sseType === 'KMS-aws' ? 'the AWS managed key aws/dynamodb' : 'the AWS owned key';
      resources.push({
        id: t.arn,
        region,
        status: t.sseType === 'KMS-customer' ? 'pass' : 'fail',
        detail: `Table ${t.name} in ${region} is encrypted with ${how}.`,
      });
    }
    const noun = phiOnly ? 'ePHI table' : 'table';
    const note = phiOnly ? '' : ` (no table carries a PHI tag such as ${phiTagPhrase(settings)}, so every table was checked)`;
    return summarize(resources, {
      pass: (n) => `Every ${noun} uses a customer managed KMS key (${plural(n, noun)} checked)${note}.`,
      fail: (f) => `${f.length} ${noun}${f.length === 1 ? ' uses' : 's use'} a key AWS manages: ${listNames(f.map((r) => `${r.id.split('/').pop()} (${r.region})`))}.`,
      none: `There are no DynamoDB tables in ${state.regions.join(', ')}.`,
    });
  },
});

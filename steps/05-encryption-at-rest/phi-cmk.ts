/** The shared shape of "resources tagged as holding ePHI are encrypted with a customer managed key" for SNS, SQS, Kinesis and Secrets Manager. */
import type { CheckDef } from '../../src/engine/model.js';
import { counted, eachResource, fail, given, pass } from '../../src/engine/each.js';
import { plural } from '../../src/engine/outcome.js';
import { isPhi, phiTagPhrase } from '../../src/engine/phi.js';
import type { RegionalKey } from '../../src/engine/state.js';
import { keyOwner } from './keys.js';

type KeyedKey = 'messaging.snsTopics' | 'messaging.sqsQueues' | 'messaging.kinesisStreams' | 'messaging.secrets';

export function phiCmkCheck(o: {
  id: string;
  key: KeyedKey & RegionalKey;
  noun: string;
  title: string;
  why: string;
  permissions: string[];
}): CheckDef {
  return {
    id: o.id,
    title: o.title,
    severity: 'medium',
    hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
    hitrust: ['06.d'],
    permissions: [...o.permissions, 'kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey'],
    needs: { regional: [o.key, 'kms.keys'] },
    why: o.why,
    evaluate(state, { settings }) {
      return eachResource(state, {
        key: o.key,
        noun: o.noun,
        id: (r) => r.arn,
        name: (r) => r.name,
        judge: (r, region) =>
          given(r.tags, (tags) => {
            if (!isPhi(tags, settings)) return null;
            if (!r.encrypted) return fail(`${o.noun} ${r.name} in ${region} holds ePHI and is not encrypted.`);
            if (!r.kmsKeyId) return fail(`${o.noun} ${r.name} in ${region} holds ePHI and is encrypted only with a key AWS manages.`);
            const owner = keyOwner(state, region, r.kmsKeyId);
            if (owner.kind === 'unknown') {
              return owner.error ? { status: 'unknown', error: owner.error } : fail(`${o.noun} ${r.name} in ${region} names key ${owner.label}, which KMS did not list.`);
            }
            return owner.kind === 'customer'
              ? pass(`${o.noun} ${r.name} in ${region} is encrypted with customer managed key ${owner.label}.`)
              : fail(`${o.noun} ${r.name} in ${region} holds ePHI and is encrypted with ${owner.label}, which AWS manages.`);
          }),
        pass: (n) => `${plural(n, o.noun)} tagged as holding ePHI, every one encrypted with a customer managed key.`,
        fail: (names, n) => `${counted(n, `ePHI ${o.noun}`)} not encrypted with a key you manage: ${names}.`,
        none: `No ${o.noun} in the scanned regions is tagged as holding ePHI (${phiTagPhrase(settings)}).`,
      });
    },
  };
}

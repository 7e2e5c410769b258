import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { actionMatches, asList, principals, statements } from '../../../src/rules/policy.js';

const ADMIN = ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey'];
const USE = ['kms:Decrypt'];

export default defineCheck({
  id: 'kms-key-separation',
  title: 'Key administrators are not also the key’s data users',
  severity: 'low',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['kms.keys'] },
  why: 'Keeping keys apart from the data they protect means the people who can change or delete a key are not the same people who decrypt ePHI with it; a principal holding both can read the data and hide it.',
  evaluate(state) {
    const resources = perRegion(state, 'kms.keys', (keys, region) =>
      keys
        .filter((k) => k.manager === 'CUSTOMER' && k.state === 'Enabled')
        .map((k) => {
          const name = k.aliases[0] ? `${k.aliases[0]} (${k.id})` : k.id;
          if (!k.policy.ok) return unreadableResource(`key ${name}`, region, k.policy.error);
          const admins = new Set<string>();
          const users = new Set<string>();
          for (const s of statements(k.policy.value)) {
            if (s.Effect !== 'Allow') continue;
            const actions = asList(s.Action);
            // The account root statement only delegates to IAM policies; it names no person.
            const who = principals(s).filter((p) => !/:root$/.test(p));
            if (ADMIN.some((a) => actions.some((p) => actionMatches(p, a)))) for (const p of who) admins.add(p);
            if (USE.some((a) => actions.some((p) => actionMatches(p, a)))) for (const p of who) users.add(p);
          }
          const both = [...admins].filter((p) => users.has(p));
          return {
            id: k.arn,
            region,
            status: both.length ? ('fail' as const) : ('pass' as const),
            detail: both.length
              ? `KMS key ${name} in ${region} lets ${listNames(both.map((p) => p.split(':').pop() ?? p), 2)} both administer the key and decrypt with it.`
              : `KMS key ${name} in ${region} keeps administrators and data users apart.`,
          };
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every customer managed key keeps administrators and data users apart (${plural(n, 'key')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2) + '.',
      none: `There are no enabled customer managed KMS keys in ${state.regions.join(', ')}.`,
    });
  },
});

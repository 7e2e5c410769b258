import { defineCheck } from '../../../src/engine/define.js';
import { daysBetween, listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'kms-pending-deletion',
  title: 'No KMS key is scheduled for deletion',
  severity: 'high',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['06.d', '10.c'],
  needs: { regional: ['kms.keys'] },
  why: 'Once a KMS key is deleted, everything encrypted under it, backups included, can never be decrypted again; a scheduled deletion is destruction of ePHI on a timer.',
  evaluate(state, { now }) {
    const resources = perRegion(state, 'kms.keys', (keys, region) =>
      keys
        .filter((k) => k.manager !== 'AWS')
        .map((k) => {
          if (k.error) return unreadableResource(`key ${k.id}`, region, k.error);
          const name = k.aliases[0] ? `${k.aliases[0]} (${k.id})` : k.id;
          if (k.state === 'PendingDeletion' || k.state === 'PendingReplicaDeletion') {
            const left = k.deletionDate ? Math.max(0, -daysBetween(k.deletionDate, now)) : null;
            return {
              id: k.arn,
              region,
              status: 'fail' as const,
              detail: `KMS key ${name} in ${region} will be deleted${k.deletionDate ? ` on ${k.deletionDate.slice(0, 10)} (${left} days from now)` : ''}.`,
            };
          }
          return { id: k.arn, region, status: 'pass' as const, detail: `KMS key ${name} in ${region} is ${k.state ?? 'present'}.` };
        }),
    );
    return summarize(resources, {
      pass: (n) => `No customer managed KMS key is scheduled for deletion (${plural(n, 'key')} checked).`,
      fail: (f) => `${f.length} KMS key${f.length === 1 ? ' is' : 's are'} scheduled for deletion: ${listNames(f.map((r) => r.detail.replace(/^KMS key /, '').replace(/\.$/, '')), 2)}.`,
      none: `There are no customer managed KMS keys in ${state.regions.join(', ')}.`,
    });
  },
});

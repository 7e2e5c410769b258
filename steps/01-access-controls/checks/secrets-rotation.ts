import { defineCheck } from '../../../src/engine/define.js';
import { daysBetween, listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'secrets-rotation',
  title: 'Secrets in Secrets Manager rotate automatically',
  severity: 'medium',
  hipaa: { section: '164.308(a)(5)(ii)(D)', obligation: 'addressable' },
  hitrust: ['01.d'],
  needs: { regional: ['secretsmanager.secrets'] },
  why: 'Database passwords and API keys that never change keep working for everyone who ever saw them; automatic rotation limits how long a leaked secret is useful.',
  evaluate(state, { now }) {
    const account = state.identity.accountId;
    const resources = perRegion(state, 'secretsmanager.secrets', (secrets, region) =>
      secrets.map((s) => {
        if (s.rotationEnabled) {
          const every = s.rotationDays ? ` every ${s.rotationDays} days` : '';
          return { id: s.arn, region, status: 'pass' as const, detail: `Secret ${s.name} in ${region} rotates automatically${every}.` };
        }
        const last = s.lastRotated ? `last rotated ${daysBetween(s.lastRotated, now)} days ago` : 'never rotated';
        return { id: s.arn, region, status: 'fail' as const, detail: `Secret ${s.name} in ${region} has no automatic rotation (${last}).` };
      }),
    );
    return summarize(resources, {
      none: `Account ${account} keeps no secrets in Secrets Manager in the scanned regions.`,
      pass: (n) => `All ${plural(n, 'secret')} of account ${account} rotate automatically.`,
      fail: (bad) =>
        `${plural(bad.length, 'secret')} of account ${account} ${bad.length === 1 ? 'does' : 'do'} not rotate automatically: ${listNames(
          bad.map((r) => r.detail.replace(/^Secret (.*) has no automatic rotation.*$/, '$1')),
        )}.`,
    });
  },
});

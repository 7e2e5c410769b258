import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'recovery-points-encrypted',
  title: 'Every recovery point is encrypted',
  severity: 'high',
  hipaa: { section: '164.310(d)(2)(iv)', obligation: 'addressable' },
  hitrust: ['09.l', '06.d'],
  needs: { regional: ['backup.recoveryPoints'] },
  why: 'A backup is a full copy of the patient data; an unencrypted one (often a snapshot of an unencrypted volume or database) undoes the encryption of the source.',
  evaluate(state) {
    const resources = perRegion(state, 'backup.recoveryPoints', (points, region) => {
      const byVault = new Map<string, { total: number; plain: string[] }>();
      for (const p of points) {
        const v = byVault.get(p.vault) ?? { total: 0, plain: [] };
        v.total++;
        if (!p.encrypted) v.plain.push(p.resourceArn.split(/[:/]/).pop() ?? p.resourceArn);
        byVault.set(p.vault, v);
      }
      return [...byVault].map(([vault, v]): ResourceResult =>
        v.plain.length
          ? {
              id: `vault ${vault} (${region})`,
              region,
              status: 'fail',
              detail: `Vault ${vault} in ${region} holds ${plural(v.plain.length, 'unencrypted recovery point')} (of ${v.total}), from ${listNames([...new Set(v.plain)], 2)}.`,
            }
          : { id: `vault ${vault} (${region})`, region, status: 'pass', detail: `Vault ${vault} in ${region}: all ${v.total} recovery points are encrypted.` },
      );
    });
    return summarize(resources, {
      none: `No recovery point exists in ${state.regions.join(', ')}.`,
      pass: (n) => `Every recovery point in ${plural(n, 'backup vault')} is encrypted.`,
      fail: (bad) => `Unencrypted backups found: ${listNames(bad.map((r) => r.detail.replace(/^Vault /, '').replace(/\.$/, '')), 2)}. Encrypt the source resources; new backups then come out encrypted.`,
    });
  },
});

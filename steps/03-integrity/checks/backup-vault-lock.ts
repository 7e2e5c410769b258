import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'backup-vault-lock',
  title: 'Backup vaults holding recovery points are locked',
  severity: 'high',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['09.l', '06.c'],
  needs: { regional: ['backup.vaults'] },
  why: 'Ransomware crews delete backups before they encrypt production; AWS Backup Vault Lock stops anyone, administrators included, from deleting recovery points before their minimum retention.',
  evaluate(state) {
    const resources = perRegion(state, 'backup.vaults', (vaults, region) =>
      vaults
        .filter((v) => v.recoveryPoints > 0 && v.vaultType !== 'RESTORE_ACCESS_BACKUP_VAULT')
        .map((v): ResourceResult => {
          if (v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' || v.locked) {
            const mode = v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' ? 'logically air-gapped' : v.lockDate ? 'compliance-mode lock' : 'governance-mode lock';
            const min = v.minRetentionDays ? `, minimum retention ${v.minRetentionDays} days` : '';
            return { id: v.arn, region, status: 'pass', detail: `Vault ${v.name} in ${region} is protected (${mode}${min}).` };
          }
          return { id: v.arn, region, status: 'fail', detail: `Vault ${v.name} in ${region} holds ${plural(v.recoveryPoints, 'recovery point')} and has no Vault Lock.` };
        }),
    );
    return summarize(resources, {
      none: `No backup vault in ${state.regions.join(', ')} holds recovery points yet.`,
      pass: (n) => `Every backup vault holding recovery points is locked against early deletion (${plural(n, 'vault')} checked).`,
      fail: (bad) => `${plural(bad.length, 'backup vault')} can have ${bad.length === 1 ? 'its' : 'their'} recovery points deleted at any time: ${listNames(bad.map((r) => r.detail.replace(/^Vault (\S+) in (\S+) .*$/, '$1 ($2)')))}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { failed, listNames, perRegion, readIn, summarize } from '../../../src/engine/outcome.js';

const arnParts = (arn: string) => {
  const p = arn.split(':');
  return { region: p[3] ?? '', account: p[4] ?? '' };
};

export default defineCheck({
  id: 'backup-copy-offsite',
  title: 'Backups are copied to another account or region',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(B)', obligation: 'required' },
  hitrust: ['09.l', '12.c'],
  needs: { regional: ['backup.plans', 'backup.vaults'] },
  why: 'A backup in the same account and region as production can be deleted with the same stolen credentials or lost with the same regional outage; a copy elsewhere is what disaster recovery restores from.',
  evaluate(state) {
    const account = state.identity.accountId;
    const resources = perRegion(state, 'backup.plans', (plans, region): ResourceResult[] => {
      if (plans.length === 0) return [];
      const airGapped = new Set(readIn(state, 'backup.vaults', region).filter((v) => v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT').map((v) => v.arn));
      const copies = plans.flatMap((p) => p.rules.flatMap((r) => r.copies.map((c) => ({ plan: p.name, arn: c.destinationVaultArn }))));
      const away = copies.find((c) => {
        const where = arnParts(c.arn);
        return where.account !== account || where.region !== region || airGapped.has(c.arn);
      });
      const id = `AWS Backup in ${region}`;
      if (!away) return [{ id, region, status: 'fail', detail: `No backup plan in ${region} copies recovery points to another account or region.` }];
      const where = arnParts(away.arn);
      const dest = where.account !== account ? `account ${where.account}` : where.region !== region ? `region ${where.region}` : 'a logically air-gapped vault';
      return [{ id, region, status: 'pass', detail: `Plan ${away.plan} in ${region} copies recovery points to ${dest}.` }];
    });
    if (resources.length === 0) return failed(`No AWS Backup plan exists in ${state.regions.join(', ')}, so no backup is copied elsewhere.`);
    return summarize(resources, {
      pass: () => 'Every region with backup plans copies recovery points to another account or region.',
      fail: (bad) => `Backups stay next to production in ${listNames(bad.map((r) => r.region ?? r.id), 4)}: add a copy rule to a vault in another account or region.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { failed, listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';
import { isDaily, keptDays } from '../../../src/rules/backup-schedule.js';

export default defineCheck({
  id: 'backup-retention',
  title: 'Backups are kept for the retention period',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l', '06.c'],
  needs: { regional: ['backup.plans'] },
  why: 'A backup plan must keep exact, retrievable copies of ePHI (§164.308(a)(7)(ii)(A)); damage or ransomware is often found weeks later, so backups expire no sooner than --backup-retention-days (default 35). The six years of §164.316(b)(2)(i) are for documentation, not backups; the records themselves are kept as long as state law and your own policy ask, which the flag can match.',
  evaluate(state, { settings }) {
    const min = settings.backupRetentionDays;
    const resources = perRegion(state, 'backup.plans', (plans, region) =>
      plans.map((p): ResourceResult => {
        const rules = p.rules.filter(isDaily).length ? p.rules.filter(isDaily) : p.rules;
        const kept = rules.map(keptDays);
        const longest = kept.some((d) => d === null) ? null : Math.max(0, ...(kept as number[]));
        if (longest === null) return { id: p.arn, region, status: 'pass', detail: `Plan ${p.name} in ${region} keeps recovery points until they are deleted.` };
        if (longest >= min) return { id: p.arn, region, status: 'pass', detail: `Plan ${p.name} in ${region} keeps recovery points ${longest} days.` };
        return { id: p.arn, region, status: 'fail', detail: `Plan ${p.name} in ${region} keeps recovery points only ${longest} days (needed ${min}).` };
      }),
    );
    if (resources.length === 0) return failed(`No AWS Backup plan exists in ${state.regions.join(', ')}, so no backup is kept for ${min} days.`);
    return summarize(resources, {
      pass: (n) => `Every AWS Backup plan keeps recovery points at least ${min} days (${plural(n, 'plan')} checked).`,
      fail: (bad) => `${plural(bad.length, 'AWS Backup plan')} ${bad.length === 1 ? 'expires' : 'expire'} backups before ${min} days: ${listNames(bad.map((r) => r.detail.replace(/^Plan (\S+) in (\S+) keeps recovery points only (\d+) days.*$/, '$1 ($2, $3 days)')))}.`,
    });
  },
});

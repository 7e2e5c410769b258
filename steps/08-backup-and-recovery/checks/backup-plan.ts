import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { failed, listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';
import { describeInterval, isDaily } from '../schedule.js';

export default defineCheck({
  id: 'backup-plan',
  title: 'An AWS Backup plan runs at least daily',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  permissions: ['backup:ListBackupPlans', 'backup:GetBackupPlan'],
  needs: { regional: ['backup.plans'] },
  why: 'HIPAA requires retrievable exact copies of ePHI; a plan that runs less than daily can lose days of records in one incident.',
  evaluate(state) {
    const resources = perRegion(state, 'backup.plans', (plans, region) =>
      plans.map((p): ResourceResult => {
        const daily = p.rules.find(isDaily);
        if (daily) return { id: p.arn, region, status: 'pass', detail: `Plan ${p.name} in ${region} backs up ${describeInterval(daily)} (rule ${daily.name}).` };
        const what = p.rules.length ? p.rules.map((r) => `${r.name} ${describeInterval(r)}`).join(', ') : 'no rules';
        return { id: p.arn, region, status: 'fail', detail: `Plan ${p.name} in ${region} runs less than daily (${what}).` };
      }),
    );
    if (resources.length === 0) {
      return failed(`No AWS Backup plan exists in ${state.regions.join(', ')}, so nothing is backed up on a schedule.`);
    }
    const anyDaily = resources.some((r) => r.status === 'pass');
    const outcome = summarize(resources, {
      pass: (n) => `All ${plural(n, 'AWS Backup plan')} run at least daily.`,
      fail: (bad) => `${plural(bad.length, 'AWS Backup plan')} back up less than daily: ${listNames(bad.map((r) => r.detail.replace(/^Plan /, '').replace(/\.$/, '')))}.`,
    });
    if (outcome.status === 'fail' && anyDaily) return { ...outcome, message: `${outcome.message} Other plans do run daily.` };
    return outcome;
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { failed, listNames, perRegion, summarize } from '../../../src/engine/outcome.js';
import { describeInterval, isDaily } from '../../../src/rules/backup-schedule.js';

export default defineCheck({
  id: 'backup-plan',
  title: 'An AWS Backup plan runs at least daily',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  needs: { regional: ['backup.plans'] },
  why: 'HIPAA requires retrievable exact copies of ePHI; backups that run less than daily can lose days of records in one incident.',
  evaluate(state) {
    const resources = perRegion(state, 'backup.plans', (plans, region): ResourceResult[] => {
      if (plans.length === 0) return [];
      for (const p of plans) {
        const daily = p.rules.find(isDaily);
        if (daily) return [{ id: p.arn, region, status: 'pass', detail: `Plan ${p.name} in ${region} backs up ${describeInterval(daily)} (rule ${daily.name}).` }];
      }
      const what = plans.map((p) => `${p.name}: ${p.rules.length ? p.rules.map(describeInterval).join(', ') : 'no rules'}`).join('; ');
      return [{ id: `AWS Backup in ${region}`, region, status: 'fail', detail: `No plan in ${region} runs daily (${what}).` }];
    });
    if (resources.length === 0) {
      return failed(`No AWS Backup plan exists in ${state.regions.join(', ')}, so nothing is backed up on a schedule.`);
    }
    return summarize(resources, {
      pass: () => `Every region with AWS Backup plans has one that runs at least daily: ${listNames(resources.map((r) => r.detail.replace(/^Plan /, '').replace(/\.$/, '')), 2)}.`,
      fail: (bad) => `Backups run less than daily: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 2)}.`,
    });
  },
});

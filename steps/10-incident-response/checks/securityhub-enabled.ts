import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'securityhub-enabled',
  title: 'Security Hub collects findings in every region',
  severity: 'medium',
  hipaa: { section: '164.308(a)(6)', obligation: 'required' },
  hitrust: ['09.ab', '11.a'],
  needs: { regional: ['securityhub.hub'] },
  why: 'Security Hub gathers GuardDuty, Inspector and configuration findings in one place, so the incident team works one queue instead of five consoles.',
  evaluate(state) {
    const resources = perRegion(state, 'securityhub.hub', (hub, region): ResourceResult[] => {
      const id = `Security Hub in ${region}`;
      if (!hub) return [{ id, region, status: 'fail', detail: `Security Hub is not enabled in ${region}.` }];
      const standards = hub.standards.ok ? `, ${plural(hub.standards.value.length, 'standard')} enabled` : '';
      return [{ id: hub.hubArn || id, region, status: 'pass', detail: `Security Hub is on in ${region}${standards}.` }];
    });
    return summarize(resources, {
      pass: () => `Security Hub is on in every scanned region (${state.regions.join(', ')}).`,
      fail: (bad) => `Security Hub is off in ${listNames(bad.map((r) => r.region ?? r.id), 4)}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'guardduty-enabled',
  title: 'GuardDuty watches every region',
  severity: 'high',
  hipaa: { section: '164.308(a)(6)(ii)', obligation: 'required' },
  hitrust: ['09.ab', '11.a'],
  needs: { regional: ['guardduty.detectors'] },
  why: 'You cannot respond to an incident you never see; attackers with a stolen key often work in a region nobody uses, exactly because nothing watches it.',
  evaluate(state) {
    const resources = perRegion(state, 'guardduty.detectors', (detectors, region): ResourceResult[] => {
      const id = `GuardDuty in ${region}`;
      if (detectors.length === 0) return [{ id, region, status: 'fail', detail: `GuardDuty is not enabled in ${region}.` }];
      const active = detectors.find((d) => d.status === 'ENABLED');
      if (!active) return [{ id, region, status: 'fail', detail: `GuardDuty detector ${detectors[0]?.id} in ${region} is suspended.` }];
      return [{ id, region, status: 'pass', detail: `GuardDuty detector ${active.id} is on in ${region}.` }];
    });
    return summarize(resources, {
      pass: () => `GuardDuty is on in every scanned region (${state.regions.join(', ')}).`,
      fail: (bad) => `GuardDuty does not watch every region: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 4)}.`,
    });
  },
});

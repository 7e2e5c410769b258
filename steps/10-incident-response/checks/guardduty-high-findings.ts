import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, readIn, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'guardduty-high-findings',
  title: 'No high-severity GuardDuty finding is left unhandled',
  severity: 'critical',
  hipaa: { section: '164.308(a)(6)(ii)', obligation: 'required' },
  hitrust: ['11.a', '11.c'],
  needs: { regional: ['guardduty.detectors', 'guardduty.highFindings'] },
  why: 'A high-severity finding means something is probably compromised right now; HIPAA asks you to respond, limit the harm and document it. Archive a finding once it has been investigated.',
  evaluate(state) {
    const resources = perRegion(state, 'guardduty.highFindings', (findings, region): ResourceResult[] => {
      const detectors = readIn(state, 'guardduty.detectors', region);
      if (!detectors.some((d) => d.status === 'ENABLED')) {
        return [{ id: `GuardDuty in ${region}`, region, status: 'unknown', detail: `GuardDuty is off in ${region}, so threats there are not seen.` }];
      }
      if (findings.length === 0) return [{ id: `GuardDuty in ${region}`, region, status: 'pass', detail: `No open high-severity finding in ${region}.` }];
      return findings.map((f) => ({
        id: f.id,
        region,
        status: 'fail' as const,
        detail: `${f.type} on ${f.resource} in ${region} (severity ${f.severity.toFixed(1)}, first seen ${f.createdAt?.slice(0, 10) ?? 'on an unknown date'}).`,
      }));
    });
    return summarize(resources, {
      pass: () => `No unarchived GuardDuty finding of severity 7 or more in ${state.regions.join(', ')}.`,
      fail: (bad) =>
        `${plural(bad.length, 'high-severity GuardDuty finding')} ${bad.length === 1 ? 'is' : 'are'} open and not archived: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 2)}. Investigate, contain, document, then archive.`,
    });
  },
});

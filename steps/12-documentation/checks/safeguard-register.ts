import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, manual, plural, summarize } from '../../../src/engine/outcome.js';
import { isoDay } from '../../../src/lib/time.js';

export default defineCheck({
  id: 'safeguard-register',
  title: 'Implemented safeguards are recorded with their dates',
  severity: 'medium',
  hipaa: { section: '164.316(b)(1)', obligation: 'required' },
  hitrust: ['06.c', '04.b'],
  // Reads only the records folder; the one AWS call any scan makes is the identity check.
  // Reads only the records folder: no AWS call, so no IAM action.
  needs: {},
  why: 'An auditor asks what was put in place and when; the register this tool keeps answers with dates, and an entry past its review date shows documentation that has not been kept up to date.',
  evaluate(_state, { now, records }) {
    const implemented = records.decisions().filter((d) => d.status === 'implemented');
    if (implemented.length === 0) {
      return manual('The records folder lists no implemented safeguard yet: record each one as it is put in place, with its date.');
    }
    const today = isoDay(now);
    const resources = implemented.map((d): ResourceResult =>
      d.reviewBy < today
        ? { id: d.id, status: 'fail', detail: `${d.subject}, implemented ${d.decidedAt.slice(0, 10)}, was due for review on ${d.reviewBy}.` }
        : { id: d.id, status: 'pass', detail: `${d.subject}: implemented ${d.decidedAt.slice(0, 10)} by ${d.decidedBy}, review by ${d.reviewBy}.` },
    );
    const dates = implemented.map((d) => d.decidedAt.slice(0, 10)).sort();
    return summarize(resources, {
      pass: (n) => `The register lists ${plural(n, 'implemented safeguard')}, dated ${dates[0]} to ${dates[dates.length - 1]}, all within their review dates.`,
      fail: (bad) => `${plural(bad.length, 'implemented safeguard')} in the register ${bad.length === 1 ? 'is' : 'are'} past review: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

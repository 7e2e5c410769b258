import { defineCheck } from '../../../src/engine/define.js';
import { decisionRefusal, findSpec } from '../../../src/engine/hipaa.js';
import type { Decision, ResourceResult } from '../../../src/engine/model.js';
import { listNames, plural, summarize } from '../../../src/engine/outcome.js';
import { isoDay } from '../../../src/lib/time.js';

const DECLINED = new Set<Decision['status']>(['alternative', 'not-reasonable', 'risk-accepted', 'not-applicable']);
const MIN_REASON = 20;

/** What is wrong with one decision not to implement a safeguard, or undefined. */
export function decisionProblem(d: Decision, today: string): string | undefined {
  const spec = findSpec(d.subject);
  if (spec && decisionRefusal(d.status, spec.section)) {
    return d.status === 'not-reasonable'
      ? `declines §${d.subject} (${spec.title}), which HIPAA requires`
      : `puts an alternative measure in place of §${d.subject} (${spec.title}), which HIPAA requires to be implemented`;
  }
  if (d.reason.trim().length < MIN_REASON) return 'gives no real reason';
  if (d.status === 'alternative' && !d.alternative?.trim()) return 'claims an equivalent alternative without describing it';
  if (d.reviewBy < today) return `lapsed on ${d.reviewBy}`;
  return undefined;
}

export default defineCheck({
  id: 'addressable-decisions',
  title: 'Each safeguard not implemented has a documented reason',
  severity: 'high',
  hipaa: { section: '164.316(b)(1)', obligation: 'required' },
  hitrust: ['03.b', '06.c'],
  // Reads only the records folder; the one AWS call any scan makes is the identity check.
  // Reads only the records folder: no AWS call, so no IAM action.
  needs: {},
  why: 'An addressable safeguard may be skipped only after deciding it is not reasonable and appropriate, writing down why, and adopting an equivalent alternative where one is reasonable (§164.306(d)(3)); a bare "not done" is a violation.',
  evaluate(_state, { now, records }) {
    const today = isoDay(now);
    const declined = records.decisions().filter((d) => DECLINED.has(d.status));
    const resources = declined.map((d): ResourceResult => {
      const problem = decisionProblem(d, today);
      return problem
        ? { id: d.id, status: 'fail', detail: `Decision ${d.id} on ${d.subject} (${d.status}) ${problem}.` }
        : { id: d.id, status: 'pass', detail: `Decision ${d.id} on ${d.subject} (${d.status}) by ${d.decidedBy}, review by ${d.reviewBy}.` };
    });
    return summarize(resources, {
      none: 'The register records no safeguard as declined, so there is no reasoning to document.',
      pass: (n) => `Every decision not to implement a safeguard gives a reason and is within its review date (${plural(n, 'decision')} checked).`,
      fail: (bad) => `${plural(bad.length, 'decision')} not to implement a safeguard ${bad.length === 1 ? 'is' : 'are'} not properly documented: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

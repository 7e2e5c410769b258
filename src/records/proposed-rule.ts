/**
 * HHS's proposed rule of 6 January 2025 (RIN 0945-AA22) would remove the difference between
 * required and addressable specifications. It is a proposal, not in force. This finds the recorded
 * decisions that rely on a specification being addressable (not implementing it as written: an
 * alternative, not reasonable, or a risk accepted) and would therefore no longer be accepted if the
 * proposal were finalized. Pure.
 */
import { HIPAA_SPECS, type HipaaSpec } from '../engine/hipaa.js';
import type { Decision, RecordsView } from '../engine/model.js';
import { type SubjectRegistry, subjectCitation } from './validate.js';

export const PROPOSED_RULE_LABEL =
  'HHS proposed rule of 6 January 2025 (RIN 0945-AA22): a proposal, not in force; the current Security Rule still applies.';

/** Statuses that only the addressable category allows. */
const RELIES_ON_ADDRESSABLE = new Set<Decision['status']>(['alternative', 'not-reasonable', 'risk-accepted']);

export interface ProposedRuleConflict {
  readonly decision: Decision;
  readonly section: string;
  readonly spec: HipaaSpec;
  /** One sentence for the list. */
  readonly explanation: string;
}

/** The HIPAA section a subject stands for: a check's or attestation's citation, or the section itself. */
export function sectionResolver(registry: Pick<SubjectRegistry, 'check' | 'attestation'>): (subject: string) => string | undefined {
  return (subject) => subjectCitation(subject, registry)?.section;
}

/**
 * The current decisions that would no longer be accepted under the proposed rule, in the order
 * given. `decisions` should be the latest decision per subject (RecordsView.decisions()).
 */
export function decisionsAtRiskUnderProposedRule(decisions: readonly Decision[], sectionOf: (subject: string) => string | undefined): ProposedRuleConflict[] {
  const out: ProposedRuleConflict[] = [];
  for (const decision of decisions) {
    if (!RELIES_ON_ADDRESSABLE.has(decision.status)) continue;
    const section = sectionOf(decision.subject);
    const spec = section ? HIPAA_SPECS.find((s) => s.section === section) : undefined;
    if (!section || spec?.obligation !== 'addressable') continue;
    const what = { alternative: 'an alternative measure', 'not-reasonable': 'not implementing it', 'risk-accepted': 'accepting the risk' }[
      decision.status as 'alternative' | 'not-reasonable' | 'risk-accepted'
    ];
    out.push({
      decision,
      section,
      spec,
      explanation: `Decision ${decision.id} on ${decision.subject} chooses ${what} for §${section} (${spec.title}), which is addressable today; the proposal would make it required, so this decision would no longer be accepted.`,
    });
  }
  return out;
}

/** How many current decisions the proposal would no longer accept: the line in the wizard's summary. */
export function proposedRuleCount(records: Pick<RecordsView, 'decisions'>, registry: Pick<SubjectRegistry, 'check' | 'attestation'>): number {
  return decisionsAtRiskUnderProposedRule(records.decisions(), sectionResolver(registry)).length;
}

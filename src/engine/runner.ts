/**
 * The runner: checks and attestations over a collected state and the records, to findings. Pure.
 * A check that throws Unreadable becomes `unknown` naming what could not be read; a check that
 * throws anything else becomes `unknown` too (a bug in one check never hides the others).
 * A recorded decision turns a failure into `accepted` until its review date, then it lapses.
 */
import type {
  AttestationDef,
  CheckDef,
  Decision,
  EvalContext,
  Finding,
  Outcome,
  RecordsView,
  StepDef,
} from './model.js';
import { decisionRefusal } from './hipaa.js';
import { addDays, isoDay } from '../lib/time.js';
import { Unreadable } from './outcome.js';
import type { Registry } from './registry.js';
import type { AccountState } from './state.js';

export function runCheck(check: CheckDef, step: StepDef, state: AccountState, ctx: EvalContext, remediation?: string): Finding {
  let outcome: Outcome;
  try {
    outcome = check.evaluate(state, ctx);
  } catch (e) {
    if (e instanceof Unreadable) {
      outcome = {
        status: 'unknown',
        message: `${check.title}: could not be checked because ${describeUnreadable(e)}.`,
        missing: e.error.action ? [e.error.action] : [],
      };
    } else {
      outcome = {
        status: 'unknown',
        message: `${check.title}: the check failed on unexpected data (${e instanceof Error ? e.message : String(e)}).`,
      };
    }
  }
  const finding: Finding = {
    kind: 'check',
    id: check.id,
    stepId: step.id,
    title: check.title,
    status: outcome.status,
    evaluated: outcome.status,
    severity: check.severity,
    hipaa: check.hipaa,
    hitrust: check.hitrust,
    message: outcome.message,
    why: check.why,
    resources: outcome.resources ?? [],
    remediation,
    missing: outcome.missing,
  };
  return applyDecision(finding, ctx.records, ctx.now, state);
}

function describeUnreadable(e: Unreadable): string {
  const where = e.region ? ` in ${e.region}` : '';
  if (e.error.kind === 'access' && e.error.action) return `access to ${e.error.action} was denied${where}`;
  return `${e.key}${where} could not be read (${e.error.message.replace(/\.$/, '')})`;
}


export function runAttestation(def: AttestationDef, step: StepDef, ctx: EvalContext): Finding {
  const answer = ctx.records.attestationFor(def.id);
  const base = {
    kind: 'attestation' as const,
    id: def.id,
    stepId: step.id,
    title: def.title,
    severity: def.severity,
    hipaa: def.hipaa,
    hitrust: def.hitrust,
    why: def.why,
    resources: [],
  };
  let status: Finding['status'];
  let message: string;
  if (!answer) {
    status = 'manual';
    message = `No one has attested to this yet. ${def.question}`;
  } else {
    const lapses = addDays(answer.attestedAt, def.validForDays);
    if (lapses.getTime() <= ctx.now.getTime()) {
      status = 'fail';
      message = `The attestation by ${answer.attestedBy} on ${isoDay(answer.attestedAt)} lapsed on ${isoDay(lapses)}; it is due again. ${def.question}`;
    } else if (answer.answer === 'yes') {
      status = 'pass';
      message = `${answer.attestedBy} attested on ${isoDay(answer.attestedAt)} (valid until ${isoDay(lapses)}).`;
    } else {
      status = 'fail';
      message = `${answer.attestedBy} answered "${answer.answer}" on ${isoDay(answer.attestedAt)}: "${def.title}" is not fully in place.`;
    }
  }
  return applyDecision({ ...base, status, evaluated: status, message }, ctx.records, ctx.now);
}

/** Decisions that can cover a failure; "implemented" asserts the opposite of a failure, so it never hides one. */
const COVERING = new Set<Decision['status']>(['alternative', 'not-reasonable', 'risk-accepted', 'not-applicable']);

export function applyDecision(finding: Finding, records: RecordsView, now: Date, state?: AccountState): Finding {
  if (finding.status !== 'fail' && finding.status !== 'manual') return finding;
  const decision = records.decisionFor(finding.id) ?? records.decisionFor(finding.hipaa.section);
  if (!decision || !COVERING.has(decision.status)) return finding;
  if (!inScope(decision, finding, state)) return finding;
  const refused = decisionRefusal(decision.status, finding.hipaa.section, finding.id, finding.hipaa.obligation);
  if (refused) {
    return {
      ...finding,
      message: `${finding.message} The decision ${decision.id} (${decision.status}, by ${decision.decidedBy}) is refused: ${refused}`,
    };
  }
  const summary = {
    id: decision.id,
    status: decision.status,
    reason: decision.reason,
    reviewBy: decision.reviewBy,
    decidedBy: decision.decidedBy,
  };
  const lapsed = decision.reviewBy < isoDay(now);
  if (lapsed) {
    return {
      ...finding,
      status: 'fail',
      message: `${finding.message} The decision ${decision.id} (${decision.status}, by ${decision.decidedBy}) lapsed on ${decision.reviewBy} and must be reviewed.`,
      decision: { ...summary, lapsed: true },
    };
  }
  return {
    ...finding,
    status: 'accepted',
    message: `${finding.message} Accepted by decision ${decision.id} (${decision.status}): ${decision.reason} Review by ${decision.reviewBy}.`,
    decision: { ...summary, lapsed: false },
  };
}

/** A decision scoped to accounts, regions or resources covers a finding only when every failing resource is in scope. */
function inScope(decision: Decision, finding: Finding, state?: AccountState): boolean {
  const scope = decision.scope;
  if (!scope) return true;
  if (scope.accounts?.length && state && !scope.accounts.includes(state.identity.accountId)) return false;
  const failing = finding.resources.filter((r) => r.status === 'fail');
  if (scope.regions?.length && failing.some((r) => r.region && !scope.regions!.includes(r.region))) return false;
  if (scope.resources?.length && failing.some((r) => !scope.resources!.includes(r.id))) return false;
  return true;
}

/** All findings of one step: its checks, then its attestations. */
export function runStep(registry: Registry, step: StepDef, state: AccountState, ctx: EvalContext): Finding[] {
  return [
    ...registry.checksOf(step.id).map((c) => runCheck(c, step, state, ctx, registry.remediationFor(c.id)?.id)),
    ...registry.attestationsOf(step.id).map((a) => runAttestation(a, step, ctx)),
  ];
}

/** Runs one check by id, as the runner would (for re-checking after a fix). */
export function runCheckById(registry: Registry, id: string, state: AccountState, ctx: EvalContext): Finding | undefined {
  const check = registry.check(id);
  const step = registry.stepOf(id);
  return check && step ? runCheck(check, step, state, ctx, registry.remediationFor(id)?.id) : undefined;
}

export function runAll(registry: Registry, state: AccountState, ctx: EvalContext, steps = registry.steps): Finding[] {
  return steps.flatMap((s) => runStep(registry, s, state, ctx));
}

export interface StatusCounts {
  pass: number;
  fail: number;
  unknown: number;
  manual: number;
  accepted: number;
}

export function countStatuses(findings: readonly Finding[]): StatusCounts {
  const counts: StatusCounts = { pass: 0, fail: 0, unknown: 0, manual: 0, accepted: 0 };
  for (const f of findings) counts[f.status]++;
  return counts;
}

/** The slices a set of checks reads. */
export function needsOf(checks: readonly CheckDef[]): { global: string[]; regional: string[] } {
  const global = new Set<string>();
  const regional = new Set<string>();
  for (const c of checks) {
    for (const k of c.needs.global ?? []) global.add(k);
    for (const k of c.needs.regional ?? []) regional.add(k);
  }
  return { global: [...global], regional: [...regional] };
}

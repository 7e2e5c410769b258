/**
 * The dry-run: a plan as text a person reviews before anything changes. Each action shows its
 * effect (+ add, ~ change, - remove), what it touches and where, the AWS CLI line that does the same,
 * its risk (from what the call does, src/engine/effects.ts) and how it would be undone; a count line closes it, as Terraform's plan does.
 */
import type { Plan, PlanAction } from '../engine/model.js';
import { type ActionRisk, EFFECTS, effectKey, rateActions, rateCall } from '../engine/effects.js';
import { cliEquivalent, countLine, planCounts } from '../engine/plan.js';
import type { Paint, StyleName } from './style.js';

const EFFECT_STYLE: Record<PlanAction['effect'], StyleName> = { '+': 'green', '~': 'yellow', '-': 'red' };
const RISK_LABEL: Record<Plan['risk'], string> = {
  safe: 'safe and reversible',
  disruptive: 'may disrupt workloads',
  costly: 'adds AWS charges',
  irreversible: 'partly cannot be undone',
};

const RISK_STYLE: Record<Plan['risk'], StyleName> = { safe: 'green', costly: 'yellow', disruptive: 'yellow', irreversible: 'magenta' };

function renderAction(a: PlanAction, paint: Paint, rated?: ActionRisk): string[] {
  const lines = [
    `  ${paint(EFFECT_STYLE[a.effect], a.effect)} ${paint('bold', a.resource)} ${paint('dim', `(${a.region})`)}`,
    `      ${a.summary}`,
    `      ${paint('cyan', cliEquivalent(a))}`,
  ];
  // Plans carry their actions' risk; an undo plan (made from a journal entry) is rated here.
  const r = a.risk && a.effectClass ? { risk: a.risk, effectClass: a.effectClass, riskBecause: a.riskBecause } : rated;
  if (r) lines.push(`      ${paint(RISK_STYLE[r.risk], `risk: ${r.risk}${r.effectClass === r.risk ? '' : ` (${r.effectClass})`}`)}${r.riskBecause ? ` ${paint('dim', r.riskBecause)}` : ''}`);
  if (a.reversible && a.undo && a.undo.length === 0) {
    lines.push(`      ${paint('dim', 'undo: taken back with the rest of this plan')}`);
  } else if (a.reversible && a.undo && a.undo.length > 0) {
    lines.push(`      ${paint('dim', `undo: ${a.undo.map(cliEquivalent).join(' && ')}`)}`);
    const destroys = a.undo.map((u) => EFFECTS[effectKey(u)] && rateCall(u)).find((x) => x?.class === 'destructive');
    if (destroys) lines.push(`      ${paint('magenta', `the undo destroys data: ${destroys.because}`)}`);
  } else {
    lines.push(`      ${paint('magenta', `cannot be undone${a.irreversibleBecause ? `: ${a.irreversibleBecause.replace(/\.$/, '')}` : ''}.`)}`);
  }
  return lines;
}

/** One plan as text; `counts: false` leaves out the count line (when several plans share one). */
export function renderPlanText(plan: Plan, paint: Paint, opts: { readonly counts?: boolean } = {}): string {
  const head = `${paint('bold', `Fix ${plan.remediation}`)}: ${plan.title} ${paint('dim', `(fixes ${plan.checks.join(', ')}; ${RISK_LABEL[plan.risk]})`)}`;
  const lines = [head];
  if (plan.undoOf) lines.push(`  Takes back journal entry ${plan.undoOf}.`);
  if (plan.actions.length === 0) {
    lines.push(plan.notes.length > 0 ? '  Nothing to change; left alone:' : `  Nothing to do: the account already has what this fix sets.`);
    for (const n of plan.notes) lines.push(`  - ${n}`);
  } else {
    lines.push('');
    const rated = rateActions(plan.actions);
    plan.actions.forEach((a, i) => {
      if (i > 0) lines.push('');
      lines.push(...renderAction(a, paint, rated[i]));
    });
    if (plan.notes.length > 0) {
      lines.push('', `  ${paint('yellow', 'Before you apply:')}`);
      for (const n of plan.notes) lines.push(`  - ${n}`);
    }
  }
  if (opts.counts !== false) lines.push('', countLine(planCounts(plan)));
  return `${lines.join('\n')}\n`;
}

/** Several plans, then one count line for all of them. */
export function renderPlansText(plans: readonly Plan[], paint: Paint): string {
  const body = plans.map((p) => renderPlanText(p, paint, { counts: false })).join('\n');
  return `${body}\n${countLine(planCounts(plans))}\n`;
}

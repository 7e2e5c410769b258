/**
 * The one confirmation rule, shared by the CLI (apply, undo) and the wizard (Ink and plain mode).
 * A plan's risk is derived from what its calls do (src/engine/effects.ts), re-rated here from the
 * actions themselves, so a plan file that claims a lower risk than its calls earn is not believed.
 * A safe plan whose every step can be undone is confirmed with yes/no; any other plan (disruptive,
 * costly, irreversible, or with a step that cannot be taken back) needs its fix id typed. An undo
 * needs the word "undo" typed. `--yes` stands for the yes/no answer only, so it covers safe plans;
 * `--allow-disruptive ID` stands for the typed id of the fixes it names.
 */
import { maxRisk, riskOfActions } from './effects.js';
import type { Plan, PlanAction, Risk } from './model.js';

export type Confirmation = { readonly kind: 'yes-no' } | { readonly kind: 'word'; readonly word: string };

type Confirmable = Pick<Plan, 'risk' | 'remediation' | 'undoOf'> & { readonly actions: readonly PlanAction[] };

/** The plan's risk: the most severe of what its actions do and what it says of itself. */
export function riskOf(plan: Pick<Plan, 'risk'> & { readonly actions: readonly PlanAction[] }): Risk {
  return maxRisk(plan.risk, riskOfActions(plan.actions));
}

/** What a person must answer before this plan runs. */
export function confirmationRule(plan: Confirmable): Confirmation {
  if (plan.undoOf) return { kind: 'word', word: 'undo' };
  if (riskOf(plan) === 'safe' && plan.actions.every((a) => a.reversible)) return { kind: 'yes-no' };
  return { kind: 'word', word: plan.remediation };
}

/** Whether `--yes` alone may stand in for the person's answer. */
export function coveredByYes(plan: Confirmable): boolean {
  return confirmationRule(plan).kind === 'yes-no';
}

/** Whether `--yes` may apply this plan, given the fix ids named by `--allow-disruptive`. */
export function coveredByFlags(plan: Confirmable, allowDisruptive: readonly string[]): boolean {
  if (plan.undoOf) return false;
  return coveredByYes(plan) || allowDisruptive.includes(plan.remediation);
}

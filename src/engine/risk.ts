/**
 * The one confirmation rule, shared by the CLI (apply, undo) and the wizard (Ink and plain mode).
 * A safe plan whose every step can be undone is confirmed with yes/no; any other plan (disruptive,
 * costly, irreversible, or with a step that cannot be taken back) needs its fix id typed. An undo
 * needs the word "undo" typed. `--yes` stands for the yes/no answer only, so it covers safe plans.
 */
import type { Plan } from './model.js';

export type Confirmation = { readonly kind: 'yes-no' } | { readonly kind: 'word'; readonly word: string };

type Confirmable = Pick<Plan, 'risk' | 'remediation' | 'undoOf'> & { readonly actions: readonly { readonly reversible: boolean }[] };

/** What a person must answer before this plan runs. */
export function confirmationRule(plan: Confirmable): Confirmation {
  if (plan.undoOf) return { kind: 'word', word: 'undo' };
  if (plan.risk === 'safe' && plan.actions.every((a) => a.reversible)) return { kind: 'yes-no' };
  return { kind: 'word', word: plan.remediation };
}

/** Whether `--yes` alone may stand in for the person's answer. */
export function coveredByYes(plan: Confirmable): boolean {
  return confirmationRule(plan).kind === 'yes-no';
}

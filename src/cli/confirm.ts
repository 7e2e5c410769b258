/**
 * Asking before a change. The question matches the risk: a yes/no for a safe, reversible fix; a
 * typed word (the fix's id) for one that can disrupt workloads, add charges, or cannot be undone.
 * Without a terminal there is no one to ask, so it refuses and names the flag that answers instead.
 */
import { createInterface } from 'node:readline/promises';
import type { Plan } from '../engine/model.js';
import { confirmationRule, riskOf } from '../engine/risk.js';
import { UsageError } from './common.js';

export interface ConfirmIO {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
  /** Whether a person is there to answer (default: input is a TTY). */
  readonly interactive?: boolean;
}

/** The word a person must type to confirm this plan, or undefined when yes/no is enough. */
export function confirmationWord(plan: Pick<Plan, 'risk' | 'remediation' | 'undoOf' | 'actions'>): string | undefined {
  const rule = confirmationRule(plan);
  return rule.kind === 'word' ? rule.word : undefined;
}

const RISK_REASON: Record<Plan['risk'], string> = {
  safe: 'Part of this change cannot be taken back.',
  disruptive: 'This change can break workloads that rely on what it removes or restricts.',
  costly: 'This change turns on a service that AWS charges for.',
  irreversible: 'Part of this change cannot be taken back.',
};

/**
 * Asks for confirmation; resolves true only on a clear yes (or the exact word). Throws UsageError
 * when there is no terminal, naming `flag` (e.g. "--yes").
 */
export async function confirmPlan(plan: Plan, io: ConfirmIO, flag = '--yes'): Promise<boolean> {
  const interactive = io.interactive ?? Boolean(io.input.isTTY);
  if (!interactive) {
    throw new UsageError(
      `Nothing was applied: there is no terminal to confirm ${plan.undoOf ? 'the undo' : `the ${plan.remediation} plan`} on. Review the plan, then pass ${flag} to apply it without a prompt.`,
    );
  }
  const word = confirmationWord(plan);
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  // The input ending (Ctrl-D) before an answer is not a yes.
  const closed = new Promise<string>((resolve) => rl.once('close', () => resolve('')));
  const ask = (q: string) => Promise.race([rl.question(q), closed]);
  try {
    if (word) {
      const reason = plan.undoOf ? 'Undoing puts back what was there before the fix.' : RISK_REASON[riskOf(plan)];
      const answer = await ask(`${reason} Type "${word}" to ${plan.undoOf ? 'undo' : 'apply'} it, anything else to stop: `);
      return answer.trim() === word;
    }
    const n = plan.actions.length;
    const answer = await ask(`Apply ${n === 1 ? 'this change' : `these ${n} changes`}? (yes/no) `);
    return /^(y|yes)$/i.test(answer.trim());
  } catch {
    return false;
  } finally {
    rl.close();
  }
}

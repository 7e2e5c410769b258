/** Runs one registered check or remediation plan over a state, the way the runner does. */
import { EMPTY_RECORDS, type EvalContext, type Finding, type RecordsView } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheck } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';
import { ctx as defaultCtx } from './state.js';

export async function runCheckById(id: string, s: AccountState, c: EvalContext = defaultCtx(), records: RecordsView = EMPTY_RECORDS): Promise<Finding> {
  const registry = await loadRegistry();
  const check = registry.check(id);
  if (!check) throw new Error(`no check ${id}`);
  return runCheck(check, registry.stepOf(id)!, s, c, records);
}

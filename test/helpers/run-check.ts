/** Runs one registered check over a state, the way the runner does. */
import type { EvalContext, Finding } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheckById as run } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';
import { ctx as defaultCtx } from './state.js';

export async function runCheckById(id: string, s: AccountState, c: EvalContext = defaultCtx()): Promise<Finding> {
  const registry = await loadRegistry();
  const finding = run(registry, id, s, c);
  if (!finding) throw new Error(`no check ${id}`);
  return finding;
}

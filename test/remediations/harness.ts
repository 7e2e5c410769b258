/**
 * Shared by the fix tests: make a plan over a state, apply it through the real executor and client
 * factory (the SDK clients are mocked with aws-sdk-client-mock), with the states the account shows
 * before and after, and a journal kept in memory.
 */
import { ClientFactory } from '../../src/aws/clients.js';
import { type ApplyOutcome, applyPlan, type JournalEntryLike, planUndo } from '../../src/engine/apply.js';
import type { EvalContext, Plan } from '../../src/engine/model.js';
import { unratedCalls } from '../../src/engine/effects.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import type { AccountState } from '../../src/engine/state.js';
import { ctx as defaultCtx } from '../helpers/state.js';

/** Makes the plan; fails when it or its undo sends a call with no effect class (src/engine/effects.ts). */
export async function planFor(id: string, s: AccountState, options: Record<string, string> = {}, c: EvalContext = defaultCtx()): Promise<Plan> {
  const plan = makePlan(await loadRegistry(), id, s, c, { options });
  const unrated = unratedCalls(plan.actions);
  if (unrated.length > 0) throw new Error(`${id} plans calls with no effect class in src/engine/effects.ts: ${unrated.join(', ')}`);
  return plan;
}

export interface Applied {
  readonly outcome: ApplyOutcome;
  /** The journal entry apply wrote (in memory). */
  readonly entry: JournalEntryLike;
}

/**
 * Applies `plan`; the account reads as `before` at the drift check and as `after` when re-checked.
 */
export async function applyWith(plan: Plan, before: AccountState, after: AccountState, c: EvalContext = defaultCtx(), signal?: AbortSignal): Promise<Applied> {
  const registry = await loadRegistry();
  const clients = new ClientFactory({ maxAttempts: 1 });
  const reads = [before, after];
  let entry: JournalEntryLike = {};
  const outcome = await applyPlan(plan, {
    clients,
    source: { mode: 'live', identity: before.identity, homeRegion: before.homeRegion, regions: before.regions },
    registry,
    ctx: c,
    recordsDir: '/nonexistent',
    signal,
    by: 'tester',
    collect: async () => reads.shift() ?? after,
    journal: async (_dir, kind, body) => {
      entry = { id: 'J-0001', kind, body };
      return { id: 'J-0001' };
    },
  });
  clients.destroy();
  return { outcome, entry };
}

/** Plans the undo of a journaled apply and applies it (the account reads as `now` throughout). */
export async function undoWith(entry: JournalEntryLike, now: AccountState, c: EvalContext = defaultCtx()): Promise<Applied & { plan: Plan; cannotUndo: readonly string[] }> {
  const { plan, cannotUndo } = planUndo(entry, c.now);
  const done = await applyWith(plan, now, now, c);
  return { ...done, plan, cannotUndo };
}

/** The plan's calls as [command, input] pairs, the shape the mocks record. */
export const calls = (plan: Plan) => plan.actions.map((a) => [a.command, a.input] as const);

/** What a mocked client was sent, in order, as [command name without "Command", input]. */
export function sent(mock: { calls(): readonly { args: readonly unknown[] }[] }): [string, unknown][] {
  return mock.calls().map((c) => {
    const cmd = c.args[0] as { constructor: { name: string }; input: unknown };
    return [cmd.constructor.name.replace(/Command$/, ''), cmd.input];
  });
}

/** An AWS-shaped error, for commands that reject. */
export const awsError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

/**
 * Mocks, with aws-sdk-client-mock, every SDK command the calls name, answering with `responses[command]`
 * (or {}) and rejecting the call at `failAt` (0-based, in sending order). Returns the calls in the
 * order they were sent, across clients.
 */
export async function mockCalls(
  wanted: readonly { service: string; command: string }[],
  responses: Readonly<Record<string, unknown>> = {},
  failAt?: { index: number; error: Error },
): Promise<{ log: [string, unknown][]; restore: () => void }> {
  const { SERVICES } = await import('../../src/aws/services.js');
  const { mockClient } = await import('aws-sdk-client-mock');
  const log: [string, unknown][] = [];
  const mocks = new Map<string, ReturnType<typeof mockClient>>();
  for (const { service, command } of wanted) {
    const info = SERVICES[service as keyof typeof SERVICES];
    const pkg = (await import(info.pkg)) as Record<string, unknown>;
    let mock = mocks.get(service);
    if (!mock) {
      mock = mockClient(pkg[info.client] as never);
      mocks.set(service, mock);
    }
    mock.on(pkg[`${command}Command`] as never).callsFake(async (input: unknown) => {
      const i = log.length;
      log.push([command, input]);
      if (failAt && failAt.index === i) throw failAt.error;
      return responses[command] ?? {};
    });
  }
  return {
    log,
    restore: () => {
      for (const m of mocks.values()) m.restore();
    },
  };
}

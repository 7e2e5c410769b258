/**
 * A stateful stand-in for AWS, for fix tests: it holds an AccountState (the collected slices) and
 * changes it the way AWS would when a planned call arrives, so a test can apply a plan through the
 * real executor and client factory (the SDK clients mocked with aws-sdk-client-mock), re-read the
 * account, see the fixed check pass, undo, and compare with the state before field for field,
 * instead of writing the state after by hand.
 *
 * Each service's behaviour lives in its own file (`s3.ts`, `iam.ts`, …) as a table from command
 * name to a handler that mutates the model's state and returns the response AWS would send. A call
 * with no handler fails the test loudly (`NotModeled`), never silently succeeds.
 */
import { ClientFactory } from '../../../src/aws/clients.js';
import { type ApplyOutcome, applyPlan, type JournalEntryLike, planUndo } from '../../../src/engine/apply.js';
import type { EvalContext, Plan } from '../../../src/engine/model.js';
import type { AccountState, CollectError, Result } from '../../../src/engine/state.js';
import { ctx as defaultCtx } from '../state.js';

/** What a handler may read and change. `state` is the model's own mutable copy. */
export interface ModelContext {
  readonly state: MutableState;
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  /** A fresh id with the prefix ("key-" → "key-0001"), unique within the model. */
  newId(prefix: string): string;
  /** An AWS-shaped error to throw ({ name, message, $metadata }). */
  error(name: string, message: string, status?: number): Error;
  /** The ok value of a global slice, or throws when the slice was not collected or is an error. */
  global<T = unknown>(key: string): T;
  /** Replaces a global slice's value. */
  setGlobal(key: string, value: unknown): void;
  /** The ok value of a regional slice in `region` (default: the call's region). */
  regional<T = unknown>(key: string, region?: string): T;
  setRegional(key: string, value: unknown, region?: string): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a model's state is plain JSON, changed in place by handlers
export type MutableState = { identity: AccountState['identity']; regions: string[]; global: Record<string, any>; regional: Record<string, Record<string, any>> } & Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: inputs are the SDK's command inputs, as sent
export type Handler = (m: ModelContext, input: any) => unknown;
/** Handlers of one service: command name (without "Command") → handler. */
export type ServiceModel = Readonly<Record<string, Handler>>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function unwrap(r: Result<unknown> | undefined, what: string): unknown {
  if (!r) throw new Error(`the model has no ${what} slice; give the state before one`);
  if (!r.ok) throw new Error(`the model's ${what} slice is an error (${(r.error as CollectError).code}); the fake cannot change it`);
  return r.value;
}

export class AwsModel {
  private readonly s: MutableState;
  private counter = 0;
  /** Every call sent, in order: [service, command, region, input]. */
  readonly log: [string, string, string, unknown][] = [];

  constructor(
    before: AccountState,
    private readonly services: Readonly<Record<string, ServiceModel>>,
  ) {
    this.s = clone(before) as unknown as MutableState;
  }

  /** The account as a fresh collection would read it now (a deep copy). */
  read(): AccountState {
    return clone(this.s) as unknown as AccountState;
  }

  /** Changes the state outside any plan (someone in the console, a field AWS updates on its own). */
  mutate(change: (state: MutableState) => void): void {
    change(this.s);
  }

  /** Applies one call to the state, as AWS would; returns AWS's response. */
  send(service: string, region: string, command: string, input: unknown): unknown {
    this.log.push([service, command, region, clone(input)]);
    const handler = this.services[service]?.[command];
    if (!handler) throw Object.assign(new Error(`the AWS model has no behaviour for ${service}:${command}; add it to test/helpers/aws-model/`), { name: 'NotModeled' });
    const s = this.s;
    const context: ModelContext = {
      state: s,
      region,
      account: s.identity.accountId,
      partition: s.identity.partition,
      newId: (prefix) => `${prefix}${String(++this.counter).padStart(4, '0')}`,
      error: (name, message, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } }),
      global: <T>(key: string) => unwrap(s.global[key], key) as T,
      setGlobal: (key, value) => {
        s.global[key] = { ok: true, value };
      },
      regional: <T>(key: string, r = region) => unwrap(s.regional[r]?.[key], `${key} (${r})`) as T,
      setRegional: (key, value, r = region) => {
        s.regional[r] ??= {};
        (s.regional[r] as Record<string, unknown>)[key] = { ok: true, value };
      },
    };
    return clone(handler(context, clone(input)) ?? {});
  }

  /**
   * Mocks every SDK client this model has behaviour for with aws-sdk-client-mock, routing each
   * command to `send` (the client's region comes from its config). Call restore() after the test.
   */
  async mockSdk(): Promise<{ restore: () => void }> {
    const { SERVICES } = await import('../../../src/aws/services.js');
    const { mockClient } = await import('aws-sdk-client-mock');
    const mocks: { restore(): void }[] = [];
    for (const [service, handlers] of Object.entries(this.services)) {
      const info = SERVICES[service as keyof typeof SERVICES];
      if (!info) throw new Error(`unknown service ${service} in the AWS model`);
      const pkg = (await import(info.pkg)) as Record<string, unknown>;
      const mock = mockClient(pkg[info.client] as never);
      mocks.push(mock);
      for (const command of Object.keys(handlers)) {
        const cmd = pkg[`${command}Command`];
        if (!cmd) throw new Error(`${info.pkg} has no ${command}Command`);
        mock.on(cmd as never).callsFake(async (input: unknown, getClient: () => { config: unknown }) => {
          const region = await (getClient().config as { region: () => Promise<string> }).region();
          return this.send(service, region, command, input);
        });
      }
    }
    return {
      restore: () => {
        for (const m of mocks) m.restore();
      },
    };
  }
}

export interface ModelRun {
  readonly outcome: ApplyOutcome;
  /** The journal entry apply wrote (kept in memory). */
  readonly entry: JournalEntryLike;
}

/**
 * Applies `plan` to the model through the real executor and client factory: the drift check and
 * the re-check read the model, so what the test sees after is what the calls did.
 */
export async function applyToModel(plan: Plan, model: AwsModel, c: EvalContext = defaultCtx(), entryId = 'J-0001'): Promise<ModelRun> {
  const { loadRegistry } = await import('../../../src/engine/registry.js');
  const { unratedCalls } = await import('../../../src/engine/effects.js');
  const unrated = unratedCalls(plan.actions);
  if (unrated.length > 0) throw new Error(`${plan.remediation} sends calls with no effect class in src/engine/effects.ts: ${unrated.join(', ')}`);
  const registry = await loadRegistry();
  const before = model.read();
  const clients = new ClientFactory({ maxAttempts: 1 });
  const { restore } = await model.mockSdk();
  let entry: JournalEntryLike = {};
  try {
    const outcome = await applyPlan(plan, {
      clients,
      source: { mode: 'live', identity: before.identity, homeRegion: before.homeRegion, regions: before.regions },
      registry,
      ctx: c,
      recordsDir: '/nonexistent',
      by: 'tester',
      collect: async () => model.read(),
      journal: async (_dir, kind, body) => {
        entry = { id: entryId, kind, body };
        return { id: entryId };
      },
    });
    return { outcome, entry };
  } finally {
    restore();
    clients.destroy();
  }
}

/** Plans the undo of a journaled apply and applies it to the model. */
export async function undoOnModel(entry: JournalEntryLike, model: AwsModel, c: EvalContext = defaultCtx()): Promise<ModelRun & { plan: Plan; cannotUndo: readonly string[] }> {
  const { plan, cannotUndo } = planUndo(entry, c.now);
  const run = await applyToModel(plan, model, c, `${entry.id ?? 'J-0001'}-undo`);
  return { ...run, plan, cannotUndo };
}

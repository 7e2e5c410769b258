/**
 * Apply: the one executor that changes an account. It re-reads the slices the plan was made from
 * and refuses when they changed (drift); sends exactly the planned calls, in order, through
 * `ClientFactory.send`; stops at the first failure, or between calls when the signal aborts (the
 * call in flight always finishes); journals what happened in the records folder (state before,
 * actions, results, state after, who, when); then re-collects and re-runs the fixed checks.
 * Undo turns a journal entry into a plan of the recorded inverse calls, applied the same way.
 */
import type { Source } from '../session/source.js';
import type { EvalContext, Plan, PlanAction, PlannedCall, Status } from './model.js';
import { basisOf, basisOfFields, changedFields, type PlanNeeds, slicesOf, type StateSlices } from './plan.js';
import type { Registry } from './registry.js';
import { runCheckById } from './runner.js';
import { refTarget } from './refs.js';
import type { AccountState } from './state.js';

/** What apply needs of the records folder (src/records/store.ts provides it). */
export type JournalWriter = (dir: string, kind: 'journal', body: Record<string, unknown>, by?: string) => Promise<{ readonly id?: string }>;

export type ApplyEvent =
  | { readonly type: 'start'; readonly index: number; readonly action: PlanAction }
  | { readonly type: 'done'; readonly index: number; readonly action: PlanAction }
  | { readonly type: 'failed'; readonly index: number; readonly action: PlanAction; readonly error: string };

export interface ApplyDeps {
  /** The live client factory (`source.clients`). */
  readonly clients: {
    send(service: string, region: string, command: string, input: Record<string, unknown>): Promise<unknown>;
    /** What is wrong with a call's input for the AWS API (src/aws/input-shape.ts); asked for every action before the first is sent. */
    inputProblems?(service: string, command: string, input: Record<string, unknown>): Promise<readonly string[]>;
  };
  /** Where the account came from; apply refuses demo and snapshot sources. */
  readonly source: Pick<Source, 'mode' | 'identity' | 'homeRegion' | 'regions'> & { readonly clients?: Source['clients']; readonly readFresh?: Source['readFresh'] };
  readonly registry: Registry;
  readonly ctx: EvalContext;
  readonly recordsDir: string;
  /** Aborting stops before the next call; the call in flight finishes and is journaled. */
  readonly signal?: AbortSignal;
  readonly onAction?: (event: ApplyEvent) => void;
  /** Who applies (the person at the keyboard; the AWS caller's ARN is journaled too). */
  readonly by: string;
  /** Reads the given slices afresh (default: the live source's `readFresh`). */
  readonly collect?: (needs: PlanNeeds) => Promise<AccountState>;
  /**
   * Appends the journal entry: a port the caller wires (src/records/journal-port.ts for the register),
   * so the executor itself writes no file.
   */
  readonly journal: JournalWriter;
  /** Throws when the journal entry could not be written: checked before the first call is sent. */
  readonly writable?: (dir: string) => Promise<void>;
}

export interface ActionResult {
  readonly index: number;
  /** done · failed · not-run (after a failure or an interruption) */
  readonly status: 'done' | 'failed' | 'not-run';
  readonly error?: { readonly name: string; readonly message: string };
  /** The input really sent, when it held references to earlier responses. */
  readonly input?: Record<string, unknown>;
  /** The undo calls with references resolved (ids AWS chose, e.g. a new flow log's id). */
  readonly undo?: readonly PlannedCall[];
}

export interface Verification {
  readonly check: string;
  readonly status: Status;
  readonly message: string;
}

export interface ApplyOutcome {
  /**
   * applied: every call succeeded · nothing-to-do: the plan was empty · drifted: refused, nothing sent ·
   * failed: stopped at a failed call · interrupted: stopped between calls by the signal ·
   * refused: not a live account, or another account than the plan's.
   */
  readonly status: 'applied' | 'nothing-to-do' | 'drifted' | 'failed' | 'interrupted' | 'refused';
  readonly plan: Plan;
  readonly results: readonly ActionResult[];
  /** The actions that changed the account, and the ones that did not. */
  readonly changed: readonly PlanAction[];
  readonly unchanged: readonly PlanAction[];
  /** The fixed checks, re-run on a fresh read after the change. */
  readonly verification: readonly Verification[];
  /** The journal entry's id; absent when nothing was sent or the journal could not be written. */
  readonly journalEntry?: string;
  /** Why the journal could not be written (the change itself happened). */
  readonly journalError?: string;
  /** One or two sentences for a person. */
  readonly message: string;
}

const errorOf = (e: unknown) => ({
  name: (e as { name?: string })?.name && (e as { name?: string }).name !== 'Error' ? String((e as { name: string }).name) : 'Error',
  message: String((e as { message?: string })?.message ?? e),
});

async function defaultCollect(deps: ApplyDeps, needs: PlanNeeds): Promise<AccountState> {
  if (!deps.source.readFresh) throw new Error('there is no live AWS connection to read the account with');
  return deps.source.readFresh(needs);
}

const needsOfPlan = (plan: Plan): PlanNeeds => plan.needs ?? { global: [], regional: [] };

function verify(deps: ApplyDeps, plan: Plan, after: AccountState): Verification[] {
  return plan.checks.flatMap((id) => {
    const f = runCheckById(deps.registry, id, after, deps.ctx);
    return f ? [{ check: id, status: f.status, message: f.message }] : [];
  });
}

function verificationSentence(v: readonly Verification[], undo: boolean): string {
  if (v.length === 0) return '';
  const passing = v.filter((x) => x.status === 'pass').map((x) => x.check);
  const other = v.filter((x) => x.status !== 'pass');
  if (undo) return ` After the undo: ${v.map((x) => `${x.check} ${x.status}`).join(', ')}.`;
  if (other.length === 0) return ` Re-checked on a fresh read: ${passing.join(', ')} now pass${passing.length === 1 ? 'es' : ''}.`;
  return ` Re-checked on a fresh read: ${other.map((x) => `${x.check} is still ${x.status}`).join('; ')}${passing.length ? `; ${passing.join(', ')} pass` : ''}.`;
}

function resolveRefs<T>(value: T, actions: readonly { readonly ref?: string }[], responses: readonly unknown[], self?: unknown): T {
  if (typeof value === 'string') {
    const target = refTarget(actions, value);
    if (!target) return value;
    let v: unknown = target.name === 'self' ? self : target.index >= 0 ? responses[target.index] : undefined;
    for (const part of target.path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[part];
    if (v === undefined || v === null) throw new Error(`the plan refers to ${value}, which the earlier response did not contain`);
    return v as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, actions, responses, self)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, actions, responses, self)])) as T;
  }
  return value;
}

const hasRefs = (value: unknown): boolean => JSON.stringify(value ?? null).includes('{{');

/** Applies a reviewed plan to the live account. Never throws for AWS errors: they are in the outcome. */
export async function applyPlan(plan: Plan, deps: ApplyDeps): Promise<ApplyOutcome> {
  const base = { plan, results: [] as ActionResult[], changed: [] as PlanAction[], unchanged: [...plan.actions], verification: [] as Verification[] };
  if (deps.source.mode !== 'live') {
    return {
      ...base,
      status: 'refused',
      message: `Nothing was applied: the ${deps.source.mode === 'demo' ? 'demo account' : 'snapshot'} is for planning only; run apply against a live account.`,
    };
  }
  if (plan.account && plan.account !== deps.source.identity.accountId) {
    return {
      ...base,
      status: 'refused',
      message: `Nothing was applied: this plan was made for account ${plan.account}, but the credentials are for account ${deps.source.identity.accountId}.`,
    };
  }
  if (plan.actions.length === 0) {
    return { ...base, status: 'nothing-to-do', message: `Nothing to apply: ${plan.remediation} plans no change.` };
  }

  // An action AWS's API would not take (a plan file edited by hand, a mistake in a fix) refuses the
  // whole plan before anything is sent, rather than failing halfway or being silently cut short by the SDK.
  if (deps.clients.inputProblems) {
    for (const [i, a] of plan.actions.entries()) {
      const problems = await deps.clients.inputProblems(a.service, a.command, a.input);
      if (problems.length > 0) {
        return { ...base, status: 'refused', message: `Nothing was applied: change ${i + 1} (${a.service} ${a.command}) is not what AWS's API takes: ${problems.join('; ')}.` };
      }
    }
  }

  const needs = needsOfPlan(plan);
  const regions = plan.regions ?? deps.source.regions;
  const collect = deps.collect ?? ((n: PlanNeeds) => defaultCollect(deps, n));
  const before = await collect(needs);
  const beforeSlices = slicesOf(before, needs, regions);
  const basisNow = plan.basisFields ? basisOfFields(before, plan.basisFields) : basisOf(beforeSlices);
  if (basisNow !== plan.basis) {
    return {
      ...base,
      status: 'drifted',
      message: `Nothing was applied: the account changed since this plan was made (${plan.createdAt}), so it may no longer do what you reviewed. Make the plan again and review it.`,
    };
  }

  // A change that cannot be journaled must not be made: refuse before the first call when the
  // register would refuse the entry (it fails verification).
  if (deps.writable) {
    try {
      await deps.writable(deps.recordsDir);
    } catch (e) {
      return { ...base, status: 'refused', message: `Nothing was applied: the journal entry this change needs could not be written. ${errorOf(e).message}` };
    }
  }

  const startedAt = new Date().toISOString();
  const results: ActionResult[] = [];
  const responses: unknown[] = [];
  let status: ApplyOutcome['status'] = 'applied';
  for (let i = 0; i < plan.actions.length; i++) {
    const action = plan.actions[i] as PlanAction;
    if (status !== 'applied' || deps.signal?.aborted) {
      if (status === 'applied') status = 'interrupted';
      results.push({ index: i, status: 'not-run' });
      continue;
    }
    deps.onAction?.({ type: 'start', index: i, action });
    try {
      const input = resolveRefs(action.input, plan.actions, responses);
      const response = await deps.clients.send(action.service, action.region, action.command, input);
      responses[i] = response;
      let undo: readonly PlannedCall[] | undefined;
      try {
        undo = action.undo && hasRefs(action.undo) ? resolveRefs(action.undo, plan.actions, responses, response) : undefined;
      } catch {
        undo = undefined;
      }
      results.push({ index: i, status: 'done', ...(hasRefs(action.input) ? { input } : {}), ...(undo ? { undo } : {}) });
      deps.onAction?.({ type: 'done', index: i, action });
    } catch (e) {
      const error = errorOf(e);
      results.push({ index: i, status: 'failed', error });
      deps.onAction?.({ type: 'failed', index: i, action, error: `${error.name}: ${error.message}` });
      status = 'failed';
    }
  }
  const finishedAt = new Date().toISOString();
  const changed = plan.actions.filter((_, i) => results[i]?.status === 'done');
  const unchanged = plan.actions.filter((_, i) => results[i]?.status !== 'done');

  const after = await collect(needs);
  const afterSlices = slicesOf(after, needs, regions);
  const verification = verify(deps, plan, after);

  let journalEntry: string | undefined;
  let journalError: string | undefined;
  const by = deps.by;
  try {
    const entry = await deps.journal(deps.recordsDir, 'journal', journalBody(plan, { results, status, before: beforeSlices, after: afterSlices, verification, by, awsIdentity: deps.source.identity.arn, startedAt, finishedAt }), by);
    journalEntry = typeof entry.id === 'string' ? entry.id : undefined;
  } catch (e) {
    journalError = errorOf(e).message;
  }

  const undo = Boolean(plan.undoOf);
  const failed = results.find((r) => r.status === 'failed');
  const failedAction = failed ? plan.actions[failed.index] : undefined;
  let message: string;
  if (status === 'applied') {
    message = `${undo ? 'Undid' : 'Applied'} ${plan.remediation}: ${changed.length} change${changed.length === 1 ? '' : 's'} made.${verificationSentence(verification, undo)}`;
  } else if (status === 'failed') {
    message = `Stopped at change ${(failed?.index ?? 0) + 1} of ${plan.actions.length} (${failedAction?.command} on ${failedAction?.resource} in ${failedAction?.region}): ${failed?.error?.name}: ${failed?.error?.message.replace(/\.$/, '')}. ${changed.length} change${changed.length === 1 ? ' was' : 's were'} made before it and ${unchanged.length} ${unchanged.length === 1 ? 'was' : 'were'} not.${verificationSentence(verification, undo)}`;
  } else {
    message = `Interrupted: ${changed.length} of ${plan.actions.length} changes were made and the other ${unchanged.length} were not.${verificationSentence(verification, undo)}`;
  }
  if (journalEntry) message += ` Journal entry ${journalEntry}.`;
  if (journalError) message += ` The journal could not be written (${journalError}); keep this output as the record of the change.`;
  return { plan, status, results, changed, unchanged, verification, journalEntry, journalError, message };
}

function journalBody(
  plan: Plan,
  r: {
    results: readonly ActionResult[];
    status: ApplyOutcome['status'];
    before: StateSlices;
    after: StateSlices;
    verification: readonly Verification[];
    by: string;
    awsIdentity: string;
    startedAt: string;
    finishedAt: string;
  },
): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      operation: plan.undoOf ? 'undo' : 'apply',
      undoOf: plan.undoOf,
      remediation: plan.remediation,
      title: plan.title,
      risk: plan.risk,
      checks: plan.checks,
      account: plan.account,
      regions: plan.regions,
      options: plan.options,
      basis: plan.basis,
      planCreatedAt: plan.createdAt,
      needs: plan.needs,
      outcome: r.status,
      by: r.by,
      awsIdentity: r.awsIdentity,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      actions: plan.actions,
      results: r.results,
      stateBefore: r.before,
      stateAfter: r.after,
      verification: r.verification,
    }),
  ) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Undo

/** A journal entry as the records folder returns it (only what undo reads). */
export interface JournalEntryLike {
  readonly id?: string;
  readonly kind?: string;
  readonly body?: unknown;
}

export class UndoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndoError';
  }
}

export interface UndoPlan {
  readonly plan: Plan;
  /** Sentences on the changes that cannot be taken back (they stay as they are). */
  readonly cannotUndo: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The inverse of a journaled apply: for every call that was made, its recorded undo calls, last
 * change first. Its basis is the state right after that apply, so the undo refuses when the account
 * changed since then. Throws UndoError when the entry is not an apply that changed something.
 */
export function planUndo(entry: JournalEntryLike, now: Date, journal?: readonly JournalEntryLike[]): UndoPlan {
  const id = entry.id ?? 'the entry';
  const blocking = journal ? laterChangesTo(journal, entry) : [];
  if (blocking.length > 0) {
    const first = blocking[0] as { id: string; remediation: string; what: string };
    const order = blocking.map((b) => b.id).join(', then ');
    throw new UndoError(
      `${id} cannot be undone yet: ${first.id} (${first.remediation}) changed ${first.what} again after it, so undoing ${id} now would overwrite that change. Undo ${order} first, then ${id}.`,
    );
  }
  const body = isObj(entry.body) ? entry.body : undefined;
  if (entry.kind !== undefined && entry.kind !== 'journal') throw new UndoError(`${id} is a ${entry.kind} record, not a journal entry of an applied fix.`);
  if (!body || !Array.isArray(body.actions) || !Array.isArray(body.results)) throw new UndoError(`${id} does not record an applied fix.`);
  if (body.operation === 'undo') throw new UndoError(`${id} is itself an undo; apply the fix again instead of undoing the undo.`);
  const actions = body.actions as PlanAction[];
  const results = body.results as ActionResult[];
  const done = actions.flatMap((a, i) => {
    const r = results.find((x) => x.index === i);
    return r?.status === 'done' ? [r.undo ? { ...a, undo: r.undo } : a] : [];
  });
  if (done.length === 0) throw new UndoError(`${id} changed nothing (no call succeeded), so there is nothing to undo.`);
  const cannotUndo: string[] = [];
  const undoActions: PlanAction[] = [];
  for (const a of [...done].reverse()) {
    // Reversible with no calls of its own: taken back by another action's undo (a topic's subscription goes with the topic).
    if (a.reversible && a.undo && a.undo.length === 0) continue;
    if (!a.reversible || !a.undo || a.undo.length === 0 || hasRefs(a.undo)) {
      cannotUndo.push(`"${a.summary.replace(/\.$/, '')}" cannot be undone${a.irreversibleBecause ? `: ${a.irreversibleBecause.replace(/\.$/, '')}` : ''}.`);
      continue;
    }
    a.undo.forEach((call: PlannedCall, i) => {
      undoActions.push({
        ...call,
        effect: a.effect === '+' ? '-' : a.effect === '-' ? '+' : '~',
        resource: a.resource,
        summary: `Undo (${i + 1}/${a.undo?.length}): ${a.summary}`,
        reversible: false,
        irreversibleBecause: 'an undo is not itself undone; apply the fix again instead',
      });
    });
  }
  const after = isObj(body.stateAfter) ? (body.stateAfter as unknown as StateSlices) : { global: {}, regional: {} };
  const before = isObj(body.stateBefore) ? (body.stateBefore as unknown as StateSlices) : undefined;
  // The undo's basis is the fields the apply changed, as they were right after it: a field that
  // changed on its own, a list that came back in another order, or "" read back for an emptied
  // field is not drift; a field the apply set and someone changed since is.
  const basisFields = before ? changedFields({ global: before.global, regional: before.regional }, { global: after.global, regional: after.regional }) : undefined;
  const needs = isObj(body.needs) ? (body.needs as unknown as PlanNeeds) : { global: Object.keys(after.global), regional: [] };
  const plan: Plan = {
    remediation: String(body.remediation ?? 'unknown'),
    checks: Array.isArray(body.checks) ? (body.checks as string[]) : [],
    risk: (body.risk as Plan['risk']) ?? 'disruptive',
    title: `Undo: ${String(body.title ?? body.remediation ?? 'an applied fix')}`,
    actions: undoActions,
    basis: basisFields ? basisOfFields(after, basisFields) : basisOf(after),
    ...(basisFields ? { basisFields } : {}),
    createdAt: now.toISOString(),
    notes: cannotUndo,
    needs,
    regions: Array.isArray(body.regions) ? (body.regions as string[]) : Object.keys(after.regional),
    account: typeof body.account === 'string' ? body.account : undefined,
    undoOf: entry.id,
  };
  return { plan, cannotUndo };
}

const bodyOf = (e: JournalEntryLike): Obj | undefined => (isObj(e.body) ? e.body : undefined);

/** The fields a journaled apply changed (its state before against its state after). */
function fieldsChangedBy(e: JournalEntryLike): string[] {
  const b = bodyOf(e);
  if (!b || !isObj(b.stateBefore) || !isObj(b.stateAfter)) return [];
  const before = b.stateBefore as unknown as StateSlices;
  const after = b.stateAfter as unknown as StateSlices;
  return changedFields({ global: before.global, regional: before.regional }, { global: after.global, regional: after.regional });
}

const MARKERS = new Set(['**', '?', '*keys']);
const segsOf = (field: string): string[] => (JSON.parse(field) as unknown[]).map(String).filter((x) => !MARKERS.has(x));
/** Two fields overlap when one lies inside the other (a group's rules and one of its rules). */
function overlaps(a: string, b: string): boolean {
  const x = segsOf(a);
  const y = segsOf(b);
  const n = Math.min(x.length, y.length);
  return x.slice(0, n).every((s, i) => s === y[i]);
}

/** "ec2.securityGroups sg-db in us-east-1": a field named for a person. */
function describeField(field: string): string {
  const segs = segsOf(field);
  const regional = segs[0] === 'regional';
  const slice = regional ? segs[2] : segs[1];
  const ids = segs.flatMap((s) => /^\[[^=]+=(.*)\]$/.exec(s)?.slice(1) ?? []);
  return `${ids.length ? `${ids.join(' ')} (${slice})` : `the ${slice} data`}${regional ? ` in ${segs[1]}` : ''}`;
}

/**
 * The later journal entries, not undone since, that changed a field this entry changed: they must
 * be undone first (latest first), or undoing this one would overwrite what they did.
 */
export function laterChangesTo(journal: readonly JournalEntryLike[], entry: JournalEntryLike): { readonly id: string; readonly remediation: string; readonly what: string }[] {
  const entries = journal.filter((e) => e.kind === undefined || e.kind === 'journal');
  const at = entries.findIndex((e) => e === entry || (e.id !== undefined && e.id === entry.id));
  if (at < 0) return [];
  const mine = fieldsChangedBy(entry);
  if (mine.length === 0) return [];
  const later = entries.slice(at + 1);
  const undone = new Set(later.flatMap((e) => (bodyOf(e)?.operation === 'undo' && bodyOf(e)?.outcome === 'applied' ? [String(bodyOf(e)?.undoOf)] : [])));
  const out: { id: string; remediation: string; what: string }[] = [];
  for (const e of later) {
    const b = bodyOf(e);
    if (!b || b.operation === 'undo' || !e.id || undone.has(e.id)) continue;
    const theirs = fieldsChangedBy(e);
    const hit = theirs.find((f) => mine.some((m) => overlaps(f, m)));
    if (hit) out.push({ id: e.id, remediation: String(b.remediation ?? 'a fix'), what: describeField(hit) });
  }
  return out.reverse();
}

/** Finds a journal entry by its id (or a unique prefix of it). */
export function findEntry<E extends JournalEntryLike>(entries: readonly E[], ref: string): E {
  const journal = entries.filter((e) => e.kind === undefined || e.kind === 'journal');
  const exact = journal.find((e) => e.id === ref);
  if (exact) return exact;
  const prefixed = journal.filter((e) => e.id?.startsWith(ref));
  if (prefixed.length === 1) return prefixed[0] as E;
  if (prefixed.length > 1) throw new UndoError(`"${ref}" matches ${prefixed.length} journal entries; give more of the id.`);
  throw new UndoError(
    journal.length === 0 ? 'The records folder has no journal entries: nothing has been applied from it.' : `There is no journal entry "${ref}". The latest is ${journal.at(-1)?.id}.`,
  );
}

/**
 * Undoes a journal entry: plans the inverse, asks `confirm` (which sees the plan and what cannot be
 * undone), and applies it. Returns the undo plan and, when it ran, the apply outcome.
 */
export async function undoEntry(
  entryId: string,
  deps: ApplyDeps & { readonly entries: readonly JournalEntryLike[]; readonly confirm: (undo: UndoPlan) => Promise<boolean> },
): Promise<{ readonly undo: UndoPlan; readonly outcome?: ApplyOutcome }> {
  const undo = planUndo(findEntry(deps.entries, entryId), deps.ctx.now, deps.entries);
  if (undo.plan.actions.length === 0) return { undo };
  if (!(await deps.confirm(undo))) return { undo };
  return { undo, outcome: await applyPlan(undo.plan, deps) };
}

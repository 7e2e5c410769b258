/**
 * Plans: what a fix would change, as data. `makePlan` runs a remediation's pure plan() over the
 * collected state and stamps the result with a basis (the SHA-256 of every slice the plan was made
 * from), so apply can refuse when the account drifted after the plan was reviewed. Nothing here
 * talks to AWS; `cliEquivalent` only writes the AWS CLI line a person could run instead.
 */
import { sha256Hex } from '../lib/hash.js';
import { canonicalJson } from '../lib/json.js';
import { shellQuote } from '../lib/shell.js';
import { problemsOf } from '../schemas/schema.js';
import { maxRisk, rateActions, UnratedCall } from './effects.js';
import { SERVICES, isService } from './services.js';
import type { EvalContext, Plan, PlanAction, PlannedCall, RemediationDef, ResourceResult } from './model.js';
import { Unreadable } from './outcome.js';
import { REF, refTarget } from './refs.js';
import type { Registry } from './registry.js';
import { runCheckById } from './runner.js';
import { type AccountState, describeError } from './state.js';

/** A plan that cannot be made: one sentence for a person (unknown fix, bad option, unreadable state). */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export interface PlanNeeds {
  readonly global: readonly string[];
  readonly regional: readonly string[];
}

export interface MakePlanOptions {
  /** Values for the remediation's options (a group name, a key alias); defaults fill the rest. */
  readonly options?: Readonly<Record<string, string>>;
}

/** The slices a fix reads: the needs of every check it fixes, plus its own. */
export function needsOfFix(registry: Registry, def: RemediationDef): PlanNeeds {
  const global = new Set<string>(def.needs?.global ?? []);
  const regional = new Set<string>(def.needs?.regional ?? []);
  for (const id of def.fixes) {
    const check = registry.check(id);
    for (const k of check?.needs.global ?? []) global.add(k);
    for (const k of check?.needs.regional ?? []) regional.add(k);
  }
  return { global: [...global].sort(), regional: [...regional].sort() };
}

/** Stable JSON (keys sorted at every depth, undefined and NaN as null), so equal data always hashes the same. */
const stableJson = (value: unknown): string => canonicalJson(value, { unrepresentable: 'null' });

/** The part of a state that a set of needs covers, over the given regions. */
export interface StateSlices {
  readonly global: Readonly<Record<string, unknown>>;
  readonly regional: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export function slicesOf(state: AccountState, needs: PlanNeeds, regions: readonly string[] = state.regions): StateSlices {
  const g = state.global as Record<string, unknown>;
  const global = Object.fromEntries(needs.global.map((k) => [k, g[k] ?? null]));
  const regional = Object.fromEntries(
    regions.map((r) => {
      const inRegion = (state.regional[r] ?? {}) as Record<string, unknown>;
      return [r, Object.fromEntries(needs.regional.map((k) => [k, inRegion[k] ?? null]))];
    }),
  );
  return { global, regional };
}

/** The SHA-256 (hex) of the slices: equal only when every slice the plan read is unchanged. */
export function basisOf(slices: StateSlices): string {
  return sha256Hex(stableJson(slices));
}

// ---------------------------------------------------------------------------------------------
// The basis as the fields a plan read. A plan's basis covers only what plan() (and the checks it
// asked for through `failing`) read while it ran, not whole slices: a field that changes on its own
// (a trail's last delivery time, an SSM instance's last ping) and that nothing read to decide does
// not make a reviewed plan stale. We record the reads with a proxy over the state rather than ask
// every fix to declare `basisFields`: a declared list goes out of date the day a fix or a check it
// calls starts reading one more field, and then apply misses exactly the drift it exists to catch.
//
// A field is a path into the state, JSON-encoded: ["regional","us-east-1","ec2.securityGroups",
// "value",3,"GroupId"]. Its last segment may be a marker:
//   "*keys"  the object's own keys were listed (Object.keys, for…in, a spread);
//   "**"     the whole value below, compared deeply and order-insensitively (an undo's fields);
//   "?"      only whether something is there (a resource the apply created: the undo deletes it).
// A segment "[Key=value]" picks the element of an array whose Key is value (an undo's fields
// name a resource by its id, not by where it sits in a list that may come back in another order).

type Seg = string | number;
const KEYS = '*keys';
const DEEP = '**';
const EXISTS = '?';
const SELECTOR = /^\[([^=\]]+)=(.*)\]$/;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * A view of the state that records every field read through it (only under `global` and
 * `regional`, and only in the slices `needs` lists: apply re-reads those and no others).
 */
export function recordReads(state: AccountState, needs: PlanNeeds): { readonly state: AccountState; readonly fields: () => string[] } {
  const seen = new Set<string>();
  const g = new Set(needs.global);
  const r = new Set(needs.regional);
  const tracked = (path: readonly Seg[]): boolean => {
    if (path[0] === 'global') return path.length < 2 || g.has(String(path[1]));
    if (path[0] === 'regional') return path.length < 3 || r.has(String(path[2]));
    return false;
  };
  const note = (path: readonly Seg[]) => {
    if (tracked(path) && path.length > (path[0] === 'global' ? 1 : 2)) seen.add(JSON.stringify(path));
  };
  const cache = new WeakMap<object, unknown>();
  const wrap = (value: unknown, path: readonly Seg[]): unknown => {
    if (!isPlain(value)) return value;
    if (path.length > 0 && !tracked(path)) return value;
    const hit = cache.get(value);
    if (hit) return hit;
    const isArr = Array.isArray(value);
    const seg = (key: string): Seg => (isArr && /^\d+$/.test(key) ? Number(key) : key);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol') return v;
        const own = Object.hasOwn(target, key);
        if (!own && key in target) return v; // a method of Array or Object, not data
        const p = [...path, seg(key)];
        note(p);
        const d = Object.getOwnPropertyDescriptor(target, key);
        if (d && !d.configurable && !d.writable) return v; // a frozen field must be returned as is
        return wrap(v, p);
      },
      has(target, key) {
        if (typeof key !== 'symbol') note([...path, seg(key)]);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        note([...path, KEYS]);
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, key) {
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
    cache.set(value, proxy);
    return proxy;
  };
  return { state: wrap(state, []) as AccountState, fields: () => [...seen].sort() };
}

/** "", null, absent, [] and {} are one value (AWS reads an emptied field back either way); arrays sorted. */
export function normalizeValue(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return value.map((x) => normalizeValue(x) ?? null).sort((a, b) => {
      const x = stableJson(a);
      const y = stableJson(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const n = normalizeValue(v);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function step(value: unknown, seg: Seg): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const m = typeof seg === 'string' ? SELECTOR.exec(seg) : null;
  if (m && Array.isArray(value)) return value.find((x) => isPlain(x) && String((x as Record<string, unknown>)[m[1] as string]) === m[2]);
  return (value as Record<string, unknown>)[seg as string];
}

/** What a field holds, as the basis compares it. */
export function fieldValue(root: unknown, field: string): unknown {
  const path = JSON.parse(field) as Seg[];
  const last = path.at(-1);
  const marker = last === KEYS || last === DEEP || last === EXISTS ? last : undefined;
  let v = root;
  for (const seg of marker ? path.slice(0, -1) : path) v = step(v, seg);
  if (marker === KEYS) return isPlain(v) ? Object.keys(v).sort() : null;
  if (marker === DEEP) return normalizeValue(v) ?? null;
  if (marker === EXISTS) return v !== undefined && v !== null;
  if (Array.isArray(v)) return '[array]';
  if (isPlain(v)) return '{object}';
  return v === undefined ? '(absent)' : v;
}

/** The SHA-256 (hex) of the given fields' values in a state (or a journal's state slices). */
export function basisOfFields(state: Pick<AccountState, 'global' | 'regional'> | StateSlices, fields: readonly string[]): string {
  const values = fields.map((f) => [f, fieldValue(state, f)]);
  return sha256Hex(stableJson(values));
}

/** A key that names each element of both lists once (an id, an ARN, a name), to match them by. */
function idKeyOf(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isPlain)) return undefined;
  const first = all[0] as Record<string, unknown>;
  const candidates = Object.keys(first)
    .filter((k) => /(Id|ID|Arn|ARN|Name|^id|^arn|^name|Identifier)$/.test(k))
    .sort((x, y) => {
      const rank = (k: string) => (/(Id|ID|^id|Identifier)$/.test(k) ? 0 : /(Arn|ARN|^arn)$/.test(k) ? 1 : 2);
      return rank(x) - rank(y) || (x < y ? -1 : 1);
    });
  const unique = (list: readonly unknown[], k: string) => {
    const vals = list.map((x) => (x as Record<string, unknown>)[k]);
    return vals.every((v) => typeof v === 'string' && !v.includes(']')) && new Set(vals).size === vals.length;
  };
  return candidates.find((k) => unique(a, k) && unique(b, k));
}

/**
 * The fields that differ between two states (an apply's state before and after): the fields an
 * undo changes back, so the only ones its basis needs. Lists of resources are matched by their id;
 * other lists are compared as a whole, in any order; "" and absent are the same.
 */
export function changedFields(before: unknown, after: unknown, path: readonly Seg[] = []): string[] {
  const nb = normalizeValue(before);
  const na = normalizeValue(after);
  if (stableJson(nb) === stableJson(na)) return [];
  if (na === undefined) return [JSON.stringify([...path, DEEP])]; // removed or emptied: must still be so
  if (nb === undefined && isPlain(after) && !Array.isArray(after)) return [JSON.stringify([...path, EXISTS])]; // created: the undo removes it
  if (isPlain(before) && isPlain(after) && !Array.isArray(before) && !Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].sort().flatMap((k) => changedFields((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], [...path, k]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const id = idKeyOf(before, after);
    if (id) {
      const byId = (list: readonly unknown[]) => new Map(list.map((x) => [String((x as Record<string, unknown>)[id]), x]));
      const b = byId(before);
      const a = byId(after);
      const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
      return ids.flatMap((v) => changedFields(b.get(v), a.get(v), [...path, `[${id}=${v}]`]));
    }
  }
  return [JSON.stringify([...path, DEEP])];
}

/** Fills option defaults and refuses options the fix does not have, or required ones left empty. */
export function resolveOptions(def: RemediationDef, given: Readonly<Record<string, string>> = {}): Record<string, string> {
  const known = new Map((def.options ?? []).map((o) => [o.name, o]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const names = [...known.keys()];
      throw new PlanError(
        names.length
          ? `The fix ${def.id} has no option "${name}"; its options are ${names.join(', ')}.`
          : `The fix ${def.id} takes no options, but "${name}" was given.`,
      );
    }
  }
  const out: Record<string, string> = {};
  for (const o of def.options ?? []) {
    const v = given[o.name] ?? o.default;
    if (v === undefined) continue;
    const problem = o.schema ? problemsOf(o.schema, v, `its ${o.name} option`)[0] : undefined;
    if (problem) throw new PlanError(`The fix ${def.id} cannot be planned: ${problem}, not "${v}".`);
    out[o.name] = v;
  }
  return out;
}

/** Runs a fix's plan() over the state: the plan a person reviews and apply later sends, exactly. */
export function makePlan(registry: Registry, remediationId: string, state: AccountState, ctx: EvalContext, options: MakePlanOptions = {}): Plan {
  const def = registry.remediation(remediationId);
  if (!def) {
    throw new PlanError(`There is no fix called "${remediationId}". Fixes: ${registry.remediations.map((r) => r.id).join(', ')}.`);
  }
  const resolved = resolveOptions(def, options.options);
  const needs = needsOfFix(registry, def);
  let actions: readonly PlanAction[];
  const skipped: string[] = [];
  const results = new Map<string, readonly ResourceResult[]>();
  const failing = (checkId: string): readonly ResourceResult[] => {
    if (!def.fixes.includes(checkId)) throw new PlanError(`The fix ${def.id} asked for the results of ${checkId}, which it does not fix.`);
    let r = results.get(checkId);
    if (!r) {
      const finding = runCheckById(registry, checkId, reads.state, ctx);
      r = (finding?.resources ?? []).filter((x) => x.status === 'fail');
      results.set(checkId, r);
    }
    return r;
  };
  // The plan and the checks it asks for read the state through a recorder: the basis is what they read.
  const reads = recordReads(state, needs);
  try {
    actions = def.plan(reads.state, { ...ctx, options: resolved, failing, note: (s) => void skipped.push(s) });
  } catch (e) {
    if (e instanceof Unreadable) {
      const where = e.region ? ` in ${e.region}` : '';
      throw new PlanError(`Cannot plan ${def.id}: the ${e.key} data${where} ${describeError(e.error).replace(/^could not read: /, 'could not be read: ')}.`);
    }
    if (e instanceof PlanError) throw e;
    throw new PlanError(`Cannot plan ${def.id}: ${(e as Error)?.message ?? String(e)}`);
  }
  // Serialised before the reads are listed: an action that carries a piece of the state as is
  // (the rules a revoke sends) has read all of it, and it all joins the basis.
  const sent = actions.map((a) => JSON.parse(JSON.stringify(a)) as PlanAction);
  const basisFields = reads.fields();
  for (const a of actions) {
    if (!isService(a.service)) throw new PlanError(`The fix ${def.id} plans a call to an unknown service "${a.service}".`);
  }
  checkRefs(def.id, actions);
  let rated: ReturnType<typeof rateActions>;
  try {
    rated = rateActions(actions, { strict: true });
  } catch (e) {
    if (e instanceof UnratedCall) throw new PlanError(`Cannot plan ${def.id}: ${e.message}`);
    throw e;
  }
  return {
    remediation: def.id,
    checks: [...def.fixes],
    risk: maxRisk(...rated.map((x) => x.risk)),
    title: def.title,
    actions: sent.map((a, i) => ({ ...a, ...rated[i] }) as PlanAction),
    basis: basisOfFields(state, basisFields),
    basisFields,
    createdAt: ctx.now.toISOString(),
    notes: [...(actions.length > 0 ? (def.notes ?? []) : []), ...skipped],
    needs,
    regions: [...state.regions],
    account: state.identity.accountId,
    options: resolved,
  };
}

export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly remove: number;
}

export function planCounts(plan: Pick<Plan, 'actions'> | readonly Pick<Plan, 'actions'>[]): PlanCounts {
  const plans = Array.isArray(plan) ? plan : [plan as Pick<Plan, 'actions'>];
  const counts = { add: 0, change: 0, remove: 0 };
  for (const p of plans) {
    for (const a of p.actions) {
      if (a.effect === '+') counts.add++;
      else if (a.effect === '~') counts.change++;
      else counts.remove++;
    }
  }
  return counts;
}

export function countLine(c: PlanCounts): string {
  return `Plan: ${c.add} to add, ${c.change} to change, ${c.remove} to remove.`;
}

/** "UpdateAccountPasswordPolicy" → "update-account-password-policy"; "SSESpecification" → "sse-specification". */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** "{{baseline.BaselineId}}" → "<BaselineId from the change baseline>": an id AWS chooses while the plan runs. */
function refPlaceholder(value: string): string | undefined {
  const m = REF.exec(value);
  if (!m) return undefined;
  return `<${m[4]} from ${m[1] === 'self' ? 'that change' : m[2] !== undefined ? `change ${m[2]}` : `the change ${m[1]}`}>`;
}

/**
 * Every "{{name.Path}}" in the actions names an earlier action of the plan ("{{self.…}}" only in an
 * undo), and names are unique: a plan that refers to a later or missing action is refused while it
 * is made, not halfway through applying it.
 */
function checkRefs(id: string, actions: readonly PlanAction[]): void {
  const seen = new Set<string>();
  actions.forEach((a, i) => {
    if (a.ref !== undefined) {
      if (!/^[a-z][a-z0-9-]*$/.test(a.ref) || a.ref === 'self' || /^step\d+$/.test(a.ref)) throw new PlanError(`The fix ${id} names action ${i + 1} "${a.ref}", which is not a usable name.`);
      if (seen.has(a.ref)) throw new PlanError(`The fix ${id} names two actions "${a.ref}".`);
      seen.add(a.ref);
    }
    const visit = (v: unknown, inUndo: boolean): void => {
      if (typeof v === 'string') {
        const t = refTarget(actions, v);
        if (!t) return;
        if (t.name === 'self' ? !inUndo : t.index < 0 || t.index >= i) {
          throw new PlanError(`The fix ${id} refers to ${v} in action ${i + 1} (${a.command}), which is not an earlier action of the plan.`);
        }
      } else if (Array.isArray(v)) for (const x of v) visit(x, inUndo);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x, inUndo);
    };
    visit(a.input, false);
    for (const u of a.undo ?? []) visit(u.input, true);
  });
}

/**
 * The AWS CLI line equivalent to one planned call: `aws <service> <command> --param value …
 * --region R`. Booleans become `--flag` / `--no-flag`, structures are written as JSON.
 */
export function cliEquivalent(call: PlannedCall): string {
  const cli = isService(call.service) ? SERVICES[call.service].cli : call.service;
  const parts = ['aws', cli, kebabCase(call.command)];
  for (const [key, value] of Object.entries(call.input)) {
    if (value === undefined || value === null) continue;
    const flag = `--${kebabCase(key)}`;
    if (typeof value === 'boolean') parts.push(value ? flag : `--no-${kebabCase(key)}`);
    else if (typeof value === 'string') parts.push(flag, refPlaceholder(value) ?? shellQuote(value));
    else if (typeof value === 'number' || typeof value === 'bigint') parts.push(flag, String(value));
    else parts.push(flag, shellQuote(JSON.stringify(value)));
  }
  parts.push('--region', call.region);
  return parts.join(' ');
}

/** A plan as data for a change ticket: the plan itself, each action's CLI line, and the counts. */
export function planJson(plan: Plan): Record<string, unknown> {
  return {
    ...plan,
    counts: planCounts(plan),
    actions: plan.actions.map((a) => ({ ...a, cli: cliEquivalent(a), undoCli: a.undo?.map(cliEquivalent) })),
  };
}

/**
 * The registry as a catalog whose fixes carry the risk of their plan on this state (for the report):
 * a fix's risk follows from the calls it would make, so it is planned; a fix that cannot be planned on
 * what was read has no risk to show.
 */
export function catalogWithRisks(
  registry: Registry,
  state: AccountState,
  ctx: EvalContext,
): Pick<Registry, 'attestation'> & { remediation(id: string): (RemediationDef & { readonly risk?: Plan['risk'] }) | undefined } {
  const risks = new Map<string, Plan['risk'] | undefined>();
  return {
    attestation: (id) => registry.attestation(id),
    remediation: (id) => {
      const def = registry.remediation(id);
      if (!def) return undefined;
      if (!risks.has(id)) {
        try {
          const plan = makePlan(registry, id, state, ctx);
          risks.set(id, plan.actions.length > 0 ? plan.risk : undefined);
        } catch {
          risks.set(id, undefined);
        }
      }
      const risk = risks.get(id);
      return risk ? { ...def, risk } : def;
    },
  };
}

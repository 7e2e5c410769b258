/**
 * Plans: what a fix would change, as data. `makePlan` runs a remediation's pure plan() over the
 * collected state and stamps the result with a basis (the SHA-256 of every slice the plan was made
 * from), so apply can refuse when the account drifted after the plan was reviewed. Nothing here
 * talks to AWS; `cliEquivalent` only writes the AWS CLI line a person could run instead.
 */
import { createHash } from 'node:crypto';
import { maxRisk, rateActions, UnratedCall } from './effects.js';
import { SERVICES, isService } from './services.js';
import type { EvalContext, Plan, PlanAction, PlannedCall, RemediationDef, ResourceResult } from './model.js';
import { Unreadable } from './outcome.js';
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

/** Stable JSON: object keys sorted at every depth, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

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
  return createHash('sha256').update(canonicalJson(slices)).digest('hex');
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
    if (v !== undefined) out[o.name] = v;
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
      const finding = runCheckById(registry, checkId, state, ctx);
      r = (finding?.resources ?? []).filter((x) => x.status === 'fail');
      results.set(checkId, r);
    }
    return r;
  };
  try {
    actions = def.plan(state, { ...ctx, options: resolved, failing, note: (s) => void skipped.push(s) });
  } catch (e) {
    if (e instanceof Unreadable) {
      const where = e.region ? ` in ${e.region}` : '';
      throw new PlanError(`Cannot plan ${def.id}: the ${e.key} data${where} ${describeError(e.error).replace(/^could not read: /, 'could not be read: ')}.`);
    }
    if (e instanceof PlanError) throw e;
    throw new PlanError(`Cannot plan ${def.id}: ${(e as Error)?.message ?? String(e)}`);
  }
  for (const a of actions) {
    if (!isService(a.service)) throw new PlanError(`The fix ${def.id} plans a call to an unknown service "${a.service}".`);
  }
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
    actions: actions.map((a, i) => JSON.parse(JSON.stringify({ ...a, ...rated[i] })) as PlanAction),
    basis: basisOf(slicesOf(state, needs)),
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

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a value for a POSIX shell, only when it needs quoting. */
export function shellQuote(value: string): string {
  if (value !== '' && SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** "{{step2.BaselineId}}" → "<BaselineId from change 2>": an id AWS chooses while the plan runs. */
function refPlaceholder(value: string): string | undefined {
  const m = /^\{\{(self|step(\d+))\.([A-Za-z0-9_.]+)\}\}$/.exec(value);
  if (!m) return undefined;
  return `<${m[3]} from ${m[1] === 'self' ? 'that change' : `change ${m[2]}`}>`;
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

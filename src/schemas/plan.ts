/**
 * A plan saved with `plan FIX --format json` and read back by `apply --plan-file`. The file is
 * checked against this schema first (a damaged or hand-made file is named, field by field); then
 * apply makes the plan again on the account and refuses the file unless both agree (see
 * `savedPlanDifference`), so an edited action, a lowered risk or a dropped step never reaches AWS.
 * Fields this version does not list (`cli`, `counts`, ones a later version adds) are allowed: they are
 * compared through the plan made again, not trusted.
 */
import type { Plan } from '../engine/model.js';
import { canonicalJson } from '../records/canonical.js';
import { type Static, Type } from './schema.js';

const RISKS = ['safe', 'disruptive', 'costly', 'irreversible'] as const;

export const PlannedCallSchema = Type.Object(
  { service: Type.String(), command: Type.String(), input: Type.Record(Type.Unknown(), { description: 'an object' }), region: Type.String() },
  { additionalProperties: true },
);

export const PlanActionSchema = Type.Object(
  {
    ref: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'a name later actions refer to' })),
    service: Type.String(),
    command: Type.String(),
    input: Type.Record(Type.Unknown(), { description: 'an object' }),
    region: Type.String(),
    effect: Type.Enum(['+', '~', '-'] as const),
    resource: Type.String(),
    summary: Type.String(),
    reversible: Type.Boolean(),
    undo: Type.Optional(Type.Array(PlannedCallSchema)),
    irreversibleBecause: Type.Optional(Type.String()),
    risk: Type.Optional(Type.Enum(RISKS)),
  },
  { additionalProperties: true },
);

export const PlanFileSchema = Type.Object(
  {
    remediation: Type.String(),
    checks: Type.Array(Type.String()),
    risk: Type.Enum(RISKS),
    title: Type.String(),
    actions: Type.Array(PlanActionSchema),
    basis: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'a SHA-256 in hex' }),
    basisFields: Type.Optional(Type.Array(Type.String())),
    createdAt: Type.String(),
    notes: Type.Array(Type.String()),
    regions: Type.Optional(Type.Array(Type.String())),
    account: Type.Optional(Type.String()),
    options: Type.Optional(Type.Record(Type.String(), { description: 'an object mapping option names to text' })),
  },
  { additionalProperties: true },
);

export type PlanFile = Static<typeof PlanFileSchema>;

const canonical = (v: unknown): string => (v === undefined ? 'absent' : canonicalJson(v));

const shown = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));

/**
 * How a saved plan differs from the plan made again on the same account (one phrase), or undefined
 * when they agree on everything that is sent or decides the confirmation: the fix, the account and
 * regions, the options, the risk, and each action's call, input, target, risk and undo.
 */
export function savedPlanDifference(saved: PlanFile, made: Plan): string | undefined {
  // Compared as the file would hold it: what JSON cannot carry is not compared.
  const fresh = JSON.parse(JSON.stringify(made)) as PlanFile;
  if (saved.remediation !== fresh.remediation) return `it is a plan for ${saved.remediation}, not ${fresh.remediation}`;
  if (saved.account !== undefined && saved.account !== fresh.account) return `it was made for the account ${saved.account}, not ${fresh.account}`;
  if (saved.risk !== fresh.risk) return `it says its risk is ${saved.risk}, but the plan made again is ${fresh.risk}`;
  if (canonical(saved.options ?? {}) !== canonical(fresh.options ?? {})) return `its options ${shown(saved.options)} are not those the fix fills in (${shown(fresh.options)})`;
  if (saved.actions.length !== fresh.actions.length) return `it has ${saved.actions.length} action${saved.actions.length === 1 ? '' : 's'}, but the plan made again has ${fresh.actions.length}`;
  for (const [i, a] of saved.actions.entries()) {
    const f = fresh.actions[i]!;
    const which = `action ${i + 1} (${f.command} on ${f.resource})`;
    for (const key of ['service', 'command', 'region', 'resource', 'effect', 'reversible', 'risk'] as const) {
      if (a[key] !== f[key]) return `${which} has ${key} ${shown(a[key])} where the plan made again has ${shown(f[key])}`;
    }
    if (canonical(a.input) !== canonical(f.input)) {
      const keys = [...new Set([...Object.keys(a.input), ...Object.keys(f.input)])].sort();
      const k = keys.find((x) => canonical(a.input[x]) !== canonical(f.input[x]));
      return `${which} sends ${k ?? 'its input'} ${shown(k ? a.input[k] : a.input)} where the plan made again sends ${shown(k ? f.input[k] : f.input)}`;
    }
    const undoOf = (u: readonly { service: string; command: string; input: unknown; region: string }[] | undefined) =>
      canonical((u ?? []).map(({ service, command, input, region }) => ({ service, command, input, region })));
    if (undoOf(a.undo) !== undoOf(f.undo)) return `${which} has an undo that differs from the one the plan made again would journal`;
  }
  return undefined;
}

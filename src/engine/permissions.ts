/**
 * Least-privilege IAM policies from what the code declares: every check's and collector's
 * permissions for a read-only scan, and a fix's own permissions for applying (and undoing) it.
 * Pure: the caller passes the collector permissions it loaded.
 */
import type { CheckDef, PermissionScope, RemediationDef } from './model.js';
import type { Registry } from './registry.js';

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: '*' | readonly string[];
  readonly Condition?: PermissionScope['condition'];
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** What every live run calls before any check: who the caller is (and the account's alias), and which regions are enabled. */
export const BASE_PERMISSIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions', 'iam:ListAccountAliases'] as const;

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

/** Each slice's collector: the IAM actions of its own calls and the slices it builds on. */
export type SliceActions = ReadonlyMap<string, { readonly permissions: readonly string[]; readonly reads?: readonly string[] }>;

/** The actions collecting these slices needs, with the slices their collectors build on. */
export function slicesActions(slices: SliceActions, keys: readonly string[]): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const def = slices.get(key);
    for (const p of def?.permissions ?? []) out.add(p);
    for (const dep of def?.reads ?? []) visit(dep);
  };
  for (const k of keys) visit(k);
  return sorted(out);
}

/**
 * A check's IAM actions: those of the slices it reads (from their collectors, the one place they are
 * declared) and any extra its own `permissions` name.
 */
export function checkActions(check: Pick<CheckDef, 'needs' | 'permissions'>, slices: SliceActions): string[] {
  return sorted([...slicesActions(slices, [...(check.needs.global ?? []), ...(check.needs.regional ?? [])]), ...(check.permissions ?? [])]);
}

/** The actions a read-only scan needs. */
export function scanActions(registry: Registry, collectorPermissions: readonly string[]): string[] {
  return sorted([...BASE_PERMISSIONS, ...collectorPermissions, ...registry.checks.flatMap((c) => c.permissions ?? [])]);
}

export function scanPolicy(registry: Registry, collectorPermissions: readonly string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'HipaaWizardReadOnlyScan', Effect: 'Allow', Action: scanActions(registry, collectorPermissions), Resource: '*' }],
  };
}

/** What fills a scope's placeholders: the account and partition ("*" and "aws" when not known), and the fix's options. */
export interface ScopeValues {
  readonly account?: string;
  readonly partition?: string;
  /** Option values given; a fix's defaults fill the rest. */
  readonly options?: Readonly<Record<string, string>>;
}

/** A scope's resource patterns with {partition}, {account} and {option} filled in. */
export function scopeResources(def: RemediationDef, scope: PermissionScope, values: ScopeValues = {}): string[] {
  const opts: Record<string, string> = {};
  for (const o of def.options ?? []) if (o.default !== undefined) opts[o.name] = o.default;
  Object.assign(opts, values.options ?? {});
  return scope.resources.map((r) =>
    r.replace(/\{([a-z][a-z0-9-]*)\}/g, (_whole, name: string) => {
      if (name === 'account') return values.account ?? '*';
      if (name === 'partition') return values.partition ?? 'aws';
      const v = opts[name];
      if (v === undefined) throw new Error(`The fix ${def.id} scopes ${scope.actions.join(', ')} to "${r}", but has no option called "${name}".`);
      return v;
    }),
  );
}

/** Whether an ARN matches an IAM Resource pattern ("*" any run of characters, "?" one character). */
export function arnMatches(pattern: string, arn: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(arn);
}

const sid = (id: string) => `HipaaWizardFix${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`;

/**
 * The extra actions the named fixes need beyond a scan: one statement per fix. Throws with the
 * list of fixes when an id is unknown.
 */
export function fixPolicy(registry: Registry, fixIds: readonly string[], collectorPermissions: readonly string[], values: ScopeValues = {}): PolicyDocument {
  const scan = new Set(scanActions(registry, collectorPermissions));
  const statements: PolicyStatement[] = [];
  // Two fixes that share a scoped grant (security-alarms and cis-alarms pass the same role) print it once.
  const seen = new Set<string>();
  for (const id of fixIds) {
    const def = registry.remediation(id);
    if (!def) throw new Error(`There is no fix called "${id}". Fixes: ${registry.remediations.map((r) => r.id).join(', ')}.`);
    const scoped = new Set((def.scopes ?? []).flatMap((s) => s.actions));
    const extra = sorted(def.permissions.filter((p) => !scan.has(p) && !scoped.has(p)));
    if (extra.length > 0) statements.push({ Sid: sid(id), Effect: 'Allow', Action: extra, Resource: '*' });
    (def.scopes ?? []).forEach((scope, i) => {
      const key = JSON.stringify([sorted(scope.actions), scopeResources(def, scope, values), scope.condition ?? null]);
      if (seen.has(key)) return;
      seen.add(key);
      statements.push({
        Sid: `${sid(id)}Scoped${i + 1}`,
        Effect: 'Allow',
        Action: sorted(scope.actions),
        Resource: scopeResources(def, scope, values),
        ...(scope.condition ? { Condition: scope.condition } : {}),
      });
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * Whether the fix's declared permissions allow `action` (on `resource` when given, with the request's
 * condition-key values when given, e.g. iam:PassedToService): an action in a scope is allowed only on
 * the scope's resources and under its condition.
 */
export function fixAllows(
  def: RemediationDef,
  call: { action: string; resource?: string; context?: Readonly<Record<string, string>> },
  values: ScopeValues = {},
): boolean {
  if (!def.permissions.includes(call.action)) return false;
  const scopes = (def.scopes ?? []).filter((s) => s.actions.includes(call.action));
  if (scopes.length === 0) return true;
  return scopes.some((s) => {
    if (call.resource !== undefined && !scopeResources(def, s, values).some((p) => arnMatches(p, call.resource as string))) return false;
    for (const [op, keys] of Object.entries(s.condition ?? {})) {
      for (const [key, want] of Object.entries(keys)) {
        const got = call.context?.[key];
        if (got === undefined) continue;
        const wants = typeof want === 'string' ? [want] : want;
        if (op === 'StringEquals' && !wants.includes(got)) return false;
        if (op === 'StringLike' && !wants.some((w) => arnMatches(w, got))) return false;
      }
    }
    return true;
  });
}

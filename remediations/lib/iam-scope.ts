/**
 * The IAM fixes' scope, read from their checks' results (never from a second copy of the rule), and
 * who is running the tool, so a fix never locks that identity out.
 */
import type { CredentialReportRow } from '../../src/state/iam.js';
import type { CheckDef, EvalContext } from '../../src/engine/model.js';
import type { AccountState } from '../../src/engine/state.js';

/** The ids of the resources a check failed over this state. */
export function failingIds(check: CheckDef, state: AccountState, ctx: EvalContext): Set<string> {
  return new Set((check.evaluate(state, ctx).resources ?? []).filter((r) => r.status === 'fail').map((r) => r.id));
}

/** The IAM user name the tool runs as, or undefined for a role session, root or a federated user. */
export function callerUserName(state: AccountState): string | undefined {
  const m = /^arn:[^:]+:iam::\d+:user\/(?:.*\/)?([^/]+)$/.exec(state.identity.arn);
  return m?.[1];
}

/** The user's active access keys used within the last `days` days, as "key N (last used YYYY-MM-DD)". */
export function keysUsedWithin(row: CredentialReportRow, days: number, now: Date): string[] {
  const since = now.getTime() - days * 86_400_000;
  return row.accessKeys.filter((k) => k.active && k.lastUsed !== null && new Date(k.lastUsed).getTime() >= since).map((k) => `key ${k.slot} (last used ${k.lastUsed?.slice(0, 10)})`);
}

/** Who a Lambda function's resource-based policy lets invoke it: anyone, accounts outside the organization, or only known ones. */
import type { PolicyDocument } from '../../src/state/iam.js';
import { asList, type Statement, statements } from '../../src/rules/policy.js';

/** Condition keys that pin a wildcard principal to a caller, an account or an organization. */
const PINNING = ['aws:sourceaccount', 'aws:sourcearn', 'aws:principalaccount', 'aws:sourceowner'];
const ORG_KEYS = ['aws:principalorgid', 'aws:sourceorgid'];

const accountOf = (p: string): string | null => {
  if (/^\d{12}$/.test(p)) return p;
  const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(p);
  return m ? (m[1] as string) : null;
};

function conditionValues(s: Statement, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const block of Object.values(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(block ?? {})) if (keys.includes(k.toLowerCase())) out.push(...asList(v));
  }
  return out;
}

export interface Grant {
  /** "anyone", or an outside account id, or "organization o-…". */
  readonly who: string;
  readonly sid: string;
  readonly kind: 'public' | 'account' | 'org';
}

/**
 * The grants a policy makes beyond the account and its organization. `orgAccounts` is null when the
 * account is in no organization; `orgId` likewise.
 */
export function outsideGrants(doc: PolicyDocument | null, own: string, orgId: string | null, orgAccounts: ReadonlySet<string> | null): Grant[] {
  const out: Grant[] = [];
  for (const s of statements(doc)) {
    if (s.Effect !== 'Allow') continue;
    const sid = s.Sid ?? '(no Sid)';
    const p = s.Principal;
    const aws = p === '*' ? ['*'] : p && typeof p === 'object' ? asList((p as Record<string, unknown>).AWS) : [];
    for (const principal of aws) {
      if (principal === '*') {
        const orgs = conditionValues(s, ORG_KEYS);
        if (orgs.length > 0) {
          for (const o of orgs) if (o !== orgId) out.push({ who: `organization ${o}`, sid, kind: 'org' });
          continue;
        }
        const pinned = conditionValues(s, PINNING).map((v) => accountOf(v) ?? (/^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(v)?.[1] ?? v));
        if (pinned.length === 0) {
          out.push({ who: 'anyone', sid, kind: 'public' });
          continue;
        }
        for (const a of pinned) if (a !== own && !orgAccounts?.has(a)) out.push({ who: `account ${a}`, sid, kind: 'account' });
        continue;
      }
      const a = accountOf(principal);
      if (a && a !== own && !orgAccounts?.has(a)) out.push({ who: `account ${a}`, sid, kind: 'account' });
    }
  }
  return out;
}

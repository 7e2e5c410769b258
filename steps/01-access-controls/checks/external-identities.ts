import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';
import { type AccountState, globalSlice } from '../../../src/engine/state.js';
import { statements, strings } from '../iam-helpers.js';

/** Mail domains of personal accounts: a user named after one is somebody's private identity, not the organization's. */
const PERSONAL_MAIL = /@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|gmx|mail|yandex|zoho)\.[a-z.]+$/i;

/**
 * Accounts whose roles may be assumed without an external id (your own organization's accounts,
 * a vendor whose BAA covers it). Empty by default: every outside account is reported.
 */
export const TRUSTED_ACCOUNTS: readonly string[] = [];

/** The 12-digit accounts (or "*") a trust-policy principal names. */
function trustedAccounts(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (typeof principal !== 'object' || principal === null) return [];
  return strings((principal as Record<string, unknown>).AWS).map((p) => (p === '*' ? '*' : (/^(\d{12})$/.exec(p)?.[1] ?? /^arn:[^:]+:iam::(\d{12}):/.exec(p)?.[1] ?? p)));
}

/** Condition keys that tie a cross-account trust to a known party: an external id, or your own organization or account. */
const LIMITING_KEYS = new Set(['sts:externalid', 'aws:principalorgid', 'aws:principalaccount', 'aws:principalorgpaths']);

function isLimited(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.values(condition as Record<string, unknown>).some(
    (block) => typeof block === 'object' && block !== null && Object.keys(block).some((k) => LIMITING_KEYS.has(k.toLowerCase())),
  );
}

/**
 * The accounts of this account's organization: `has` answers true or false when the answer is known,
 * undefined when the organization exists but its account list could not be read (a member account
 * may not call ListAccounts; only the management account's id is then known).
 */
function organizationMembers(state: AccountState): { has: (id: string) => boolean | undefined; name: (id: string) => string; missing?: string } {
  const org = globalSlice(state, 'organizations.organization');
  const accounts = globalSlice(state, 'organizations.accounts');
  if (org.ok && org.value === null) return { has: () => false, name: (id) => id };
  if (accounts.ok && accounts.value.length > 0) {
    const byId = new Map(accounts.value.map((a) => [a.id, a.name]));
    return { has: (id) => byId.has(id), name: (id) => (byId.get(id) ? `${id}, ${byId.get(id)}` : id) };
  }
  const management = org.ok ? org.value?.managementAccountId : undefined;
  const missing = !accounts.ok ? (accounts.error.action ?? 'organizations:ListAccounts') : !org.ok ? (org.error.action ?? 'organizations:DescribeOrganization') : 'organizations:ListAccounts';
  return { has: (id) => (id === management ? true : undefined), name: (id) => (id === management ? `${id}, the management account` : id), missing };
}

export default defineCheck({
  id: 'external-identities',
  title: 'No personal or unvetted outside identities reach the account',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.j'],
  needs: { global: ['iam.authorization', 'organizations.organization', 'organizations.accounts'] },
  why: 'Access should belong to identities the organization controls: a user named after a private mailbox, or a role any key in another account can assume, escapes your joiner-leaver process.',
  evaluate(state) {
    const account = state.identity.accountId;
    const auth = read(state, 'iam.authorization');
    const resources: ResourceResult[] = [];
    for (const u of auth.users) {
      resources.push(
        PERSONAL_MAIL.test(u.name)
          ? { id: u.arn, status: 'fail', detail: `IAM user ${u.name} is named after a personal e-mail address.` }
          : { id: u.arn, status: 'pass', detail: `IAM user ${u.name} is not a personal e-mail identity.` },
      );
    }
    const sameOrg = organizationMembers(state);
    for (const r of auth.roles) {
      const outside = new Set<string>();
      const inOrg = new Set<string>();
      const undecided = new Set<string>();
      for (const s of statements(r.trustPolicy)) {
        if (s.Effect !== 'Allow' || isLimited(s.Condition)) continue;
        for (const a of trustedAccounts(s.Principal)) {
          if (a === account || TRUSTED_ACCOUNTS.includes(a)) continue;
          const member = a === '*' ? false : sameOrg.has(a);
          if (member === true) inOrg.add(a);
          else if (member === false) outside.add(a);
          else undecided.add(a);
        }
      }
      if (outside.size > 0) {
        const who = [...outside].map((a) => (a === '*' ? 'any AWS account' : `account ${a}`));
        resources.push({ id: r.arn, status: 'fail', detail: `IAM role ${r.name} can be assumed from ${listNames(who)} without an external id.` });
      } else if (undecided.size > 0) {
        resources.push({
          id: r.arn,
          status: 'unknown',
          detail: `IAM role ${r.name} trusts account ${listNames([...undecided])}, and the organization's account list could not be read to tell whether it is one of yours.`,
          missing: sameOrg.missing,
        });
      } else if (inOrg.size > 0) {
        resources.push({ id: r.arn, status: 'pass', detail: `IAM role ${r.name} trusts only ${plural(inOrg.size, 'account')} of the same organization (${listNames([...inOrg].map((a) => sameOrg.name(a)))}).` });
      }
    }
    return summarize(resources, {
      none: `Account ${account} has no IAM users and no roles trusted by other accounts.`,
      pass: () => `No IAM user of account ${account} is a personal e-mail identity, and no role trusts an account outside the organization without an external id.`,
      fail: (bad) =>
        `${plural(bad.length, 'identity', 'identities')} in account ${account} ${bad.length === 1 ? 'reaches' : 'reach'} beyond the organization's control: ${listNames(
          bad.map((r) => r.detail.replace(/\.$/, '')),
          2,
        )}.`,
    });
  },
});

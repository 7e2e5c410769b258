import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';
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

export default defineCheck({
  id: 'external-identities',
  title: 'No personal or unvetted outside identities reach the account',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.j'],
  needs: { global: ['iam.authorization'] },
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
    for (const r of auth.roles) {
      const outside = new Set<string>();
      for (const s of statements(r.trustPolicy)) {
        if (s.Effect !== 'Allow' || isLimited(s.Condition)) continue;
        for (const a of trustedAccounts(s.Principal)) if (a !== account && !TRUSTED_ACCOUNTS.includes(a)) outside.add(a);
      }
      if (outside.size === 0) continue;
      const who = [...outside].map((a) => (a === '*' ? 'any AWS account' : `account ${a}`));
      resources.push({ id: r.arn, status: 'fail', detail: `IAM role ${r.name} can be assumed from ${listNames(who)} without an external id.` });
    }
    return summarize(resources, {
      none: `Account ${account} has no IAM users and no roles trusted by other accounts.`,
      pass: () => `No IAM user of account ${account} is a personal e-mail identity, and no role trusts another account without an external id.`,
      fail: (bad) =>
        `${plural(bad.length, 'identity', 'identities')} in account ${account} ${bad.length === 1 ? 'reaches' : 'reach'} beyond the organization's control: ${listNames(
          bad.map((r) => r.detail.replace(/\.$/, '')),
          2,
        )}.`,
    });
  },
});

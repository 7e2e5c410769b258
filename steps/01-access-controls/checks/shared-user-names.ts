import { defineCheck } from '../../../src/engine/define.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';

/** Words that name a desk, a team or a role instead of a person. */
const SHARED_WORDS = new Set([
  'admin', 'administrator', 'billing', 'clinic', 'desk', 'frontdesk', 'frontoffice', 'generic', 'guest', 'lab', 'nurse', 'nurses',
  'nursing', 'office', 'ops', 'reception', 'receptionist', 'root', 'scheduling', 'shared', 'staff', 'team', 'temp', 'test', 'tester',
  'user', 'users', 'workstation',
]);

/** The name's words: split on separators and digits, e.g. "front-desk2" → front, desk, frontdesk. */
function words(name: string): string[] {
  const local = name.toLowerCase().replace(/@.*$/, '');
  const parts = local.split(/[^a-z]+/).filter(Boolean);
  return [...parts, parts.join('')];
}

export default defineCheck({
  id: 'shared-user-names',
  title: 'IAM user names belong to people, not desks or teams',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(i)', obligation: 'required' },
  hitrust: ['01.b'],
  needs: { global: ['iam.authorization'] },
  why: 'A login named "frontdesk" or "billing" is almost always shared, so the audit trail cannot say which person looked at a record; HIPAA requires a unique identity for each user.',
  evaluate(state) {
    const account = state.identity.accountId;
    const users = read(state, 'iam.authorization').users;
    return summarize(
      users.map((u) => {
        const hit = words(u.name).find((w) => SHARED_WORDS.has(w));
        return hit
          ? { id: u.arn, status: 'fail' as const, detail: `IAM user ${u.name} looks like a shared login ("${hit}").` }
          : { id: u.arn, status: 'pass' as const, detail: `IAM user ${u.name} looks like a person's login.` };
      }),
      {
        none: `Account ${account} has no IAM users.`,
        pass: (n) => `None of the ${plural(n, 'IAM user')} of account ${account} has a name that suggests a shared login.`,
        fail: (bad) =>
          `${plural(bad.length, 'IAM user')} of account ${account} ${bad.length === 1 ? 'looks' : 'look'} like a shared login: ${listNames(
            bad.map((r) => r.id.replace(/^.*:user\//, '')),
          )}; give each person their own user and retire the shared one.`,
      },
    );
  },
});

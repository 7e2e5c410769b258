import { defineCheck } from '../../../src/engine/define.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'users-via-groups',
  title: 'Users get permissions through groups or roles, not one by one',
  severity: 'low',
  hipaa: { section: '164.308(a)(4)(ii)(B)', obligation: 'addressable' },
  hitrust: ['01.b', '01.c'],
  needs: { global: ['iam.authorization'] },
  why: 'Permissions attached to individual users are hard to review and are easily left behind when someone changes jobs; groups and roles make access a matter of job function.',
  evaluate(state) {
    const account = state.identity.accountId;
    const users = read(state, 'iam.authorization').users;
    return summarize(
      users.map((u) => {
        const direct = [...u.attachedPolicies.map((a) => a.replace(/^.*:policy\//, '')), ...u.inlinePolicies.map((p) => `${p.name} (inline)`)];
        return direct.length > 0
          ? { id: u.arn, status: 'fail' as const, detail: `IAM user ${u.name} has policies of its own: ${listNames(direct)}.` }
          : { id: u.arn, status: 'pass' as const, detail: `IAM user ${u.name} gets its permissions only from groups.` };
      }),
      {
        none: `Account ${account} has no IAM users.`,
        pass: (n) => `All ${plural(n, 'IAM user')} of account ${account} get their permissions through groups.`,
        fail: (bad) =>
          `${plural(bad.length, 'IAM user')} of account ${account} ${bad.length === 1 ? 'has' : 'have'} policies attached directly: ${listNames(
            bad.map((r) => r.id.replace(/^.*:user\//, '')),
          )}; move those permissions to a group or role.`,
      },
    );
  },
});

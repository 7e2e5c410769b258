import { defineCheck } from '../../../src/engine/define.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';
import { isRoot } from '../iam-helpers.js';

export default defineCheck({
  id: 'console-users-mfa',
  title: 'Every IAM user with a console password has MFA',
  severity: 'high',
  hipaa: { section: '164.312(d)', obligation: 'required' },
  hitrust: ['01.j', '05.k'],
  needs: { global: ['iam.credentialReport'] },
  why: 'A password alone is easy to phish or guess; a second factor is what makes a sign-in prove who the person is.',
  evaluate(state) {
    const account = state.identity.accountId;
    const rows = read(state, 'iam.credentialReport').filter((r) => !isRoot(r) && r.passwordEnabled);
    return summarize(
      rows.map((r) => ({
        id: r.arn,
        status: r.mfaActive ? 'pass' : 'fail',
        detail: r.mfaActive ? `IAM user ${r.user}: console password with MFA.` : `IAM user ${r.user}: console password without MFA.`,
      })),
      {
        none: `No IAM user of account ${account} has a console password.`,
        pass: (n) => `All ${plural(n, 'IAM user')} of account ${account} with a console password use MFA.`,
        fail: (bad) =>
          `${plural(bad.length, 'IAM user')} of account ${account} can sign in to the console with a password alone: ${listNames(bad.map((r) => r.id.replace(/^.*:user\//, '')))}.`,
      },
    );
  },
});

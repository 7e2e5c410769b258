import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'password-policy-rotation',
  title: 'Passwords expire and old ones cannot be reused',
  severity: 'medium',
  hipaa: { section: '164.308(a)(5)(ii)(D)', obligation: 'addressable' },
  hitrust: ['01.d'],
  needs: { global: ['iam.passwordPolicy'] },
  why: 'A password that never changes, or that comes back after each change, stays useful to whoever once learned it; the checklist asks for rotation every 45 to 90 days.',
  evaluate(state, { settings }) {
    const policy = read(state, 'iam.passwordPolicy');
    const account = state.identity.accountId;
    const resource = `account ${account} password policy`;
    if (!policy) {
      return failed(`Account ${account} has no IAM password policy, so console passwords never expire and may be reused.`, [
        { id: resource, status: 'fail', detail: 'No password policy is set.' },
      ]);
    }
    const gaps: string[] = [];
    if (policy.maxAgeDays === 0) gaps.push('passwords never expire');
    else if (policy.maxAgeDays > settings.passwordMaxAgeDays) gaps.push(`passwords expire after ${policy.maxAgeDays} days, more than ${settings.passwordMaxAgeDays}`);
    if (policy.reusePrevention === 0) gaps.push('any earlier password may be reused');
    else if (policy.reusePrevention < settings.passwordReusePrevention) {
      gaps.push(`only the last ${policy.reusePrevention} passwords are remembered, fewer than ${settings.passwordReusePrevention}`);
    }
    if (gaps.length > 0) {
      return failed(`The IAM password policy of account ${account} falls short on rotation: ${gaps.join('; ')}.`, [
        { id: resource, status: 'fail', detail: `${gaps.join('; ')}.` },
      ]);
    }
    return passed(
      `The IAM password policy of account ${account} expires passwords after ${policy.maxAgeDays} days and blocks reuse of the last ${policy.reusePrevention}.`,
      [{ id: resource, status: 'pass', detail: `Maximum age ${policy.maxAgeDays} days, reuse prevention ${policy.reusePrevention}.` }],
    );
  },
});

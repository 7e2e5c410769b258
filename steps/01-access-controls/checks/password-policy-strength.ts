import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'password-policy-strength',
  title: 'Passwords are long and use every character class',
  severity: 'medium',
  hipaa: { section: '164.308(a)(5)(ii)(D)', obligation: 'addressable' },
  hitrust: ['01.d'],
  needs: { global: ['iam.passwordPolicy'] },
  why: 'Short or simple console passwords fall to guessing and credential stuffing; HIPAA asks for procedures that create and protect passwords.',
  evaluate(state, { settings }) {
    const policy = read(state, 'iam.passwordPolicy');
    const account = state.identity.accountId;
    const resource = `account ${account} password policy`;
    if (!policy) {
      return failed(`Account ${account} has no IAM password policy, so IAM accepts 8-character passwords of any kind.`, [
        { id: resource, status: 'fail', detail: 'No password policy is set.' },
      ]);
    }
    const gaps: string[] = [];
    if (policy.minimumLength < settings.passwordMinLength) gaps.push(`minimum length is ${policy.minimumLength}, below ${settings.passwordMinLength}`);
    const classes: [boolean, string][] = [
      [policy.requireUppercase, 'uppercase letters'],
      [policy.requireLowercase, 'lowercase letters'],
      [policy.requireNumbers, 'numbers'],
      [policy.requireSymbols, 'symbols'],
    ];
    const missing = classes.filter(([on]) => !on).map(([, name]) => name);
    if (missing.length > 0) gaps.push(`it does not require ${missing.join(', ')}`);
    if (gaps.length > 0) {
      return failed(`The IAM password policy of account ${account} is weak: ${gaps.join('; ')}.`, [
        { id: resource, status: 'fail', detail: `${gaps.join('; ')}.` },
      ]);
    }
    return passed(
      `The IAM password policy of account ${account} requires at least ${policy.minimumLength} characters with upper and lower case, numbers and symbols.`,
      [{ id: resource, status: 'pass', detail: `Minimum length ${policy.minimumLength}, all four character classes.` }],
    );
  },
});

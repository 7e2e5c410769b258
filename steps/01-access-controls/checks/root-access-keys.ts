import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'root-access-keys',
  title: 'The root user has no access keys',
  severity: 'critical',
  hipaa: { section: '164.312(a)(2)(i)', obligation: 'required' },
  hitrust: ['01.b', '01.c'],
  needs: { global: ['iam.accountSummary'] },
  why: 'A root access key acts as nobody in particular with every permission in the account, and it cannot be limited by any policy; a leaked one hands over all patient data.',
  evaluate(state) {
    const summary = read(state, 'iam.accountSummary');
    const account = state.identity.accountId;
    const id = `arn:${state.identity.partition}:iam::${account}:root`;
    if ((summary.AccountAccessKeysPresent ?? 0) > 0) {
      return failed(`The root user of account ${account} has an access key; delete it and use roles or named users instead.`, [
        { id, status: 'fail', detail: 'Root user: at least one access key exists.' },
      ]);
    }
    return passed(`The root user of account ${account} has no access keys.`, [{ id, status: 'pass', detail: 'Root user: no access keys.' }]);
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'security-contact',
  title: 'The account names a security contact',
  severity: 'medium',
  hipaa: { section: '164.308(a)(6)(ii)', obligation: 'required' },
  hitrust: ['11.a', '05.h'],
  needs: { global: ['account.securityContact'] },
  why: 'When AWS sees your keys leaked on the internet or your instances attacking others, it writes to the security contact; without one the warning goes to a billing inbox, or nowhere.',
  evaluate(state) {
    const account = state.identity.accountId;
    const contact = read(state, 'account.securityContact');
    const id = `account ${account} security contact`;
    if (!contact?.email) {
      return failed(`Account ${account} has no security alternate contact, so AWS security notices reach only the root email address.`, [
        { id, status: 'fail', detail: 'No security contact is set.' },
      ]);
    }
    return passed(`Account ${account} sends security notices to ${contact.name || 'its security contact'} <${contact.email}>.`, [
      { id, status: 'pass', detail: `${contact.name} (${contact.title || 'no title'}), ${contact.email}.` },
    ]);
  },
});

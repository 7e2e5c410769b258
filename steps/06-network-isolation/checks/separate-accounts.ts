import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read, Unreadable } from '../../../src/engine/outcome.js';
import { globalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'separate-accounts',
  title: 'Production runs in its own AWS account',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { global: ['organizations.organization', 'organizations.accounts'] },
  why: 'Separate accounts are the strongest boundary AWS offers: developers experimenting in a test account cannot touch production ePHI by mistake, and a compromised test key reaches nothing real.',
  evaluate(state) {
    const account = state.identity.accountId;
    const org = read(state, 'organizations.organization');
    const id = `account ${account}`;
    if (!org) {
      return failed(`Account ${account} belongs to no AWS Organization, so production and development most likely share it (global).`, [
        { id, status: 'fail', detail: 'Not in an organization.' },
      ]);
    }
    const accounts = globalSlice(state, 'organizations.accounts');
    if (org.managementAccountId !== account) {
      return passed(`Account ${account} is a member of organization ${org.id}, apart from management account ${org.managementAccountId} (global).`, [
        { id, status: 'pass', detail: `Member of ${org.id}.` },
      ]);
    }
    if (!accounts.ok) throw new Unreadable('organizations.accounts', accounts.error);
    const active = accounts.value.filter((a) => a.status === 'ACTIVE');
    if (active.length < 2) {
      return failed(`Organization ${org.id} holds only account ${account}, so production and development are not separated (global).`, [
        { id, status: 'fail', detail: 'The organization has one account.' },
      ]);
    }
    return passed(`Organization ${org.id} has ${active.length} active accounts (${active.slice(0, 4).map((a) => a.name).join(', ')}), so workloads can be kept apart (global).`, [
      { id, status: 'pass', detail: `${active.length} active accounts.` },
    ]);
  },
});

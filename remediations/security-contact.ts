/**
 * Sets the account's security alternate contact, so AWS security notices (abuse reports, compromised
 * keys) reach the people who act on them, not only the root mailbox. The contact must be given as
 * options. Undo puts the previous contact back, or removes it when there was none.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlannedCall } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import { OptionValues } from '../src/schemas/options.js';

export default defineRemediation({
  id: 'security-contact',
  title: 'Name the security contact AWS writes to',
  fixes: ['security-contact'],
  permissions: ['account:PutAlternateContact', 'account:DeleteAlternateContact', 'account:GetAlternateContact'],
  options: [
    { name: 'email', description: 'the security contact e-mail address (required)', schema: OptionValues.email() },
    { name: 'name', description: 'the person or team', default: 'Security team' },
    { name: 'title', description: 'their title', default: 'Security Officer' },
    { name: 'phone', description: 'a phone number, e.g. +1-555-0100 (required)' },
  ],
  plan(state, { options }) {
    const current = read(state, 'account.securityContact');
    if (current?.email) return [];
    if (!options.email || !options.phone) {
      throw new Error('give the contact as --option email=security@example.org --option phone=+1-555-0100 (name and title are optional)');
    }
    const region = state.homeRegion;
    const input = { AlternateContactType: 'SECURITY', EmailAddress: options.email, Name: options.name ?? 'Security team', Title: options.title ?? 'Security Officer', PhoneNumber: options.phone };
    const undo: PlannedCall[] = current
      ? [{ service: 'account', command: 'PutAlternateContact', input: { AlternateContactType: 'SECURITY', EmailAddress: current.email, Name: current.name, Title: current.title, PhoneNumber: current.phone }, region }]
      : [{ service: 'account', command: 'DeleteAlternateContact', input: { AlternateContactType: 'SECURITY' }, region }];
    return [
      {
        effect: current ? '~' : '+',
        service: 'account',
        command: 'PutAlternateContact',
        input,
        region,
        resource: `account ${state.identity.accountId} security contact`,
        summary: `Make ${input.Name} <${input.EmailAddress}> the security contact of account ${state.identity.accountId}.`,
        reversible: true,
        undo,
      },
    ];
  },
});

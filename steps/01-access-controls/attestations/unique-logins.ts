import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'unique-logins',
  title: 'Every person has their own login, and no credentials are shared',
  question:
    'Does every person who can reach ePHI (in AWS and in every application holding patient data) sign in with a login of their own, with no shared passwords, keys or accounts?',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(i)', obligation: 'required' },
  hitrust: ['01.b'],
  why: 'Logs can only show who did what when each login belongs to exactly one person; a shared login turns every record access into "someone at the front desk".',
  fields: [
    { name: 'reviewedOn', label: 'Date the list of logins was last checked against the staff list', kind: 'date', required: true },
    { name: 'reviewedBy', label: 'Who checked it', kind: 'person', required: true },
    { name: 'systems', label: 'Systems covered (AWS, EHR, portal, …)', kind: 'text', required: true },
    { name: 'exceptions', label: 'Shared logins that still exist, and the plan to retire them', kind: 'text', required: false },
    { name: 'evidence', label: 'Where the user list or review record is kept', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

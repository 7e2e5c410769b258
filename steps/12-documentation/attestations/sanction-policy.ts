import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'sanction-policy',
  title: 'A written sanction policy applies to staff who break security policies',
  question:
    'Is there a written policy, known to the workforce, that says what happens to a member of staff who does not follow the security policies and procedures, and are the sanctions actually applied and recorded?',
  severity: 'medium',
  hipaa: { section: '164.308(a)(1)(ii)(C)', obligation: 'required' },
  hitrust: ['02.f'],
  why: 'Policies that carry no consequence are read as suggestions. HIPAA requires appropriate sanctions against workforce members who fail to comply with the security policies (§164.308(a)(1)(ii)(C)), and investigators ask to see both the policy and the sanctions applied after an incident.',
  fields: [
    { name: 'document', label: 'The sanction policy', kind: 'evidence', required: false },
    { name: 'approvedBy', label: 'Who approved it', kind: 'person', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
    { name: 'sanctionsLog', label: 'Where applied sanctions are recorded', kind: 'text', required: true },
  ],
  validForDays: 365,
});

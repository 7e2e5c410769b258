import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'security-official',
  title: 'One named person is the security official',
  question:
    'Is one named person designated, in writing, as the security official responsible for developing and carrying out the security policies and procedures, and does the workforce know who it is?',
  severity: 'high',
  hipaa: { section: '164.308(a)(2)', obligation: 'required' },
  hitrust: ['05.a', '05.c'],
  why: 'When security is everyone\'s job it is no one\'s: decisions wait, alerts go unread and nobody signs the risk analysis. HIPAA requires one identified security official responsible for the security policies and procedures (§164.308(a)(2)); the role can be shared with the privacy officer in a small practice, but it must be a named person. Confirm the designation every year and whenever the person changes.',
  fields: [
    { name: 'official', label: 'The security official', kind: 'person', required: true },
    { name: 'designatedOn', label: 'Date designated', kind: 'date', required: true },
    { name: 'designatedBy', label: 'Who designated them', kind: 'person', required: true },
    { name: 'letter', label: 'The designation in writing', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

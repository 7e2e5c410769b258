import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'security-policies',
  title: 'Written policies cover the whole Security Rule',
  question: 'Do your written security policies and procedures cover every standard of the HIPAA Security Rule (administrative, physical and technical safeguards, business associates and documentation), and were they reviewed in the last year?',
  severity: 'high',
  hipaa: { section: '164.316(a)', obligation: 'required' },
  hitrust: ['04.a', '04.b'],
  why: 'Auditors read the policies first and then look for practice that matches; a safeguard with no written policy looks ad hoc even when it works.',
  fields: [
    { name: 'version', label: 'Policy set version', kind: 'text', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
    { name: 'approvedBy', label: 'Who approved it', kind: 'person', required: true },
    { name: 'document', label: 'The policies', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'emergency-mode-plan',
  title: 'An emergency-mode operation plan exists',
  question: 'Is there a written plan for keeping critical processes that protect ePHI running while systems are down, for example during a ransomware recovery or a regional outage?',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(C)', obligation: 'required' },
  hitrust: ['12.c'],
  why: 'During an outage people improvise, and improvisation is when records are emailed, printed or copied to personal devices; a plan says how care continues safely. HIPAA requires procedures that keep the critical business processes protecting ePHI running in emergency mode (§164.308(a)(7)(ii)(C)); review the plan every year.',
  fields: [
    { name: 'document', label: 'The plan', kind: 'evidence', required: false },
    { name: 'owner', label: 'Who owns it', kind: 'person', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'incident-response-plan',
  title: 'A written incident response plan covers ePHI breaches',
  question: 'Is there a written incident response plan that covers how ePHI breaches are detected, contained, investigated, documented and closed, and does the team know where it is?',
  severity: 'high',
  hipaa: { section: '164.308(a)(6)(ii)', obligation: 'required' },
  hitrust: ['11.c', '11.a'],
  why: 'In an incident the first hours decide how much data leaks; a plan written in advance says who decides, who is called and what is preserved as evidence.',
  fields: [
    { name: 'document', label: 'The plan', kind: 'evidence', required: false },
    { name: 'owner', label: 'Who owns it', kind: 'person', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
    { name: 'version', label: 'Version', kind: 'text', required: false },
  ],
  validForDays: 365,
});

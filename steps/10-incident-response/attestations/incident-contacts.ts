import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'incident-contacts',
  title: 'The plan lists the privacy officer, legal counsel and cyber insurer',
  question: 'Does the incident response plan give current contact details for your HIPAA privacy officer, your legal counsel and your cyber insurance provider?',
  severity: 'medium',
  hipaa: { section: '164.308(a)(6)(ii)', obligation: 'required' },
  hitrust: ['11.c', '05.h'],
  why: 'Insurers often require notice within days and may insist on their own forensic firm; counsel decides whether an event is a reportable breach. Hunting for their numbers mid-incident costs time you do not have.',
  fields: [
    { name: 'privacyOfficer', label: 'HIPAA privacy officer', kind: 'person', required: true },
    { name: 'securityOfficer', label: 'Security officer', kind: 'person', required: true },
    { name: 'counsel', label: 'Legal counsel', kind: 'person', required: true },
    { name: 'insurer', label: 'Cyber insurer and policy number', kind: 'text', required: true },
    { name: 'checkedOn', label: 'Date the contacts were checked', kind: 'date', required: true },
  ],
  validForDays: 180,
});

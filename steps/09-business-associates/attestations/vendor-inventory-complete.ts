import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'vendor-inventory-complete',
  title: 'The vendor inventory lists every business associate',
  question: 'Does the vendor inventory in this tool list every vendor, SaaS tool and contractor that can create, receive, keep or send ePHI for you, including subcontractors of your business associates?',
  severity: 'high',
  hipaa: { section: '164.308(b)(1)', obligation: 'required' },
  hitrust: ['05.i', '09.e'],
  why: 'The BAA checks can only see vendors that are in the inventory; a forgotten billing service or transcription contractor is the business associate with no agreement.',
  fields: [
    { name: 'reviewedOn', label: 'Date the inventory was reviewed', kind: 'date', required: true },
    { name: 'reviewedBy', label: 'Who reviewed it', kind: 'person', required: true },
    { name: 'sources', label: 'Where vendors were looked for (contracts, invoices, SSO apps)', kind: 'text', required: true },
  ],
  validForDays: 365,
});

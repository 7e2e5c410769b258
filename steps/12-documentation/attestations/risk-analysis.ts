import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'risk-analysis',
  title: 'A written security risk analysis is less than a year old',
  question: 'Has a written risk analysis of the threats to the confidentiality, integrity and availability of your ePHI been completed or updated in the last twelve months?',
  severity: 'critical',
  hipaa: { section: '164.308(a)(1)(ii)(A)', obligation: 'required' },
  hitrust: ['03.b'],
  why: 'The risk analysis is the first thing OCR asks for after a breach, and its absence is the most common finding in HIPAA settlements; every other safeguard is justified by it.',
  fields: [
    { name: 'completedOn', label: 'Date completed', kind: 'date', required: true },
    { name: 'performedBy', label: 'Who performed it', kind: 'person', required: true },
    { name: 'scope', label: 'Systems and locations in scope', kind: 'text', required: true },
    { name: 'document', label: 'The risk analysis', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

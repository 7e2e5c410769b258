import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'change-tracking',
  title: 'Changes to ePHI records are tracked',
  question: 'Do the systems holding ePHI keep a history of changes to each record (who changed what, when, and the previous value), through audit tables, temporal tables or an event log?',
  severity: 'medium',
  hipaa: { section: '164.312(c)(1)', obligation: 'required' },
  hitrust: ['09.ab', '10.c'],
  why: 'When a record is found to be wrong, you must be able to tell whether it was entered that way or changed later, and by whom; only record-level change tracking answers that.',
  fields: [
    { name: 'systems', label: 'Systems with change tracking', kind: 'text', required: true },
    { name: 'mechanism', label: 'Mechanism (audit tables, temporal tables, CDC stream, …)', kind: 'text', required: true },
    { name: 'retention', label: 'How long change history is kept', kind: 'text', required: true },
    { name: 'evidence', label: 'Design document or sample', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'log-review',
  title: 'Audit logs and alerts are reviewed on a schedule',
  question: 'Does a named person review audit logs and security alerts (off-hours access, bulk exports, unusual locations) on a fixed schedule, and record each review?',
  severity: 'medium',
  hipaa: { section: '164.308(a)(1)(ii)(D)', obligation: 'required' },
  hitrust: ['09.ab', '06.i', '01.s'],
  why: 'Collecting logs satisfies only half the rule; HIPAA requires regularly reviewing system activity, and a written trail of reviews is what an auditor asks to see.',
  fields: [
    { name: 'reviewer', label: 'Who reviews the logs', kind: 'person', required: true },
    { name: 'frequency', label: 'How often (e.g. weekly)', kind: 'text', required: true },
    { name: 'lastReviewOn', label: 'Date of the last review', kind: 'date', required: true },
    { name: 'alertsWatched', label: 'Suspicious patterns alerted on', kind: 'text', required: false },
    { name: 'reviewRecord', label: 'Where reviews are recorded', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

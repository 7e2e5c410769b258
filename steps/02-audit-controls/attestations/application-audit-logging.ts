import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'application-audit-logging',
  title: 'Applications log who viewed, created, changed or deleted ePHI',
  question: 'Do the applications that handle ePHI write an audit log entry, with the user, time and record, each time a patient record is viewed, created, changed or deleted?',
  severity: 'high',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  why: 'CloudTrail sees API calls to AWS, not which patient chart a receptionist opened; only the application can record that, and it is the first thing asked after a privacy complaint.',
  fields: [
    { name: 'applications', label: 'Applications that log ePHI access', kind: 'text', required: true },
    { name: 'events', label: 'Events recorded (view, create, update, delete, export)', kind: 'text', required: true },
    { name: 'logLocation', label: 'Where the application audit log is stored', kind: 'text', required: true },
    { name: 'retention', label: 'How long the application audit log is kept', kind: 'text', required: true },
    { name: 'sample', label: 'A sample log extract or design document', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

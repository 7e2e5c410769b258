import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'security-awareness-training',
  title: 'Every member of the workforce had security awareness training in the last year',
  question:
    'Has everyone who can reach ePHI (staff, contractors and managers) completed security awareness training in the last twelve months, covering phishing and malicious software, reporting suspicious sign-ins, and choosing and protecting passwords?',
  severity: 'high',
  // The standard is required; its four specifications (reminders, malicious software, log-in monitoring, passwords) are addressable.
  hipaa: { section: '164.308(a)(5)', obligation: 'required' },
  hitrust: ['02.e'],
  why: 'Most breaches start with a person: a phishing email answered, a password reused, a warning ignored. HIPAA requires a security awareness and training program for the whole workforce (§164.308(a)(5)); its four topics (security reminders, protection from malicious software, log-in monitoring and password management) are addressable, so a topic you leave out needs a documented reason. A yearly course with reminders in between is the usual way to meet it.',
  fields: [
    { name: 'completedOn', label: 'Date the last round of training ended', kind: 'date', required: true },
    { name: 'coveragePercent', label: 'Share of the workforce who completed it', kind: 'percent', required: true },
    { name: 'topics', label: 'Topics covered', kind: 'text', required: true, help: 'for example: phishing, malware, reporting sign-in alerts, passwords' },
    { name: 'owner', label: 'Who runs the program', kind: 'person', required: true },
    { name: 'records', label: 'Completion records', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

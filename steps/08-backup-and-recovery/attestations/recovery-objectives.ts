import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'recovery-objectives',
  title: 'Recovery point and time objectives are written down',
  question: 'Have you documented, for each system that holds ePHI, how much data you can afford to lose (RPO) and how fast it must be back (RTO), and told the people who depend on it?',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(E)', obligation: 'addressable' },
  hitrust: ['12.c'],
  why: 'Backup frequency, cross-region copies and restore drills are only right or wrong against a target; without an RPO and RTO nobody can say whether the backups are good enough.',
  fields: [
    { name: 'rpoHours', label: 'Recovery point objective, in hours', kind: 'number', required: true },
    { name: 'rtoHours', label: 'Recovery time objective, in hours', kind: 'number', required: true },
    { name: 'systems', label: 'Systems covered', kind: 'text', required: true },
    { name: 'approvedBy', label: 'Who approved the objectives', kind: 'person', required: true },
    { name: 'communicatedTo', label: 'Who was told', kind: 'text', required: true },
    { name: 'document', label: 'The document', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

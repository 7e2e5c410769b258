import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'documentation-retention',
  title: 'Security documentation is kept for six years',
  question: 'Are policies, procedures, risk analyses, decisions and other Security Rule records kept for six years from when they were created or last in effect, where the people who need them can reach them?',
  severity: 'medium',
  hipaa: { section: '164.316(b)(2)(i)', obligation: 'required' },
  hitrust: ['06.c'],
  why: 'A document thrown away after a policy changes cannot show what you did in the years an investigation may ask about; six years is the rule\'s minimum.',
  fields: [
    { name: 'location', label: 'Where documents are kept', kind: 'text', required: true },
    { name: 'retentionYears', label: 'Retention period in years', kind: 'number', required: true },
    { name: 'checkedOn', label: 'Date checked', kind: 'date', required: true },
    { name: 'owner', label: 'Who is responsible', kind: 'person', required: true },
  ],
  validForDays: 365,
});

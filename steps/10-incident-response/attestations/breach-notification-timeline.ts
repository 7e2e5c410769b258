import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'breach-notification-timeline',
  title: 'The plan sets the 60-day breach notification deadline',
  question: 'Do your incident procedures require notifying affected individuals no later than 60 calendar days after a breach is discovered, and say when HHS, the media and business associates must be told?',
  severity: 'high',
  hipaa: { section: '164.404', obligation: 'required' },
  hitrust: ['11.a', '11.c'],
  why: 'The 60 days start at discovery, not at the end of the investigation; teams that learn this during their first breach miss the deadline. Each affected person is told within 60 days of discovery (§164.404). More than 500 affected residents of one state or jurisdiction also means notifying prominent media there within 60 days (§164.406). HHS is told within 60 days when 500 or more people are affected in total; a smaller breach goes into a yearly log sent to HHS within 60 days after the end of the calendar year (§164.408).',
  fields: [
    { name: 'section', label: 'Where the plan states the deadlines', kind: 'text', required: true },
    { name: 'owner', label: 'Who sends notifications', kind: 'person', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'breach-notification-timeline',
  title: 'The plan sets the 60-day breach notification deadline',
  question: 'Do your incident procedures require notifying affected individuals no later than 60 calendar days after a breach is discovered, and say when HHS, the media and business associates must be told?',
  severity: 'high',
  hipaa: { section: '164.404', obligation: 'required' },
  hitrust: ['11.a', '11.c'],
  why: 'The 60 days start at discovery, not at the end of the investigation; teams that learn this during their first breach miss the deadline. More than 500 affected residents of a state also means notifying the media and HHS at once.',
  fields: [
    { name: 'section', label: 'Where the plan states the deadlines', kind: 'text', required: true },
    { name: 'owner', label: 'Who sends notifications', kind: 'person', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
  ],
  validForDays: 365,
});

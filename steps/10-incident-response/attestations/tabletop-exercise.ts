import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'tabletop-exercise',
  title: 'A tabletop exercise was held in the last year',
  question: 'In the last twelve months, did the incident response team walk through a realistic ePHI breach scenario, and were the lessons written down and acted on?',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(D)', obligation: 'addressable' },
  hitrust: ['11.d', '12.e'],
  why: 'A plan nobody has rehearsed fails on small things: an expired phone number, an unknown password, an unclear decision owner. A tabletop finds them cheaply.',
  fields: [
    { name: 'heldOn', label: 'Date of the exercise', kind: 'date', required: true },
    { name: 'scenario', label: 'Scenario', kind: 'text', required: true },
    { name: 'participants', label: 'Who took part', kind: 'text', required: true },
    { name: 'lessons', label: 'Lessons and follow-up actions', kind: 'text', required: true },
    { name: 'notes', label: 'Exercise notes', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

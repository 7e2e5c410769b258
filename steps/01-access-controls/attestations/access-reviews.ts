import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'access-reviews',
  title: 'Access is reviewed regularly and removed when people leave',
  question:
    'Does someone review who has access to ePHI at a set interval, and does a written termination procedure remove a departing person\'s access on their last day?',
  severity: 'high',
  hipaa: { section: '164.308(a)(3)(ii)(C)', obligation: 'addressable' },
  hitrust: ['02.g', '02.h', '02.i'],
  why: 'People change jobs and leave; without a review and a leaver checklist, their logins and keys outlive their employment, and nobody notices until they are misused.',
  fields: [
    { name: 'lastReviewOn', label: 'Date of the last access review', kind: 'date', required: true },
    { name: 'reviewer', label: 'Who performed it', kind: 'person', required: true },
    { name: 'interval', label: 'How often reviews happen (e.g. quarterly)', kind: 'text', required: true },
    { name: 'terminationProcedure', label: 'Where the termination (leaver) procedure is written down', kind: 'evidence', required: true },
    { name: 'findings', label: 'Access removed at the last review', kind: 'text', required: false },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'restore-test',
  title: 'A restore was tested and documented in the last year',
  question: 'Within the last twelve months, did you restore ePHI from backup into a working system, check the data was complete, and write down how long it took?',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(D)', obligation: 'addressable' },
  hitrust: ['09.l', '12.e'],
  why: 'Backups fail quietly: wrong scope, missing keys, expired retention. A restore you actually performed is the only proof the backups can bring the data back within the RTO.',
  fields: [
    { name: 'restoredOn', label: 'Date of the restore', kind: 'date', required: true },
    { name: 'system', label: 'What was restored', kind: 'text', required: true },
    { name: 'hoursTaken', label: 'Hours it took', kind: 'number', required: true },
    { name: 'result', label: 'Outcome and problems found', kind: 'text', required: true },
    { name: 'testedBy', label: 'Who ran it', kind: 'person', required: true },
    { name: 'record', label: 'The test record', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

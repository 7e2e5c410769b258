import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'database-integrity-controls',
  title: 'Databases enforce integrity constraints and checksums',
  question: 'Do the databases holding ePHI enforce integrity constraints (keys, foreign keys, checks) and page or row checksums, so that corrupted or inconsistent records are rejected or detected?',
  severity: 'medium',
  hipaa: { section: '164.312(c)(2)', obligation: 'addressable' },
  hitrust: ['10.c', '10.d'],
  why: 'A lab result attached to the wrong patient, or a silently corrupted page, is an integrity failure that no AWS setting can see; constraints and checksums inside the database catch it.',
  fields: [
    { name: 'databases', label: 'Databases covered', kind: 'text', required: true },
    { name: 'constraints', label: 'Constraints enforced (primary/foreign keys, checks)', kind: 'text', required: true },
    { name: 'checksums', label: 'Checksums or data-integrity verification in use', kind: 'text', required: true },
    { name: 'evidence', label: 'Schema or configuration extract', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

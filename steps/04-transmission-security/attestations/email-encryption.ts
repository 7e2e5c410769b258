import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'email-encryption',
  title: 'Email that carries ePHI is encrypted',
  question: 'Is every email that may carry ePHI sent through a service that enforces TLS between mail servers or encrypts the message itself, never over plain SMTP?',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d'],
  why: 'Referral letters and lab results still travel by email; plain SMTP hands them to every server on the way in clear text.',
  fields: [
    { name: 'service', label: 'Email service or gateway', kind: 'text', required: true },
    { name: 'method', label: 'How encryption is enforced (enforced TLS, S/MIME, portal delivery)', kind: 'text', required: true },
    { name: 'exceptions', label: 'Recipients or flows that are not covered', kind: 'text', required: false },
    { name: 'evidence', label: 'Configuration screenshot or policy', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

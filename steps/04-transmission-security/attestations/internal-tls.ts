import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'internal-tls',
  title: 'Services inside the VPC talk to each other over TLS',
  question: 'Do services that exchange ePHI inside the VPC (application to database, service to service, to caches and queues) use TLS, even though the traffic never leaves AWS?',
  severity: 'medium',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  why: 'A private network is not a trusted one: anyone who gains a foothold on one instance can read clear-text traffic between the others.',
  fields: [
    { name: 'services', label: 'Service-to-service paths that carry ePHI', kind: 'text', required: true },
    { name: 'tls', label: 'Which of them use TLS, and which do not', kind: 'text', required: true },
    { name: 'alternative', label: 'Compensating control where TLS is not used', kind: 'text', required: false },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'remote-access-vpn',
  title: 'Access to ePHI systems from outside the VPC uses a VPN or private connection',
  question: 'Does every administrative or staff connection to ePHI systems from outside the VPC go through a VPN, AWS Client VPN, Session Manager or a private link, rather than an open port on the internet?',
  severity: 'high',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  why: 'Remote sessions carry credentials and patient data; a VPN or a brokered session keeps them encrypted and keeps the systems themselves off the public internet.',
  fields: [
    { name: 'method', label: 'How remote access is provided', kind: 'text', required: true },
    { name: 'mfa', label: 'Is MFA required to connect', kind: 'boolean', required: true },
    { name: 'owner', label: 'Who manages remote access', kind: 'person', required: true },
    { name: 'evidence', label: 'Network diagram or configuration', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

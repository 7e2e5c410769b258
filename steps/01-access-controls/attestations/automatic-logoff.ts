import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'automatic-logoff',
  title: 'Sessions time out on every system that shows ePHI',
  question:
    'Do the AWS console, your applications and every workstation with access to ePHI end or lock an idle session automatically after a set time?',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iii)', obligation: 'addressable' },
  hitrust: ['01.t'],
  why: 'A session left open on a shared or unattended screen lets the next person in see or change records under someone else\'s name; an idle timeout closes that gap.',
  fields: [
    { name: 'systems', label: 'Systems with ePHI access and their idle timeouts', kind: 'text', required: true },
    { name: 'timeoutMinutes', label: 'Longest idle timeout allowed, in minutes', kind: 'number', required: true },
    { name: 'verifiedOn', label: 'Date the timeouts were verified', kind: 'date', required: true },
    { name: 'verifiedBy', label: 'Who verified them', kind: 'person', required: true },
    { name: 'evidence', label: 'Screenshots or configuration exports', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

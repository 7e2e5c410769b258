import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'screen-lock',
  title: 'Devices lock their screens automatically',
  question: 'Do all devices with access to ePHI lock the screen after a short idle time and require a password, PIN or biometric to unlock, enforced by policy rather than left to users?',
  severity: 'medium',
  hipaa: { section: '164.310(b)', obligation: 'required' },
  hitrust: ['01.h', '01.t'],
  why: 'An unlocked screen in an exam room or a cafe shows whatever record was last open to anyone passing by.',
  fields: [
    { name: 'idleMinutes', label: 'Idle minutes before the screen locks', kind: 'number', required: true },
    { name: 'enforcedBy', label: 'How it is enforced (MDM profile, group policy)', kind: 'text', required: true },
    { name: 'verifiedOn', label: 'Date verified', kind: 'date', required: true },
  ],
  validForDays: 365,
});

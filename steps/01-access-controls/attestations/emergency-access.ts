import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'emergency-access',
  title: 'A tested break-glass procedure gives access to ePHI in an emergency',
  question:
    'Is there a written emergency-access (break-glass) procedure that lets named people reach ePHI when normal sign-in fails, and has it been tested in the last year?',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(ii)', obligation: 'required' },
  hitrust: ['01.c'],
  why: 'When the identity provider is down or the only administrator is unreachable, patient care still needs the records; a procedure decided in advance avoids both lock-out and improvised sharing of passwords.',
  fields: [
    { name: 'procedure', label: 'Where the break-glass procedure is written down', kind: 'evidence', required: true },
    { name: 'breakGlassIdentity', label: 'The emergency identity (a role or user) and where its credentials are sealed', kind: 'text', required: true },
    { name: 'owner', label: 'Who may invoke it', kind: 'person', required: true },
    { name: 'lastTestedOn', label: 'Date it was last tested', kind: 'date', required: true },
    { name: 'alerting', label: 'How its use is detected and reviewed', kind: 'text', required: false },
  ],
  validForDays: 365,
});

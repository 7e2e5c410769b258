import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'disaster-recovery-plan',
  title: 'A written disaster recovery plan says how lost data is restored',
  question:
    'Is there a written disaster recovery plan that says how the systems and ePHI are restored after a loss (ransomware, a deleted account, a regional outage), in what order, by whom, and from which backups?',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(B)', obligation: 'required' },
  hitrust: ['12.c', '12.d'],
  why: 'Backups alone do not bring a practice back: someone has to know which account, which vault, which keys and which order, at three in the morning, with the usual administrator unreachable. HIPAA requires procedures to restore any loss of data (§164.308(a)(7)(ii)(B)); testing them is addressable (§164.308(a)(7)(ii)(D)), see the restore test.',
  fields: [
    { name: 'document', label: 'The plan', kind: 'evidence', required: false },
    { name: 'owner', label: 'Who owns it', kind: 'person', required: true },
    { name: 'reviewedOn', label: 'Date last reviewed', kind: 'date', required: true },
    { name: 'systems', label: 'Systems it covers, in restore order', kind: 'text', required: true },
  ],
  validForDays: 365,
});

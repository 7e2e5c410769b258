import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'mdm-remote-wipe',
  title: 'Mobile device management can wipe lost devices',
  question: 'Are all laptops, phones and tablets with access to ePHI enrolled in mobile device management that can lock and wipe them remotely?',
  severity: 'high',
  hipaa: { section: '164.310(d)(1)', obligation: 'required' },
  hitrust: ['01.x', '01.y'],
  why: 'A device reported lost can be wiped before anyone reads it only if it was enrolled beforehand.',
  fields: [
    { name: 'product', label: 'MDM product', kind: 'text', required: true },
    { name: 'coveragePercent', label: 'Share of devices enrolled', kind: 'percent', required: true },
    { name: 'inventoryOn', label: 'Date of the device inventory', kind: 'date', required: true },
    { name: 'wipeTestedOn', label: 'Date a remote wipe was last tested', kind: 'date', required: false },
  ],
  validForDays: 180,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'disk-encryption',
  title: 'Workstations and laptops with ePHI have full-disk encryption',
  question: 'Is full-disk encryption (BitLocker, FileVault or equivalent) turned on for every workstation and laptop that accesses or stores ePHI, and what share of them has it?',
  severity: 'critical',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['01.x', '06.d'],
  why: 'A lost encrypted laptop is usually not a reportable breach; a lost unencrypted one means notifying every patient whose data it held.',
  fields: [
    { name: 'coveragePercent', label: 'Share of devices with full-disk encryption', kind: 'percent', required: true },
    { name: 'devices', label: 'Number of devices in scope', kind: 'number', required: true },
    { name: 'inventoryOn', label: 'Date of the device inventory', kind: 'date', required: true },
    { name: 'source', label: 'Where the figure comes from (MDM report, audit)', kind: 'text', required: true },
    { name: 'report', label: 'Report', kind: 'evidence', required: false },
  ],
  validForDays: 180,
});

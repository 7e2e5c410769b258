import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'lost-device-procedure',
  title: 'The lost or stolen device procedure is written and tested',
  question: 'Is there a written procedure for reporting and handling a lost or stolen device (who to tell, remote wipe, breach assessment), tested in the last year, with a current device inventory?',
  severity: 'medium',
  hipaa: { section: '164.310(d)(2)(iii)', obligation: 'addressable' },
  hitrust: ['07.a', '08.l'],
  why: 'Knowing which device was lost, who had it and what it held decides whether a loss is a breach; the inventory and the procedure have to exist before the loss.',
  fields: [
    { name: 'document', label: 'The procedure', kind: 'evidence', required: false },
    { name: 'testedOn', label: 'Date it was last tested', kind: 'date', required: true },
    { name: 'inventoryOn', label: 'Date of the device inventory', kind: 'date', required: true },
    { name: 'owner', label: 'Who owns it', kind: 'person', required: true },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'network-topology',
  title: 'The ePHI network is documented and kept apart from development',
  question: 'Is there a current diagram of the VPCs, subnets and connections that carry ePHI, showing production in its own VPC and account, apart from development and test?',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  why: 'Nobody can protect a path they do not know exists; a maintained diagram is how a reviewer confirms that only the intended routes lead to patient data.',
  fields: [
    { name: 'diagram', label: 'Where the network diagram is kept', kind: 'evidence', required: true },
    { name: 'updatedOn', label: 'When it was last updated', kind: 'date', required: true },
    { name: 'environments', label: 'Accounts or VPCs for production, staging and development', kind: 'text', required: true },
    { name: 'owner', label: 'Who maintains it', kind: 'person', required: true },
  ],
  validForDays: 365,
});

import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'periodic-evaluation',
  title: 'The security program was evaluated against the Security Rule in the last year',
  question:
    'In the last twelve months, or since the last major change to your systems or operations, has someone evaluated, technically and on paper, how well your security policies and safeguards meet the Security Rule, and were the gaps found given owners and dates?',
  severity: 'high',
  hipaa: { section: '164.308(a)(8)', obligation: 'required' },
  hitrust: ['06.g', '06.h'],
  why: 'Safeguards drift: people leave, systems are added, a setting is changed for a deadline and never changed back. HIPAA requires a periodic technical and nontechnical evaluation of how well the safeguards meet the rule, and again after environmental or operational changes (§164.308(a)(8)). A scan by this tool is part of the technical half; the penetration test is another; the policies, training and contracts are the nontechnical half.',
  fields: [
    { name: 'evaluatedOn', label: 'Date the evaluation ended', kind: 'date', required: true },
    { name: 'evaluatedBy', label: 'Who evaluated (person or firm)', kind: 'text', required: true },
    { name: 'scope', label: 'What was evaluated', kind: 'text', required: true },
    { name: 'openGaps', label: 'Gaps found that are still open', kind: 'number', required: true },
    { name: 'report', label: 'The evaluation report', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

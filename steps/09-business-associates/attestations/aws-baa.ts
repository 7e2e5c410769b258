import { defineAttestation } from '../../../src/engine/define.js';

export default defineAttestation({
  id: 'aws-baa',
  title: 'The AWS Business Associate Addendum is accepted',
  question: 'Has your organization accepted the AWS Business Associate Addendum in AWS Artifact for this account (or for your AWS Organization), and on what date?',
  severity: 'critical',
  hipaa: { section: '164.308(b)(1)', obligation: 'required' },
  hitrust: ['05.k', '09.e'],
  why: 'Storing ePHI with AWS without the BAA in force is a HIPAA violation however well the account is configured. This tool has no AWS Artifact client, so it cannot read the agreement and asks you instead.',
  fields: [
    { name: 'acceptedOn', label: 'Date the BAA was accepted', kind: 'date', required: true },
    { name: 'acceptedBy', label: 'Who accepted it', kind: 'person', required: true },
    { name: 'scope', label: 'Account or organization covered', kind: 'text', required: true },
    { name: 'copy', label: 'Downloaded copy of the agreement', kind: 'evidence', required: false },
  ],
  validForDays: 365,
});

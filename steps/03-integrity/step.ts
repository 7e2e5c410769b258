import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '03-integrity',
  number: 3,
  title: 'Integrity',
  intro: [
    'A medication list that was silently changed is as dangerous as one that was stolen. Integrity means you can show that ePHI, and the logs about it, were not altered or destroyed without anyone noticing, whether by a bug, a careless script or someone covering their tracks.',
    'HIPAA requires policies and procedures that protect ePHI from improper alteration or destruction (§164.312(c)(1)). A mechanism that proves data was not altered, such as checksums or signed log digests, is addressable (§164.312(c)(2)): use one, or record why not and what you rely on instead.',
    'This step looks at CloudTrail log file validation, S3 versioning and Object Lock on ePHI and audit buckets, KMS keys scheduled for deletion (which would make encrypted data unreadable for good), deletion protection on databases and load balancers, and the backup vault lock. Constraints and change tracking inside your databases are asked as questions.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.312(c)(1)', obligation: 'required' },
    { section: '164.312(c)(2)', obligation: 'addressable' },
  ],
  hitrust: ['09.ab', '09.m', '09.q', '10.c', '10.d'],
});

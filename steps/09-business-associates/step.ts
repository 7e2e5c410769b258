import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '09-business-associates',
  number: 9,
  title: 'Business Associate Management',
  shortTitle: 'BA Agreements',
  intro: [
    'Every outside company that stores, processes or can reach your patients\' data is a business associate, and you answer for what it does with that data. Without a signed business associate agreement (BAA), sharing ePHI with it is itself a violation, whatever its security is like.',
    'HIPAA requires written assurances from each business associate (§164.308(b)(1) and (b)(3)) whose terms are set by §164.314(a)(1); all are required. AWS signs a BAA through AWS Artifact, and only then may ePHI sit in its HIPAA-eligible services. There is no Artifact client in this tool, so the AWS BAA is something you attest to, with the date it was accepted.',
    'This step keeps a vendor inventory in the records folder (vendor, services, kinds of ePHI, BAA signed and expiry dates), flags BAAs that are missing, expired or due for renewal within --baa-renewal-days (default 60), and lists principals outside the account that Access Analyzer sees reaching your resources: each is a candidate business associate.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.308(b)(1)', obligation: 'required' },
    { section: '164.308(b)(3)', obligation: 'required' },
    { section: '164.314(a)(1)', obligation: 'required' },
  ],
  hitrust: ['05.i', '05.k', '09.e', '09.f'],
});

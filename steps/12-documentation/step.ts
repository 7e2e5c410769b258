import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '12-documentation',
  number: 12,
  title: 'Documentation',
  intro: [
    'In an audit or a breach investigation, a safeguard you cannot show on paper is treated as one you never had. The documents are the evidence: the risk analysis, the policies, what you put in place and when, and why you chose not to do an addressable item.',
    'HIPAA requires written policies and procedures for the Security Rule (§164.316(a)) and a record of every action, activity and assessment it calls for (§164.316(b)(1)), kept for six years from creation or from when it was last in effect (§164.316(b)(2)(i)), available to the people who carry them out (§164.316(b)(2)(ii)) and reviewed periodically (§164.316(b)(2)(iii)). A risk analysis is required (§164.308(a)(1)(ii)(A)); this tool treats one older than a year as stale. So are the administrative pieces around it: a named security official (§164.308(a)(2)), a sanction policy (§164.308(a)(1)(ii)(C)), security awareness training for the whole workforce (§164.308(a)(5)), and a periodic evaluation of the whole program (§164.308(a)(8)).',
    'This step reads the records folder this tool keeps (implemented safeguards with their dates, and the documented reasons for addressable ones not implemented), looks for an evidence bucket under S3 Object Lock with six years of retention, checks that data stores carry a classification tag, and asks about the risk analysis, the policies, the security official, sanctions, training, the yearly evaluation, and how long documents are kept: six years is the documentation-retention policy HIPAA sets, for these records, not a rule for logs or backups.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.316(a)', obligation: 'required' },
    { section: '164.316(b)(1)', obligation: 'required' },
    { section: '164.316(b)(2)(i)', obligation: 'required' },
    { section: '164.316(b)(2)(ii)', obligation: 'required' },
    { section: '164.316(b)(2)(iii)', obligation: 'required' },
    { section: '164.308(a)(1)(ii)(A)', obligation: 'required' },
    { section: '164.308(a)(1)(ii)(C)', obligation: 'required' },
    { section: '164.308(a)(2)', obligation: 'required' },
    { section: '164.308(a)(5)', obligation: 'required' },
    { section: '164.308(a)(8)', obligation: 'required' },
  ],
  hitrust: ['03.b', '04.a', '04.b', '06.c', '07.d'],
});

import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '02-audit-controls',
  number: 2,
  title: 'Audit Controls',
  intro: [
    'When a patient asks who looked at their chart, or an investigator asks how a file left the building, the only honest answer comes from records kept at the time. Logs that were never switched on, that expire after a month, or that an administrator could quietly edit cannot answer either question.',
    'HIPAA makes audit controls required (§164.312(b)): systems that hold ePHI must record and let you examine activity. Reviewing that activity regularly is also required (§164.308(a)(1)(ii)(D)), Log groups are checked against a year of retention by default (--log-retention-days); the six years of §164.316(b)(2)(i) are how long documentation is kept, which the documentation step asks about.',
    'This step reads CloudTrail, CloudWatch Logs, VPC flow logs, AWS Config, load balancer and S3 access logging, and the alarms that should wake someone when the root user signs in or access is refused. Application-level logging of who opened which record is asked as a question, since no AWS API can see inside your software.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.312(b)', obligation: 'required' },
    { section: '164.308(a)(1)(ii)(D)', obligation: 'required' },
    { section: '164.308(a)(5)(ii)(C)', obligation: 'addressable' },
    { section: '164.316(b)(2)(i)', obligation: 'required' },
  ],
  hitrust: ['09.aa', '09.ab', '09.ad', '09.ae', '01.s', '06.i'],
});

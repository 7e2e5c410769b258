import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-security-group-changes',
    label: 'security group changes',
    title: 'An alarm fires on security group changes',
    cis: '4.10',
    why: 'A security group rule is all that keeps a database off the internet; an alarm lets someone review each change as it is made',
    test: (p) => /AuthorizeSecurityGroupIngress/.test(p) && /RevokeSecurityGroupIngress|DeleteSecurityGroup/.test(p),
  }),
);

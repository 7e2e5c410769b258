import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-nacl-changes',
    label: 'network ACL changes',
    title: 'An alarm fires on network ACL changes',
    cis: '4.11',
    why: 'Network ACLs filter whole subnets; an alarm makes a changed or deleted rule visible the moment it happens',
    test: (p) => /(Create|Replace|Delete)NetworkAclEntry/.test(p),
  }),
);

import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-iam-policy-changes',
    label: 'IAM policy changes',
    title: 'An alarm fires on IAM policy changes',
    cis: '4.4',
    why: 'A new or changed IAM policy can quietly grant someone access to every record; an alarm lets a person check each change the day it happens',
    test: (p) => /(Put|Delete)(Role|User|Group)Policy/.test(p) && /(Attach|Detach)(Role|User|Group)Policy/.test(p) && /CreatePolicy/.test(p),
  }),
);

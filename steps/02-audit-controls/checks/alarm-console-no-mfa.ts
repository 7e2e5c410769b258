import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-console-no-mfa',
    label: 'console sign-ins without MFA',
    title: 'An alarm fires on console sign-ins without MFA',
    cis: '4.2',
    why: 'A console sign-in without MFA is how a stolen password gets used; an alarm tells someone while the session is still open',
    test: (p) => /ConsoleLogin/.test(p) && /MFAUsed/.test(p),
    loginRelated: true,
  }),
);

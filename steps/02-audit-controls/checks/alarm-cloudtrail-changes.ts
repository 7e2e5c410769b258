import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-cloudtrail-changes',
    label: 'CloudTrail configuration changes',
    title: 'An alarm fires when CloudTrail is changed or stopped',
    cis: '4.5',
    why: 'Stopping or changing a trail is the first thing an intruder does to hide; an alarm makes sure someone notices the audit trail going dark',
    test: (p) => /StopLogging/.test(p) && /DeleteTrail/.test(p) && /UpdateTrail|CreateTrail/.test(p),
  }),
);

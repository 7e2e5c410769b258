import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-organizations-changes',
    label: 'AWS Organizations changes',
    title: 'An alarm fires on AWS Organizations changes',
    cis: '4.15',
    why: 'An account leaving the organization, or a new one joining, changes which guardrails apply to patient data; an alarm makes sure it was intended',
    test: (p) => /organizations\.amazonaws\.com/.test(p),
  }),
);

import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-config-changes',
    label: 'AWS Config configuration changes',
    title: 'An alarm fires when AWS Config recording is changed or stopped',
    cis: '4.9',
    why: 'Stopping the Config recorder removes the history of how resources were set up; an alarm makes sure the gap is noticed',
    test: (p) => /StopConfigurationRecorder/.test(p) && /(Delete|Put)DeliveryChannel/.test(p),
  }),
);

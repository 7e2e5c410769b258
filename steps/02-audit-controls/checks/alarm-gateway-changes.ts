import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-gateway-changes',
    label: 'network gateway changes',
    title: 'An alarm fires on network gateway changes',
    cis: '4.12',
    why: 'A new or attached internet or customer gateway opens a path in or out of your network; an alarm makes sure each one is expected',
    test: (p) => /(Create|Delete)CustomerGateway/.test(p) && /(Attach|Detach|Create|Delete)InternetGateway/.test(p),
  }),
);

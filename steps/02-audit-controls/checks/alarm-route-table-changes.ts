import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-route-table-changes',
    label: 'route table changes',
    title: 'An alarm fires on route table changes',
    cis: '4.13',
    why: 'A changed route can send private subnets through the internet or to another network; an alarm lets someone check it',
    test: (p) => /(Create|Replace|Delete)Route\b/.test(p) || /(Create|Delete)RouteTable|ReplaceRouteTableAssociation/.test(p),
  }),
);

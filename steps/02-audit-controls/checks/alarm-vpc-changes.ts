import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-vpc-changes',
    label: 'VPC changes',
    title: 'An alarm fires on VPC changes',
    cis: '4.14',
    why: 'New VPCs, peerings and changed VPC attributes change who can reach what; an alarm keeps the network map honest',
    test: (p) => /(Create|Delete)Vpc\b/.test(p) && /VpcPeeringConnection/.test(p),
  }),
);

import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'vpc-flow-logs',
  title: 'Every VPC records its network traffic in flow logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.ab', '09.m'],
  permissions: ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs'],
  needs: { regional: ['ec2.vpcs', 'ec2.flowLogs'] },
  why: 'Flow logs show which addresses talked to which systems; after a breach they are often the only evidence of where data went.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const vpcs = regionalSlice(state, 'ec2.vpcs', region);
      const logs = regionalSlice(state, 'ec2.flowLogs', region);
      if (!vpcs.ok) {
        resources.push(unreadableResource(`region ${region}`, region, vpcs.error));
        continue;
      }
      if (!logs.ok) {
        resources.push(unreadableResource(`region ${region}`, region, logs.error));
        continue;
      }
      for (const v of vpcs.value) {
        const active = logs.value.filter((f) => f.resourceId === v.id && f.status === 'ACTIVE');
        const label = `VPC ${v.id}${v.tags.Name ? ` (${v.tags.Name})` : ''}${v.isDefault ? ' (default)' : ''} in ${region}`;
        resources.push({
          id: v.id,
          region,
          status: active.length > 0 ? 'pass' : 'fail',
          detail: active.length > 0 ? `${label} has flow log ${active[0]!.id} recording ${active[0]!.trafficType} traffic.` : `${label} has no active flow log.`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every VPC records its traffic in flow logs (${plural(n, 'VPC')} checked).`,
      fail: (f) => `${f.length} VPC${f.length === 1 ? ' has' : 's have'} no flow log: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `There are no VPCs in ${state.regions.join(', ')}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { listNames, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { regionalSlice } from '../../../src/engine/state.js';
import type { FlowLog } from '../../../src/state/ec2.js';

export default defineCheck({
  id: 'vpc-flow-logs',
  title: 'Every VPC records its network traffic in flow logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.ab', '09.m'],
  needs: { regional: ['ec2.vpcs', 'ec2.flowLogs', 'ec2.subnets'] },
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
      const subnets = regionalSlice(state, 'ec2.subnets', region);
      // A VPC is covered by an active VPC-level flow log, or when every one of its subnets has one.
      // Flow logs on single network interfaces cover only those interfaces, so they do not count.
      // A flow log whose delivery failed records nothing: it is a gap, with AWS's error message.
      const working = (f: FlowLog) => f.status === 'ACTIVE' && f.deliverStatus !== 'FAILED';
      for (const v of vpcs.value) {
        const label = `VPC ${v.id}${v.tags.Name ? ` (${v.tags.Name})` : ''}${v.isDefault ? ' (default)' : ''} in ${region}`;
        const vpcSubnets = subnets.ok ? subnets.value.filter((x) => x.vpcId === v.id).map((x) => x.id) : [];
        const own = logs.value.filter((f) => f.resourceId === v.id || vpcSubnets.includes(f.resourceId));
        const failed = own.filter((f) => f.status === 'ACTIVE' && f.deliverStatus === 'FAILED');
        if (failed.length) {
          const f = failed[0]!;
          resources.push({
            id: v.id,
            region,
            status: 'fail',
            detail: `${label}: flow log ${f.id} on ${f.resourceId} fails to deliver to its ${f.destinationType} destination (${f.deliverError ?? 'no error message'}), so no traffic is being recorded.`,
          });
          continue;
        }
        const vpcLog = logs.value.find((f) => f.resourceId === v.id && working(f));
        if (vpcLog) {
          resources.push({ id: v.id, region, status: 'pass', detail: `${label} has flow log ${vpcLog.id} recording ${vpcLog.trafficType} traffic.` });
          continue;
        }
        if (!subnets.ok) {
          if (logs.value.some((f) => f.resourceId.startsWith('subnet-') && working(f))) {
            resources.push(unreadableResource(`VPC ${v.id}`, region, subnets.error));
          } else {
            resources.push({ id: v.id, region, status: 'fail', detail: `${label} has no active flow log.` });
          }
          continue;
        }
        const bare = vpcSubnets.filter((id) => !logs.value.some((f) => f.resourceId === id && working(f)));
        if (vpcSubnets.length > 0 && bare.length === 0) {
          resources.push({ id: v.id, region, status: 'pass', detail: `${label} has a flow log on each of its ${plural(vpcSubnets.length, 'subnet')}.` });
          continue;
        }
        const some = vpcSubnets.length - bare.length;
        resources.push({
          id: v.id,
          region,
          status: 'fail',
          detail: some > 0 ? `${label} has flow logs on only ${some} of its ${plural(vpcSubnets.length, 'subnet')}; ${listNames(bare)} record nothing.` : `${label} has no active flow log.`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every VPC records its traffic in flow logs (${plural(n, 'VPC')} checked).`,
      fail: (f) => `${f.length} VPC${f.length === 1 ? ' is' : 's are'} not fully recorded by flow logs: ${listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2)}.`,
      none: `There are no VPCs in ${state.regions.join(', ')}.`,
    });
  },
});

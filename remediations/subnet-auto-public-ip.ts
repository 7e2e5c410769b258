/**
 * Stops subnets from giving every new instance a public IP address. Instances already running keep
 * theirs; a launch that needs a public address must ask for one. Undo turns the setting back on.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'subnet-auto-public-ip',
  title: 'Stop assigning public IPs automatically',
  fixes: ['subnet-auto-public-ip'],
  leavesAlone: ['running instances (they keep their public addresses)'],
  permissions: ['ec2:ModifySubnetAttribute'],
  notes: ['Launch templates or Auto Scaling groups that rely on the subnet to give instances a public IP must then ask for one explicitly.'],
  plan(state, { failing }) {
    // One scope rule: only the subnets the check failed.
    const failed = new Set(failing('subnet-auto-public-ip').map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const s of readIn(state, 'ec2.subnets', region)) {
        if (!failed.has(s.id) || !s.mapPublicIpOnLaunch) continue;
        actions.push({
          effect: '~',
          service: 'ec2',
          command: 'ModifySubnetAttribute',
          input: { SubnetId: s.id, MapPublicIpOnLaunch: { Value: false } },
          region,
          resource: `subnet ${s.id}${s.tags.Name ? ` (${s.tags.Name})` : ''}`,
          summary: `Stop giving new instances in subnet ${s.id} (${s.vpcId}, ${region}) a public IP.`,
          reversible: true,
          undo: [{ service: 'ec2', command: 'ModifySubnetAttribute', input: { SubnetId: s.id, MapPublicIpOnLaunch: { Value: true } }, region }],
        });
      }
    }
    return actions;
  },
});

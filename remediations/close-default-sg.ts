/**
 * Removes every inbound and outbound rule from each VPC's default security group, so a resource
 * launched without a chosen group gets no network access instead of the default's. Anything still
 * using the default group loses its traffic, hence the typed confirmation. Every rule is saved in
 * the plan; undo authorizes them all again.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';
import { ipPermission } from './lib/sg.js';

export default defineRemediation({
  id: 'close-default-sg',
  title: 'Close the default security groups',
  fixes: ['default-sg-closed'],
  leavesAlone: ["security groups other than each VPC's default group"],
  permissions: ['ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress'],
  notes: ['Instances, databases or functions that use a default security group lose the traffic it allowed: move them to their own groups first.'],
  plan(state) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const g of readIn(state, 'ec2.securityGroups', region)) {
        if (g.name !== 'default') continue;
        const where = `${g.id} (default group of ${g.vpcId ?? 'EC2-Classic'}) in ${region}`;
        for (const [rules, Direction, word] of [
          [g.ingress, 'Ingress', 'inbound'],
          [g.egress, 'Egress', 'outbound'],
        ] as const) {
          if (rules.length === 0) continue;
          const perms = rules.map((r) => ipPermission(r));
          actions.push({
            effect: '-',
            service: 'ec2',
            command: `RevokeSecurityGroup${Direction}`,
            input: { GroupId: g.id, IpPermissions: perms },
            region,
            resource: `security group ${g.id} (default)`,
            summary: `Remove the ${rules.length} ${word} rule${rules.length === 1 ? '' : 's'} of ${where}.`,
            reversible: true,
            undo: [{ service: 'ec2', command: `AuthorizeSecurityGroup${Direction}`, input: { GroupId: g.id, IpPermissions: rules.map((r) => ipPermission(r, undefined, true)) }, region }],
          });
        }
      }
    }
    return actions;
  },
});

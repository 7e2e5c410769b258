/**
 * Removes every inbound and outbound rule from each VPC's default security group, so a resource
 * launched without a chosen group gets no network access instead of the default's. Anything still
 * using the default group loses its traffic, hence the typed confirmation. Before that, it reads
 * which EC2 instances use each default group and leaves a group in use alone, naming them (and
 * every group, when the instances could not be read). Every rule is saved in the plan; undo
 * authorizes them all again.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { listNames, readIn } from '../src/engine/outcome.js';
import { describeError, regionalSlice } from '../src/engine/state.js';
import { ipPermission } from './lib/sg.js';

export default defineRemediation({
  id: 'close-default-sg',
  title: 'Close the default security groups',
  fixes: ['default-sg-closed'],
  leavesAlone: ["security groups other than each VPC's default group"],
  permissions: ['ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress'],
  needs: { regional: ['ec2.instances'] },
  notes: ['Instances, databases or functions that use a default security group lose the traffic it allowed: move them to their own groups first.'],
  plan(state, { note }) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      const instances = regionalSlice(state, 'ec2.instances', region);
      for (const g of readIn(state, 'ec2.securityGroups', region)) {
        if (g.name !== 'default') continue;
        if (g.ingress.length + g.egress.length === 0) continue;
        const where = `${g.id} (default group of ${g.vpcId ?? 'EC2-Classic'}) in ${region}`;
        if (!instances.ok) {
          note(
            `The default security group ${where} is left as it is: which instances use it could not be read (${describeError(instances.error).replace(/^could not read: /, '').replace(/\.$/, '')}), and removing its rules would cut the traffic of any that do.`,
          );
          continue;
        }
        const users = instances.value.filter((i) => i.state !== 'terminated' && i.securityGroups.includes(g.id));
        if (users.length > 0) {
          const names = users.map((i) => (i.tags.Name ? `${i.id} (${i.tags.Name})` : i.id));
          note(
            `The default security group ${where} is left as it is: ${users.length === 1 ? 'the instance' : `${users.length} instances,`} ${listNames(names)}${users.length === 1 ? ' uses' : ', use'} it, and removing the group's rules would cut ${users.length === 1 ? 'its' : 'their'} traffic. Move ${users.length === 1 ? 'it' : 'them'} to a group of ${users.length === 1 ? 'its' : 'their'} own, then plan this fix again.`,
          );
          continue;
        }
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

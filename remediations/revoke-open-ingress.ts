/**
 * Removes the inbound rules that let the whole internet (0.0.0.0/0 or ::/0) reach administrative
 * ports (SSH, RDP, WinRM) or database ports. Only the internet part of a rule is revoked: other
 * sources in the same rule stay. A server reached that way stops answering at once, hence the typed
 * confirmation; each rule is saved in the plan, and undo authorizes it again exactly.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';
import { ADMIN_PORTS, coversPort, DATABASE_PORTS, WORLD } from '../src/rules/network.js';
import { ipPermission, ruleLabel } from './lib/sg.js';

const PORTS = { ...ADMIN_PORTS, ...DATABASE_PORTS };

export default defineRemediation({
  id: 'revoke-open-ingress',
  title: 'Close administrative and database ports to the internet',
  fixes: ['sg-open-admin-ports', 'sg-open-database-ports'],
  leavesAlone: ['other sources of the same rule', 'ports other than administrative and database ports'],
  permissions: ['ec2:RevokeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupIngress'],
  notes: [
    'Anyone who reaches these servers from the internet (an administrator at home, a vendor) loses access at once: give them a VPN, Session Manager or an allow-listed address first.',
  ],
  plan(state, { failing }) {
    // One scope rule: only the security groups the checks failed.
    const failed = new Set([...failing('sg-open-admin-ports'), ...failing('sg-open-database-ports')].map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const g of readIn(state, 'ec2.securityGroups', region)) {
        if (!failed.has(g.id)) continue;
        for (const r of g.ingress) {
          const ipv4 = r.ipv4.filter((c) => WORLD.has(c));
          const ipv6 = r.ipv6.filter((c) => WORLD.has(c));
          if (ipv4.length + ipv6.length === 0) continue;
          const hit = Object.entries(PORTS).filter(([port]) => coversPort(r, Number(port)));
          if (hit.length === 0) continue;
          const perm = ipPermission(r, { ipv4, ipv6 });
          const from = [...ipv4, ...ipv6].join(' and ');
          actions.push({
            effect: '-',
            service: 'ec2',
            command: 'RevokeSecurityGroupIngress',
            input: { GroupId: g.id, IpPermissions: [perm] },
            region,
            resource: `security group ${g.id} (${g.name})`,
            summary: `Stop allowing ${ruleLabel(r)} from ${from} into ${g.id} (${g.name}) in ${region}: it exposes ${hit.map(([p, n]) => `${n} ${p}`).slice(0, 4).join(', ')}.`,
            reversible: true,
            undo: [{ service: 'ec2', command: 'AuthorizeSecurityGroupIngress', input: { GroupId: g.id, IpPermissions: [ipPermission(r, { ipv4, ipv6 }, true)] }, region }],
          });
        }
      }
    }
    return actions;
  },
});

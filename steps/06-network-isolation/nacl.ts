/** Which ports a network ACL lets in from the whole internet, reading its inbound rules in order as AWS does. */
import type { NetworkAcl } from '../../src/state/vpcnet.js';
import { WORLD } from '../../src/rules/network.js';

/**
 * The ports of `ports` that the ACL admits over TCP from any internet address. Rules are evaluated
 * lowest number first and the first that matches decides; only rules for the whole internet
 * (0.0.0.0/0 or ::/0) decide for an arbitrary address, so narrower rules are passed over.
 */
export function naclOpenPorts(acl: NetworkAcl, ports: Readonly<Record<number, string>>): string[] {
  const inbound = acl.entries.filter((e) => !e.egress && WORLD.has(e.cidr)).sort((a, b) => a.ruleNumber - b.ruleNumber);
  const open: string[] = [];
  for (const [p, label] of Object.entries(ports)) {
    const port = Number(p);
    for (const family of ['0.0.0.0/0', '::/0']) {
      const first = inbound.find(
        (e) => e.cidr === family && (e.protocol === '-1' || (e.protocol === '6' && (e.fromPort ?? 0) <= port && port <= (e.toPort ?? 65535))),
      );
      if (first?.action === 'allow') {
        open.push(`${label} (${port}) from ${family}`);
        break;
      }
    }
  }
  return open;
}

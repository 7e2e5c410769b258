/** Security group rules as EC2's IpPermissions, the shape Revoke/Authorize…Ingress/Egress take. */
import type { SgRule } from '../../src/state/ec2.js';

/**
 * The rule (or only the given sources of it) as an IpPermission. With `described`, each source keeps
 * its description and each referenced group its owning account, so an undo authorizes the rule back
 * exactly as it was.
 */
export function ipPermission(r: SgRule, only?: { ipv4?: readonly string[]; ipv6?: readonly string[] }, described = false): Record<string, unknown> {
  const d = (source: string): { Description?: string } => (described && r.descriptions?.[source] ? { Description: r.descriptions[source] } : {});
  const ipv4 = only ? (only.ipv4 ?? []) : r.ipv4;
  const ipv6 = only ? (only.ipv6 ?? []) : r.ipv6;
  const groups = only ? [] : r.groups;
  const prefixes = only ? [] : r.prefixLists;
  const p: Record<string, unknown> = { IpProtocol: r.protocol };
  if (r.protocol !== '-1' && r.fromPort !== null) p.FromPort = r.fromPort;
  if (r.protocol !== '-1' && r.toPort !== null) p.ToPort = r.toPort;
  if (ipv4.length) p.IpRanges = ipv4.map((c) => ({ CidrIp: c, ...d(c) }));
  if (ipv6.length) p.Ipv6Ranges = ipv6.map((c) => ({ CidrIpv6: c, ...d(c) }));
  if (groups.length) {
    p.UserIdGroupPairs = groups.map((g) => {
      if (g.includes('/')) return { UserId: g.split('/')[0], GroupId: g.split('/')[1], ...d(g.split('/')[1] ?? '') };
      const owner = r.groupOwners?.[g];
      return { ...(owner ? { UserId: owner } : {}), GroupId: g, ...d(g) };
    });
  }
  if (prefixes.length) p.PrefixListIds = prefixes.map((id) => ({ PrefixListId: id, ...d(id) }));
  return p;
}

/** "TCP 22", "TCP 1433-1434", "all traffic". */
export function ruleLabel(r: SgRule): string {
  if (r.protocol === '-1') return 'all traffic';
  const ports = r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}-${r.toPort}`;
  return `${r.protocol.toUpperCase()} ${ports}`;
}

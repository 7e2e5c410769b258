/** Security group rules as EC2's IpPermissions, the shape Revoke/Authorize…Ingress/Egress take. */
import type { SgRule } from '../../src/aws/collectors/ec2.js';

export function ipPermission(r: SgRule, only?: { ipv4?: readonly string[]; ipv6?: readonly string[] }): Record<string, unknown> {
  const ipv4 = only ? (only.ipv4 ?? []) : r.ipv4;
  const ipv6 = only ? (only.ipv6 ?? []) : r.ipv6;
  const groups = only ? [] : r.groups;
  const prefixes = only ? [] : r.prefixLists;
  const p: Record<string, unknown> = { IpProtocol: r.protocol };
  if (r.protocol !== '-1' && r.fromPort !== null) p.FromPort = r.fromPort;
  if (r.protocol !== '-1' && r.toPort !== null) p.ToPort = r.toPort;
  if (ipv4.length) p.IpRanges = ipv4.map((c) => ({ CidrIp: c }));
  if (ipv6.length) p.Ipv6Ranges = ipv6.map((c) => ({ CidrIpv6: c }));
  if (groups.length) p.UserIdGroupPairs = groups.map((g) => (g.includes('/') ? { UserId: g.split('/')[0], GroupId: g.split('/')[1] } : { GroupId: g }));
  if (prefixes.length) p.PrefixListIds = prefixes.map((id) => ({ PrefixListId: id }));
  return p;
}

/** "TCP 22", "TCP 1433-1434", "all traffic". */
export function ruleLabel(r: SgRule): string {
  if (r.protocol === '-1') return 'all traffic';
  const ports = r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}-${r.toPort}`;
  return `${r.protocol.toUpperCase()} ${ports}`;
}

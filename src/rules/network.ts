/** Security group helpers: which ingress rules let the whole internet reach which ports. */
import type { SecurityGroup, SgRule } from '../state/ec2.js';
import type { PublicAccessBlock } from '../state/s3.js';

export const WORLD = new Set(['0.0.0.0/0', '::/0']);

export const ADMIN_PORTS: Readonly<Record<number, string>> = { 22: 'SSH', 3389: 'RDP', 5985: 'WinRM', 5986: 'WinRM over HTTPS' };
export const DATABASE_PORTS: Readonly<Record<number, string>> = {
  1433: 'SQL Server',
  1521: 'Oracle',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  6379: 'Redis',
  9042: 'Cassandra',
  9200: 'OpenSearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};

const worldSources = (r: SgRule) => [...r.ipv4, ...r.ipv6].filter((c) => WORLD.has(c));

/** Whether a rule opens `port` over TCP (every protocol counts). */
export function coversPort(r: SgRule, port: number): boolean {
  if (r.protocol === '-1') return true;
  if (r.protocol !== 'tcp' && r.protocol !== '6') return false;
  return (r.fromPort ?? 0) <= port && port <= (r.toPort ?? 65535);
}

/** The named ports of `ports` that the group opens to 0.0.0.0/0 or ::/0, as "SSH (22) from 0.0.0.0/0". */
export function openToWorld(g: SecurityGroup, ports: Readonly<Record<number, string>>): string[] {
  const found: string[] = [];
  for (const r of g.ingress) {
    const sources = worldSources(r);
    if (sources.length === 0) continue;
    for (const [port, name] of Object.entries(ports)) {
      if (coversPort(r, Number(port))) found.push(`${name} (${port}) from ${sources.join(' and ')}`);
    }
  }
  return [...new Set(found)];
}

/** Rules that open every port (all protocols, or TCP 0-65535) to the internet. */
export function allTrafficFromWorld(g: SecurityGroup): string[] {
  return g.ingress.flatMap((r) => {
    const sources = worldSources(r);
    if (sources.length === 0) return [];
    if (r.protocol === '-1') return [`all traffic from ${sources.join(' and ')}`];
    if ((r.fromPort ?? 0) <= 1 && (r.toPort ?? 0) >= 65535) return [`${r.protocol.toUpperCase()} ports ${r.fromPort}-${r.toPort} from ${sources.join(' and ')}`];
    return [];
  });
}

export const sgLabel = (g: SecurityGroup, region: string) => `Security group ${g.id} (${g.name}${g.vpcId ? `, ${g.vpcId}` : ''}) in ${region}`;

export const fullBlock = (p: PublicAccessBlock | null | undefined): boolean =>
  !!p && p.blockPublicAcls && p.ignorePublicAcls && p.blockPublicPolicy && p.restrictPublicBuckets;

export function missingFlags(p: PublicAccessBlock | null): string[] {
  if (!p) return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
  return [
    ['BlockPublicAcls', p.blockPublicAcls],
    ['IgnorePublicAcls', p.ignorePublicAcls],
    ['BlockPublicPolicy', p.blockPublicPolicy],
    ['RestrictPublicBuckets', p.restrictPublicBuckets],
  ].flatMap(([name, on]) => (on ? [] : [name as string]));
}

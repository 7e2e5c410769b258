/**
 * Least-privilege IAM policies from what the code declares: every check's and collector's
 * permissions for a read-only scan, and a fix's own permissions for applying (and undoing) it.
 * Pure: the caller passes the collector permissions it loaded.
 */
import type { Registry } from './registry.js';

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: '*';
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** What every live run calls before any check: who the caller is (and the account's alias), and which regions are enabled. */
export const BASE_PERMISSIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions', 'iam:ListAccountAliases'] as const;

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

/** The actions a read-only scan needs. */
export function scanActions(registry: Registry, collectorPermissions: readonly string[]): string[] {
  return sorted([...BASE_PERMISSIONS, ...collectorPermissions, ...registry.checks.flatMap((c) => c.permissions)]);
}

export function scanPolicy(registry: Registry, collectorPermissions: readonly string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'HipaaWizardReadOnlyScan', Effect: 'Allow', Action: scanActions(registry, collectorPermissions), Resource: '*' }],
  };
}

const sid = (id: string) => `HipaaWizardFix${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`;

/**
 * The extra actions the named fixes need beyond a scan: one statement per fix. Throws with the
 * list of fixes when an id is unknown.
 */
export function fixPolicy(registry: Registry, fixIds: readonly string[], collectorPermissions: readonly string[]): PolicyDocument {
  const scan = new Set(scanActions(registry, collectorPermissions));
  const statements: PolicyStatement[] = [];
  for (const id of fixIds) {
    const def = registry.remediation(id);
    if (!def) throw new Error(`There is no fix called "${id}". Fixes: ${registry.remediations.map((r) => r.id).join(', ')}.`);
    const extra = sorted(def.permissions.filter((p) => !scan.has(p)));
    if (extra.length > 0) statements.push({ Sid: sid(id), Effect: 'Allow', Action: extra, Resource: '*' });
  }
  return { Version: '2012-10-17', Statement: statements };
}

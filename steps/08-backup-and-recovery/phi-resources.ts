/**
 * The resources in one region that hold ePHI (by tag, `isPhi`), from the RDS, DynamoDB, EFS, EC2
 * and S3 inventories, and whether an AWS Backup plan selects each one. A slice that could not be
 * read becomes an `unknown` entry naming it, never a silent gap. Pure.
 */
import type { BackupPlan, BackupSelection } from '../../src/state/backup.js';
import type { ResourceResult, Settings } from '../../src/engine/model.js';
import { unreadableResource } from '../../src/engine/outcome.js';
import { isPhi, type Tags } from '../../src/engine/phi.js';
import { type AccountState, globalSlice, regionalSlice } from '../../src/engine/state.js';

export interface PhiResource {
  readonly arn: string;
  readonly kind: string;
  readonly name: string;
  readonly tags: Tags;
}

export function phiResourcesIn(state: AccountState, region: string, settings: Settings): { found: PhiResource[]; unknown: ResourceResult[] } {
  const found: PhiResource[] = [];
  const unknown: ResourceResult[] = [];
  const add = (arn: string, kind: string, name: string, tags: Tags | null) => {
    if (tags && isPhi(tags, settings)) found.push({ arn, kind, name, tags });
  };
  const rds = regionalSlice(state, 'rds.instances', region);
  if (rds.ok) {
    for (const i of rds.value) if (!i.clusterId) add(i.arn, 'RDS instance', i.id, i.tags);
  } else unknown.push(unreadableResource(`RDS instances in ${region}`, region, rds.error));
  const clusters = regionalSlice(state, 'rds.clusters', region);
  if (clusters.ok) {
    for (const c of clusters.value) add(c.arn, 'RDS cluster', c.id, c.tags);
  } else unknown.push(unreadableResource(`RDS clusters in ${region}`, region, clusters.error));
  const tables = regionalSlice(state, 'dynamodb.tables', region);
  if (tables.ok) {
    for (const t of tables.value) {
      if (t.tags.ok) add(t.arn, 'DynamoDB table', t.name, t.tags.value);
      else unknown.push(unreadableResource(`DynamoDB table ${t.name}`, region, t.tags.error));
    }
  } else unknown.push(unreadableResource(`DynamoDB tables in ${region}`, region, tables.error));
  const efs = regionalSlice(state, 'efs.fileSystems', region);
  if (efs.ok) {
    for (const f of efs.value) add(f.arn, 'EFS file system', f.name ?? f.id, f.tags);
  } else unknown.push(unreadableResource(`EFS file systems in ${region}`, region, efs.error));
  const ec2 = regionalSlice(state, 'ec2.instances', region);
  if (ec2.ok) {
    for (const i of ec2.value) add(i.arn, 'EC2 instance', i.tags.Name ? `${i.id} (${i.tags.Name})` : i.id, i.tags);
  } else unknown.push(unreadableResource(`EC2 instances in ${region}`, region, ec2.error));
  // Buckets are listed once (globally); each belongs to the region whose backup plans can select it.
  const buckets = globalSlice(state, 's3.buckets');
  if (buckets.ok) {
    for (const b of buckets.value.filter((x) => x.region === region)) {
      if (b.tags.ok) add(b.arn, 'S3 bucket', b.name, b.tags.value);
      else unknown.push(unreadableResource(`S3 bucket ${b.name}`, region, b.tags.error));
    }
  } else if (region === state.homeRegion) unknown.push(unreadableResource('S3 buckets', undefined, buckets.error));
  return { found, unknown };
}

/** Whether an AWS Backup ARN pattern ("*", "arn:aws:rds:*:*:db:*") matches an ARN. */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const re = pattern
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}$`).test(arn);
}

function selects(sel: BackupSelection, r: PhiResource): boolean {
  if (sel.notResources.some((p) => arnMatches(p, r.arn))) return false;
  if (sel.resources.some((p) => arnMatches(p, r.arn))) {
    // A selection with both resources and tag conditions needs both (AWS ANDs them when Conditions are used).
    return true;
  }
  return sel.tags.length > 0 && sel.tags.some((t) => r.tags[t.key] === t.value);
}

/** The name of the plan that selects the resource, or undefined; `unknown` when a plan's selections could not be read. */
export function planFor(plans: readonly BackupPlan[], r: PhiResource): { plan?: string; unreadable?: string } {
  let unreadable: string | undefined;
  for (const p of plans) {
    if (!p.selections.ok) {
      unreadable ??= p.name;
      continue;
    }
    if (p.selections.value.some((s) => selects(s, r))) return { plan: p.name };
  }
  return { unreadable };
}

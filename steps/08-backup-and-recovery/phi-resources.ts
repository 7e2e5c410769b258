/**
 * The resources in one region that hold ePHI (by tag, `isPhi`), from the RDS, DynamoDB, EFS, EC2
 * and S3 inventories, and whether an AWS Backup plan selects each one. A slice that could not be
 * read becomes an `unknown` entry naming it, never a silent gap. Pure.
 */
import type { BackupCondition, BackupPlan, BackupSelection } from '../../src/state/backup.js';
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

/** IAM-style StringLike: `*` is any run of characters, `?` any one; case sensitive. */
function like(pattern: string, value: string): boolean {
  const re = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`, 's').test(value);
}

/** One Conditions entry against a resource's tags; a missing tag satisfies the negative operators, as in IAM. */
function holds(c: BackupCondition, tags: Tags): boolean {
  const actual = Object.hasOwn(tags, c.key) ? tags[c.key] : undefined;
  switch (c.op) {
    case 'StringEquals':
      return actual === c.value;
    case 'StringNotEquals':
      return actual !== c.value;
    case 'StringLike':
      return actual !== undefined && like(c.value, actual);
    case 'StringNotLike':
      return actual === undefined || !like(c.value, actual);
  }
}

/**
 * Whether a selection assigns the resource, combined as AWS Backup does: no NotResources entry
 * matches; one Resources entry matches (none listed: every resource type); one ListOfTags pair
 * matches when any are listed (OR); and every Conditions entry holds (AND).
 */
export function selects(sel: BackupSelection, r: PhiResource): boolean {
  if (sel.notResources.some((p) => arnMatches(p, r.arn))) return false;
  if (sel.resources.length > 0 && !sel.resources.some((p) => arnMatches(p, r.arn))) return false;
  if (sel.tags.length > 0 && !sel.tags.some((t) => Object.hasOwn(r.tags, t.key) && r.tags[t.key] === t.value)) return false;
  return (sel.conditions ?? []).every((c) => holds(c, r.tags));
}

/** The plans with a selection that assigns the resource; `unreadable` names a plan whose selections could not be read. */
export function plansFor(plans: readonly BackupPlan[], r: PhiResource): { plans: BackupPlan[]; unreadable?: string } {
  let unreadable: string | undefined;
  const found: BackupPlan[] = [];
  for (const p of plans) {
    if (!p.selections.ok) {
      unreadable ??= p.name;
      continue;
    }
    if (p.selections.value.some((s) => selects(s, r))) found.push(p);
  }
  return { plans: found, unreadable };
}

/**
 * Readers shared by the checks of steps 2 to 6: which buckets are in scope (ePHI-tagged, or all of
 * them when nothing is tagged), the trails of every scanned region without duplicates, policy
 * statements, and a bucket's per-bucket parts as resources.
 */
import type { S3Bucket } from '../../src/state/s3.js';
import type { Trail } from '../../src/state/cloudtrail.js';
import type { PolicyDocument } from '../../src/state/iam.js';
import type { ResourceResult, Settings } from '../../src/engine/model.js';
import { unreadableResource } from '../../src/engine/outcome.js';
import { isPhi, phiTagPhrase } from '../../src/engine/phi.js';
import { type AccountState, type Result, regionalSlice } from '../../src/engine/state.js';

export interface BucketScope {
  readonly buckets: readonly S3Bucket[];
  /** True when scope is limited to ePHI-tagged buckets (plus those whose tags could not be read). */
  readonly phiOnly: boolean;
  /** "ePHI bucket" or "bucket", for sentences. */
  readonly noun: string;
}

/** The ePHI-tagged buckets (and any whose tags could not be read); every bucket when none is tagged. */
export function phiBucketScope(buckets: readonly S3Bucket[], settings: Pick<Settings, 'phiTags'>): BucketScope {
  const tagged = buckets.filter((b) => b.tags.ok && isPhi(b.tags.value, settings));
  if (tagged.length === 0) return { buckets, phiOnly: false, noun: 'bucket' };
  return { buckets: buckets.filter((b) => !b.tags.ok || isPhi(b.tags.value, settings)), phiOnly: true, noun: 'ePHI bucket' };
}

/** A sentence tail explaining the scope rule, for pass messages. */
export function scopeNote(scope: BucketScope, settings: Pick<Settings, 'phiTags'>): string {
  return scope.phiOnly ? '' : ` (no bucket carries a PHI tag such as ${phiTagPhrase(settings)}, so every bucket was checked)`;
}

/**
 * Runs `fn` over one per-bucket part; a part that could not be read gives an `unknown` resource
 * naming the refused action.
 */
export function perBucket<T>(
  buckets: readonly S3Bucket[],
  part: (b: S3Bucket) => Result<T>,
  fn: (value: T, bucket: S3Bucket) => ResourceResult,
): ResourceResult[] {
  return buckets.map((b) => {
    const r = part(b);
    if (!r.ok) return unreadableResource(`bucket ${b.name}`, b.region, r.error);
    return fn(r.value, b);
  });
}

export const bucketResource = (b: S3Bucket, status: ResourceResult['status'], detail: string): ResourceResult => ({
  id: b.arn,
  region: b.region,
  status,
  detail,
});

/** Every trail visible in the scanned regions, once each, and the regions whose trails could not be read. */
export function allTrails(state: AccountState): { trails: Trail[]; unreadable: ResourceResult[] } {
  const byArn = new Map<string, Trail>();
  const unreadable: ResourceResult[] = [];
  for (const region of state.regions) {
    const slice = regionalSlice(state, 'cloudtrail.trails', region);
    if (!slice.ok) {
      unreadable.push(unreadableResource(`region ${region}`, region, slice.error));
      continue;
    }
    for (const t of slice.value) if (!byArn.has(t.arn)) byArn.set(t.arn, t);
  }
  return { trails: [...byArn.values()], unreadable };
}

export interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export function statements(doc: PolicyDocument | null | undefined): Statement[] {
  const s = doc?.Statement;
  if (!s) return [];
  return (Array.isArray(s) ? s : [s]) as Statement[];
}

export const asList = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Whether an IAM action pattern ("s3:*", "s3:Get*", "*") covers an action. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** Every principal ARN or "*" a statement names (AWS principals only). */
export function principals(s: Statement): string[] {
  const p = s.Principal;
  if (p === '*') return ['*'];
  if (p && typeof p === 'object') return asList((p as Record<string, unknown>).AWS);
  return [];
}

/** The name of a bucket's region or "an unknown region", for sentences. */
export const where = (region: string) => (region === 'unknown' ? 'an unknown region' : region);

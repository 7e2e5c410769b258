/**
 * S3 rules the checks and the fixes share: which buckets are in scope (ePHI-tagged, or all of them
 * when nothing is tagged), a per-bucket part read as resources, and how a bucket is named in sentences.
 */
import type { S3Bucket } from '../state/s3.js';
import type { ResourceResult, Settings } from '../engine/model.js';
import { unreadableResource } from '../engine/outcome.js';
import { isPhi, phiTagPhrase } from '../engine/phi.js';
import type { Result } from '../engine/state.js';

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

/** The name of a bucket's region or "an unknown region", for sentences. */
export const where = (region: string) => (region === 'unknown' ? 'an unknown region' : region);

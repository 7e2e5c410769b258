/**
 * Anchors in S3: each anchor is its own object under a prefix, written once (If-None-Match: *) under
 * Object Lock in COMPLIANCE mode, so nobody — the account's root user included — can delete or
 * overwrite it before its retention date. The bucket must have Object Lock enabled (it can only be
 * turned on for a bucket at creation or by AWS support for an existing one); we refuse otherwise,
 * because an anchor the register's owner can delete proves nothing.
 */
import { GetObjectCommand, GetObjectLockConfigurationCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type Anchor, AnchorError, parseAnchor } from '../records/anchor.js';
import type { ClientFactory } from './clients.js';

export interface S3Location {
  readonly bucket: string;
  /** The key prefix, ending in "/" when not empty. */
  readonly prefix: string;
}

/** Reads `s3://bucket/prefix` (undefined when the text is not an S3 URL). */
export function parseS3Url(text: string): S3Location | undefined {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(text.trim());
  if (!m) return undefined;
  const raw = m[2] ?? '';
  return { bucket: m[1]!, prefix: raw === '' || raw.endsWith('/') ? raw : `${raw}/` };
}

const nameOf = (e: unknown) => (e as { name?: string })?.name ?? 'Error';
const messageOf = (e: unknown) => (e as { message?: string })?.message ?? String(e);

/** The key an anchor is stored under: one object per anchored head, never overwritten. */
export const anchorKey = (loc: S3Location, a: Anchor) => `${loc.prefix}register-head-${String(a.seq).padStart(6, '0')}-${a.hash.slice(0, 16)}.json`;

function explain(e: unknown, loc: S3Location, doing: string): AnchorError {
  const name = nameOf(e);
  if (name === 'NoSuchBucket') return new AnchorError(`The bucket ${loc.bucket} does not exist (or is not in this account's reach), so the anchor could not be ${doing}.`);
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'Forbidden')
    return new AnchorError(`Access to s3://${loc.bucket}/${loc.prefix} was denied while the anchor was being ${doing} (${messageOf(e)}).`);
  if (name === 'CredentialsProviderError') return new AnchorError(`No AWS credentials were found, so the anchor could not be ${doing}: set a profile with --profile or AWS_PROFILE.`);
  return new AnchorError(`The anchor could not be ${doing} in s3://${loc.bucket}/${loc.prefix}: ${name}: ${messageOf(e)}`);
}

/**
 * Writes the anchor under Object Lock (COMPLIANCE until `retainUntil`). Refuses when the bucket has
 * no Object Lock. Returns the key, and whether the same anchor was already there.
 */
export async function putAnchorS3(clients: ClientFactory, region: string, loc: S3Location, anchor: Anchor, retainUntil: Date): Promise<{ key: string; existed: boolean }> {
  const s3 = clients.get(S3Client, region);
  try {
    const lock = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: loc.bucket }));
    if (lock.ObjectLockConfiguration?.ObjectLockEnabled !== 'Enabled') throw Object.assign(new Error('not enabled'), { name: 'ObjectLockConfigurationNotFoundError' });
  } catch (e) {
    if (nameOf(e) === 'ObjectLockConfigurationNotFoundError')
      throw new AnchorError(
        `The bucket ${loc.bucket} does not have Object Lock enabled, so whoever controls it could delete the anchor. Anchor to a bucket created with Object Lock (aws s3api create-bucket --object-lock-enabled-for-bucket), or to a file the auditor keeps.`,
      );
    throw explain(e, loc, 'written');
  }
  const key = anchorKey(loc, anchor);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: loc.bucket,
        Key: key,
        Body: `${JSON.stringify(anchor)}\n`,
        ContentType: 'application/json',
        IfNoneMatch: '*',
        ChecksumAlgorithm: 'SHA256',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: retainUntil,
      }),
    );
    return { key, existed: false };
  } catch (e) {
    // The same head was anchored before: the object is there, locked, and says the same.
    if (nameOf(e) === 'PreconditionFailed') return { key, existed: true };
    throw explain(e, loc, 'written');
  }
}

/** Reads every anchor under the prefix. */
export async function listAnchorsS3(clients: ClientFactory, region: string, loc: S3Location): Promise<{ anchor: Anchor; from: string }[]> {
  const s3 = clients.get(S3Client, region);
  const keys: string[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: `${loc.prefix}register-head-`, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key?.endsWith('.json')) keys.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (e) {
    throw explain(e, loc, 'read');
  }
  const out: { anchor: Anchor; from: string }[] = [];
  for (const key of keys.sort()) {
    const from = `s3://${loc.bucket}/${key}`;
    let text: string;
    try {
      const got = await s3.send(new GetObjectCommand({ Bucket: loc.bucket, Key: key }));
      text = (await got.Body?.transformToString('utf8')) ?? '';
    } catch (e) {
      throw explain(e, loc, 'read');
    }
    out.push({ anchor: parseAnchor(text, from), from });
  }
  return out;
}

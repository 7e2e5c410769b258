/** S3 as the model sees it: the `s3.buckets` slice, changed the way S3 changes a bucket. */
import type { S3Bucket } from '../../../src/state/s3.js';
import type { ModelContext, ServiceModel } from './index.js';

type Bucket = { -readonly [K in keyof S3Bucket]: S3Bucket[K] } & { /** Objects stored (the model's own count; DeleteBucket refuses while > 0). */ objects?: number };

const ok = <T>(value: T) => ({ ok: true as const, value });

/** A new bucket as S3 creates it (since April 2023: Block Public Access on, SSE-S3, no policy). */
function newBucket(m: ModelContext, name: string, region: string, lock: boolean): Bucket {
  return {
    name,
    arn: `arn:${m.partition}:s3:::${name}`,
    region,
    createdAt: null,
    tags: ok({}),
    encryption: ok({ algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false }),
    policy: ok(null),
    policyStatus: ok(null),
    publicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    acl: ok({ publicGrants: [] }),
    logging: ok(null),
    versioning: ok({ status: lock ? 'Enabled' : 'Off', mfaDelete: false }),
    objectLock: ok(lock ? { enabled: true, mode: null, days: null, years: null } : null),
    lifecycle: ok(null),
    replication: ok(null),
    website: ok(null),
  };
}

/** The bucket by name, or S3's NoSuchBucket. */
export function bucketOf(m: ModelContext, name: string): Bucket {
  const b = m.global<Bucket[]>('s3.buckets').find((x) => x.name === name);
  if (!b) throw m.error('NoSuchBucket', 'The specified bucket does not exist', 404);
  return b;
}

export const s3: ServiceModel = {
  CreateBucket(m, input) {
    const buckets = m.global<Bucket[]>('s3.buckets');
    if (buckets.some((b) => b.name === input.Bucket)) throw m.error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
    const region = input.CreateBucketConfiguration?.LocationConstraint ?? 'us-east-1';
    if (region !== m.region) throw m.error('IllegalLocationConstraintException', `The ${region} location constraint is incompatible for the region specific endpoint this request was sent to.`);
    buckets.push(newBucket(m, input.Bucket, region, input.ObjectLockEnabledForBucket === true));
    return { Location: `/${input.Bucket}` };
  },
  DeleteBucket(m, input) {
    const buckets = m.global<Bucket[]>('s3.buckets');
    const b = bucketOf(m, input.Bucket);
    if ((b.objects ?? 0) > 0) throw m.error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
    buckets.splice(buckets.indexOf(b), 1);
    return {};
  },
  PutPublicAccessBlock(m, input) {
    const c = input.PublicAccessBlockConfiguration;
    bucketOf(m, input.Bucket).publicAccessBlock = ok({ blockPublicAcls: !!c.BlockPublicAcls, ignorePublicAcls: !!c.IgnorePublicAcls, blockPublicPolicy: !!c.BlockPublicPolicy, restrictPublicBuckets: !!c.RestrictPublicBuckets });
    return {};
  },
  DeletePublicAccessBlock(m, input) {
    bucketOf(m, input.Bucket).publicAccessBlock = ok(null);
    return {};
  },
  PutBucketPolicy(m, input) {
    const b = bucketOf(m, input.Bucket);
    const doc = JSON.parse(input.Policy);
    const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const isPublic = list.some((x: { Effect?: string; Principal?: unknown; Condition?: unknown }) => x.Effect === 'Allow' && (x.Principal === '*' || (x.Principal as { AWS?: unknown })?.AWS === '*') && !x.Condition);
    if (isPublic && b.publicAccessBlock.ok && b.publicAccessBlock.value?.blockPublicPolicy) throw m.error('AccessDenied', 'Access Denied', 403);
    b.policy = ok(doc);
    b.policyStatus = ok({ isPublic });
    return {};
  },
  DeleteBucketPolicy(m, input) {
    const b = bucketOf(m, input.Bucket);
    b.policy = ok(null);
    b.policyStatus = ok(null);
    return {};
  },
  PutBucketLogging(m, input) {
    const b = bucketOf(m, input.Bucket);
    const l = input.BucketLoggingStatus?.LoggingEnabled;
    if (l) {
      const target = bucketOf(m, l.TargetBucket);
      if (target.region !== b.region) throw m.error('CrossLocationLoggingProhibitted', 'Cross S3 location logging not allowed.', 403);
      if (target.objectLock.ok && target.objectLock.value?.enabled) throw m.error('InvalidTargetBucketForLogging', 'The target bucket for logging has Object Lock enabled.', 400);
    }
    b.logging = ok(l ? { targetBucket: l.TargetBucket, targetPrefix: l.TargetPrefix ?? '' } : null);
    return {};
  },
  PutBucketVersioning(m, input) {
    const b = bucketOf(m, input.Bucket);
    const status = input.VersioningConfiguration?.Status;
    if (status === 'Suspended' && b.objectLock.ok && b.objectLock.value?.enabled) throw m.error('InvalidBucketState', 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.', 409);
    const mfa = b.versioning.ok ? b.versioning.value.mfaDelete : false;
    b.versioning = ok({ status, mfaDelete: mfa });
    return {};
  },
  PutBucketTagging(m, input) {
    bucketOf(m, input.Bucket).tags = ok(Object.fromEntries((input.Tagging?.TagSet ?? []).map((t: { Key: string; Value: string }) => [t.Key, t.Value])));
    return {};
  },
  PutObjectLockConfiguration(m, input) {
    const b = bucketOf(m, input.Bucket);
    if (!(b.objectLock.ok && b.objectLock.value?.enabled)) throw m.error('InvalidBucketState', 'Object Lock configuration cannot be enabled on existing buckets', 409);
    const r = input.ObjectLockConfiguration?.Rule?.DefaultRetention;
    b.objectLock = ok({ enabled: true, mode: r?.Mode ?? null, days: r?.Days ?? null, years: r?.Years ?? null });
    return {};
  },
  PutBucketEncryption(m, input) {
    const b = bucketOf(m, input.Bucket);
    const rule = input.ServerSideEncryptionConfiguration?.Rules?.[0];
    const d = rule?.ApplyServerSideEncryptionByDefault;
    b.encryption = { ok: true, value: { algorithm: d.SSEAlgorithm, kmsKeyId: d.KMSMasterKeyID ?? null, bucketKeyEnabled: rule?.BucketKeyEnabled ?? false } };
    return {};
  },
  DeleteBucketEncryption(m, input) {
    // Since January 2023 every bucket has SSE-S3 at least; "deleting" puts the default back.
    const b = bucketOf(m, input.Bucket);
    b.encryption = { ok: true, value: null };
    return {};
  },
};

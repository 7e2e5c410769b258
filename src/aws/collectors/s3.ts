/**
 * S3: every bucket of the account, each with its configuration read from the bucket's own region.
 * One `s3.buckets` slice is shared by every check (encryption, TLS, versioning, public access,
 * logging, Object Lock, lifecycle, replication, tags); each per-bucket part is its own Result, so a
 * refused GetBucketPolicy on one bucket makes only that part unknown. AWS's "not configured" errors
 * (NoSuchBucketPolicy, NoSuchPublicAccessBlockConfiguration, …) become `null`, never errors.
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { err } from '../../engine/state.js';
import { attempt, type CollectorContext, type CollectorSet, globalCollector, toCollectError } from '../collector.js';
import { orIfMissing } from '../errors.js';
import { mapLimit, RESOURCE_FANOUT } from '../limit.js';
import type { PolicyDocument } from '../../state/iam.js';
import type { PublicAccessBlock, BucketVersioning, ObjectLock, S3Bucket } from '../../state/s3.js';

/** S3's and S3 Control's Block Public Access answers have one shape; null when none is set. */
export function publicAccessBlockOf(
  c: { BlockPublicAcls?: boolean; IgnorePublicAcls?: boolean; BlockPublicPolicy?: boolean; RestrictPublicBuckets?: boolean } | undefined,
): PublicAccessBlock | null {
  if (!c) return null;
  return {
    blockPublicAcls: c.BlockPublicAcls ?? false,
    ignorePublicAcls: c.IgnorePublicAcls ?? false,
    blockPublicPolicy: c.BlockPublicPolicy ?? false,
    restrictPublicBuckets: c.RestrictPublicBuckets ?? false,
  };
}

/** The region a LocationConstraint names: none or "" is us-east-1, the legacy "EU" is eu-west-1. */
export function regionOfLocation(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

function parsePolicy(text: string | undefined): PolicyDocument | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PolicyDocument;
  } catch {
    return null;
  }
}

async function bucketDetails(ctx: CollectorContext, name: string, region: string, createdAt: string | null): Promise<S3Bucket> {
  const s3 = ctx.clients.get(S3Client, region);
  const Bucket = name;
  const [tags, encryption, policy, policyStatus, publicAccessBlock, acl, logging, versioning, objectLock, lifecycle, replication, website] =
    await Promise.all([
      attempt('s3:GetBucketTagging', async () => {
        const out = await orIfMissing(() => s3.send(new GetBucketTaggingCommand({ Bucket })), ['NoSuchTagSet'], null);
        return Object.fromEntries((out?.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
      }),
      attempt('s3:GetEncryptionConfiguration', async () => {
        const out = await orIfMissing(
          () => s3.send(new GetBucketEncryptionCommand({ Bucket })),
          ['ServerSideEncryptionConfigurationNotFoundError'],
          null,
        );
        const rule = out?.ServerSideEncryptionConfiguration?.Rules?.[0];
        const d = rule?.ApplyServerSideEncryptionByDefault;
        if (!d?.SSEAlgorithm) return null;
        return { algorithm: d.SSEAlgorithm, kmsKeyId: d.KMSMasterKeyID ?? null, bucketKeyEnabled: rule?.BucketKeyEnabled ?? false };
      }),
      attempt('s3:GetBucketPolicy', async () => {
        const out = await orIfMissing(() => s3.send(new GetBucketPolicyCommand({ Bucket })), ['NoSuchBucketPolicy'], null);
        return parsePolicy(out?.Policy);
      }),
      attempt('s3:GetBucketPolicyStatus', async () => {
        const out = await orIfMissing(() => s3.send(new GetBucketPolicyStatusCommand({ Bucket })), ['NoSuchBucketPolicy'], null);
        return out ? { isPublic: out.PolicyStatus?.IsPublic ?? false } : null;
      }),
      attempt('s3:GetBucketPublicAccessBlock', async () => {
        const out = await orIfMissing(
          () => s3.send(new GetPublicAccessBlockCommand({ Bucket })),
          ['NoSuchPublicAccessBlockConfiguration'],
          null,
        );
        return publicAccessBlockOf(out?.PublicAccessBlockConfiguration);
      }),
      attempt('s3:GetBucketAcl', async () => {
        const out = await s3.send(new GetBucketAclCommand({ Bucket }));
        const publicGrants = (out.Grants ?? []).flatMap((g) => {
          const group = g.Grantee?.URI ? PUBLIC_GROUPS[g.Grantee.URI] : undefined;
          return group ? [`${group}: ${g.Permission ?? 'unknown'}`] : [];
        });
        return { publicGrants };
      }),
      attempt('s3:GetBucketLogging', async () => {
        const out = await s3.send(new GetBucketLoggingCommand({ Bucket }));
        const l = out.LoggingEnabled;
        return l?.TargetBucket ? { targetBucket: l.TargetBucket, targetPrefix: l.TargetPrefix ?? '' } : null;
      }),
      attempt('s3:GetBucketVersioning', async () => {
        const out = await s3.send(new GetBucketVersioningCommand({ Bucket }));
        const status: BucketVersioning['status'] = out.Status === 'Enabled' ? 'Enabled' : out.Status === 'Suspended' ? 'Suspended' : 'Off';
        return { status, mfaDelete: out.MFADelete === 'Enabled' };
      }),
      attempt('s3:GetBucketObjectLockConfiguration', async () => {
        const out = await orIfMissing(
          () => s3.send(new GetObjectLockConfigurationCommand({ Bucket })),
          ['ObjectLockConfigurationNotFoundError'],
          null,
        );
        const c = out?.ObjectLockConfiguration;
        if (!c) return null;
        const r = c.Rule?.DefaultRetention;
        return {
          enabled: c.ObjectLockEnabled === 'Enabled',
          mode: (r?.Mode as ObjectLock['mode']) ?? null,
          days: r?.Days ?? null,
          years: r?.Years ?? null,
        };
      }),
      attempt('s3:GetLifecycleConfiguration', async () => {
        const out = await orIfMissing(
          () => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
          ['NoSuchLifecycleConfiguration'],
          null,
        );
        if (!out) return null;
        return (out.Rules ?? []).map((r) => ({
          id: r.ID ?? '',
          enabled: r.Status === 'Enabled',
          prefix: r.Filter?.Prefix ?? r.Prefix ?? null,
          expirationDays: r.Expiration?.Days ?? null,
          noncurrentExpirationDays: r.NoncurrentVersionExpiration?.NoncurrentDays ?? null,
          transitions: (r.Transitions ?? []).map((t) => ({ days: t.Days ?? null, storageClass: t.StorageClass ?? '' })),
        }));
      }),
      attempt('s3:GetReplicationConfiguration', async () => {
        const out = await orIfMissing(
          () => s3.send(new GetBucketReplicationCommand({ Bucket })),
          ['ReplicationConfigurationNotFoundError'],
          null,
        );
        const c = out?.ReplicationConfiguration;
        if (!c) return null;
        return {
          role: c.Role ?? '',
          rules: (c.Rules ?? []).map((r) => ({
            id: r.ID ?? '',
            enabled: r.Status === 'Enabled',
            destinationBucket: (r.Destination?.Bucket ?? '').replace(/^arn:[^:]+:s3:::/, ''),
            destinationAccount: r.Destination?.Account ?? null,
          })),
        };
      }),
      attempt('s3:GetBucketWebsite', async () => {
        const out = await orIfMissing(() => s3.send(new GetBucketWebsiteCommand({ Bucket })), ['NoSuchWebsiteConfiguration'], null);
        if (!out) return null;
        return { indexDocument: out.IndexDocument?.Suffix ?? null, redirectAllTo: out.RedirectAllRequestsTo?.HostName ?? null };
      }),
    ]);
  return {
    name,
    arn: `arn:${ctx.identity.partition}:s3:::${name}`,
    region,
    createdAt,
    tags,
    encryption,
    policy,
    policyStatus,
    publicAccessBlock,
    acl,
    logging,
    versioning,
    objectLock,
    lifecycle,
    replication,
    website,
  };
}

/** A bucket whose region could not be read: every part carries the same error. */
function unreadableBucket(ctx: CollectorContext, name: string, createdAt: string | null, e: unknown): S3Bucket {
  const error = toCollectError(e, 's3:GetBucketLocation');
  const part = err(error);
  return {
    name,
    arn: `arn:${ctx.identity.partition}:s3:::${name}`,
    region: 'unknown',
    createdAt,
    tags: part,
    encryption: part,
    policy: part,
    policyStatus: part,
    publicAccessBlock: part,
    acl: part,
    logging: part,
    versioning: part,
    objectLock: part,
    lifecycle: part,
    replication: part,
    website: part,
  };
}

/** How many buckets are read at once; the client factory still caps S3 requests in flight per region. */
const BUCKET_CONCURRENCY = RESOURCE_FANOUT;

export const collectors: CollectorSet = {
  's3.buckets': globalCollector(
    [
      's3:ListAllMyBuckets',
      's3:GetBucketLocation',
      's3:GetBucketTagging',
      's3:GetEncryptionConfiguration',
      's3:GetBucketPolicy',
      's3:GetBucketPolicyStatus',
      's3:GetBucketPublicAccessBlock',
      's3:GetBucketAcl',
      's3:GetBucketLogging',
      's3:GetBucketVersioning',
      's3:GetBucketObjectLockConfiguration',
      's3:GetLifecycleConfiguration',
      's3:GetReplicationConfiguration',
      's3:GetBucketWebsite',
    ],
    async (ctx) => {
      const home = ctx.clients.get(S3Client, ctx.homeRegion);
      const listed: { name: string; region: string | undefined; createdAt: string | null }[] = [];
      try {
        for await (const page of paginateListBuckets({ client: home, pageSize: 1000 }, {})) {
          for (const b of page.Buckets ?? []) {
            if (!b.Name) continue;
            listed.push({ name: b.Name, region: b.BucketRegion, createdAt: b.CreationDate ? new Date(b.CreationDate).toISOString() : null });
          }
        }
      } catch (e) {
        (e as { $action?: string }).$action ??= 's3:ListAllMyBuckets';
        throw e;
      }
      return mapLimit(listed, BUCKET_CONCURRENCY, async (b) => {
        let region = b.region;
        if (!region) {
          try {
            const loc = await home.send(new GetBucketLocationCommand({ Bucket: b.name }));
            region = regionOfLocation(loc.LocationConstraint);
          } catch (e) {
            return unreadableBucket(ctx, b.name, b.createdAt, e);
          }
        }
        return bucketDetails(ctx, b.name, region, b.createdAt);
      });
    },
  ),
};

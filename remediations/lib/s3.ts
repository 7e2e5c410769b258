/**
 * Helpers the S3 fixes share: the bucket scope the checks use, creating a private, encrypted bucket
 * (for logs) as plan actions, and merging a statement into a bucket policy without losing the rest.
 */
import type { S3Bucket } from '../../src/state/s3.js';
import type { PlanAction, PlannedCall } from '../../src/engine/model.js';
import { read, readIn } from '../../src/engine/outcome.js';
import { type AccountState, regionalSlice } from '../../src/engine/state.js';
import { allTrails } from '../../src/rules/cloudtrail.js';

export const BLOCK_ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** A bucket's name in plan text: "bucket clinic-phi (us-east-1)". */
export const bucketLabel = (b: { name: string; region: string }) => `bucket ${b.name}`;

/** CreateBucket's input: us-east-1 takes no location constraint, every other region needs one. */
export function createBucketInput(name: string, region: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return region === 'us-east-1' ? { Bucket: name, ...extra } : { Bucket: name, CreateBucketConfiguration: { LocationConstraint: region }, ...extra };
}

/**
 * Creates a bucket for logs, closed to the public, with default encryption and a policy. None of it
 * is undone: the bucket holds logs from the moment delivery starts, and an undo must never delete
 * logs nor strip the protection off a bucket that keeps them.
 */
export interface LogBucketOptions {
  /** Tags the bucket gets (a classification tag, so data-classification-tags passes). */
  readonly tags?: Readonly<Record<string, string>>;
  /** Keep earlier versions of objects (s3-versioning asks it of log buckets). */
  readonly versioning?: boolean;
  /** Object Lock with a default retention: only possible at creation, and it turns versioning on. */
  readonly objectLock?: { readonly mode: 'GOVERNANCE' | 'COMPLIANCE'; readonly days: number };
}

export function newPrivateBucket(name: string, region: string, purpose: string, policy: object | null, opts: LogBucketOptions = {}): PlanAction[] {
  const extra = opts.objectLock ? { ObjectLockEnabledForBucket: true } : {};
  const resource = `bucket ${name}`;
  const keep = {
    reversible: false as const,
    irreversibleBecause: `the bucket ${name} may already hold ${purpose.replace(/^the /, '')}, and an undo never deletes logs nor removes the protection of the bucket that keeps them; delete it yourself once you no longer need what it holds`,
  };
  const actions: PlanAction[] = [
    {
      effect: '+',
      service: 's3',
      command: 'CreateBucket',
      input: createBucketInput(name, region, extra),
      region,
      resource,
      summary: `Create the bucket ${name} in ${region} for ${purpose}.`,
      ...keep,
    },
    {
      effect: '~',
      service: 's3',
      command: 'PutPublicAccessBlock',
      input: { Bucket: name, PublicAccessBlockConfiguration: BLOCK_ALL },
      region,
      resource,
      summary: `Block every form of public access to ${name}.`,
      ...keep,
    },
    {
      effect: '~',
      service: 's3',
      command: 'PutBucketEncryption',
      input: { Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } },
      region,
      resource,
      summary: `Encrypt new objects in ${name} by default (SSE-S3).`,
      ...keep,
    },
  ];
  if (opts.versioning && !opts.objectLock) {
    actions.push({
      effect: '~',
      service: 's3',
      command: 'PutBucketVersioning',
      input: { Bucket: name, VersioningConfiguration: { Status: 'Enabled' } },
      region,
      resource,
      summary: `Keep earlier versions of every object in ${name}, so an overwritten or deleted log can be restored.`,
      ...keep,
    });
  }
  if (opts.objectLock) {
    const { mode, days } = opts.objectLock;
    actions.push({
      effect: '~',
      service: 's3',
      command: 'PutObjectLockConfiguration',
      input: { Bucket: name, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: mode, Days: days } } } },
      region,
      resource,
      summary: `Lock every new object in ${name} for ${days} days (${mode.toLowerCase()} mode), so no one can change or delete a log in that time${mode === 'GOVERNANCE' ? ' without the s3:BypassGovernanceRetention permission' : ''}.`,
      reversible: false,
      irreversibleBecause: `Object Lock cannot be turned off on a bucket once on, and objects already written stay locked until their retention ends`,
    });
  }
  if (opts.tags && Object.keys(opts.tags).length > 0) {
    actions.push({
      effect: '~',
      service: 's3',
      command: 'PutBucketTagging',
      input: { Bucket: name, Tagging: { TagSet: Object.entries(opts.tags).map(([Key, Value]) => ({ Key, Value })) } },
      region,
      resource,
      summary: `Tag ${name} with ${Object.entries(opts.tags).map(([k, v]) => `${k}=${v}`).join(', ')}, so it is known to hold logs, not ePHI.`,
      ...keep,
    });
  }
  if (policy) {
    actions.push({
      effect: '~',
      service: 's3',
      command: 'PutBucketPolicy',
      input: { Bucket: name, Policy: JSON.stringify(policy) },
      region,
      resource,
      summary: `Give ${name} a policy that lets ${purpose.replace(/^the /, '')} be written to it.`,
      ...keep,
    });
  }
  return actions;
}

type Doc = { Version?: string; Statement?: unknown; [k: string]: unknown };

/**
 * The bucket policy with `statement` added (or replacing a statement with the same Sid): every other
 * statement is kept as it was. Returns undefined when an identical statement is already there.
 */
export function mergeStatement(current: Doc | null, statement: { Sid: string } & Record<string, unknown>): Doc | undefined {
  const list = Array.isArray(current?.Statement) ? (current.Statement as Record<string, unknown>[]) : current?.Statement ? [current.Statement as Record<string, unknown>] : [];
  const same = list.find((s) => s.Sid === statement.Sid);
  if (same && JSON.stringify(same) === JSON.stringify(statement)) return undefined;
  return { ...(current ?? {}), Version: current?.Version ?? '2012-10-17', Statement: [...list.filter((s) => s.Sid !== statement.Sid), statement] };
}

/** The undo of a PutBucketPolicy: the old policy back, or no policy when there was none. */
export function policyUndo(bucket: Pick<S3Bucket, 'name' | 'region'>, before: Doc | null): PlannedCall[] {
  return before
    ? [{ service: 's3', command: 'PutBucketPolicy', input: { Bucket: bucket.name, Policy: JSON.stringify(before) }, region: bucket.region }]
    : [{ service: 's3', command: 'DeleteBucketPolicy', input: { Bucket: bucket.name }, region: bucket.region }];
}

/** The statement that refuses any request to the bucket not made over TLS. */
export const denyNonTls = (partition: string, bucket: string) => ({
  Sid: 'DenyNonTlsRequests',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:${partition}:s3:::${bucket}`, `arn:${partition}:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** Why a bucket must be left alone by a fix that changes its encryption or its policy. */
export interface BucketDependents {
  /** Trails that deliver their log files to the bucket. */
  readonly trails: readonly string[];
  /** Buckets whose server access logs go to this bucket. */
  readonly accessLogSources: readonly string[];
  /** Load balancers whose access logs go to the bucket. */
  readonly loadBalancers: readonly string[];
  /** AWS Config delivery channels that write to the bucket. */
  readonly configChannels: readonly string[];
}

/**
 * What writes into each bucket, read from the state: CloudTrail trails (their slice must be readable:
 * a fix that cannot tell refuses), S3 server access logging of other buckets, and, where the state
 * holds them, load balancer access logs and AWS Config delivery channels.
 */
export function bucketDependents(state: AccountState): (bucket: string) => BucketDependents {
  const trails = new Map<string, string[]>();
  const sources = new Map<string, string[]>();
  const lbs = new Map<string, string[]>();
  const channels = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  const { trails: all, unreadable } = allTrails(state);
  const first = state.regions.find((r) => !regionalSlice(state, 'cloudtrail.trails', r).ok);
  if (unreadable.length > 0 && first) readIn(state, 'cloudtrail.trails', first);
  for (const t of all) if (t.s3BucketName) add(trails, t.s3BucketName, t.name);
  for (const b of read(state, 's3.buckets')) if (b.logging.ok && b.logging.value) add(sources, b.logging.value.targetBucket, b.name);
  for (const region of state.regions) {
    const elb = regionalSlice(state, 'elbv2.loadBalancers', region);
    if (elb.ok) for (const lb of elb.value) if (lb.attributes.ok && lb.attributes.value.accessLogs && lb.attributes.value.accessLogsBucket) add(lbs, lb.attributes.value.accessLogsBucket, lb.name);
    const config = regionalSlice(state, 'config.recorders', region);
    if (config.ok) for (const c of config.value.deliveryChannels) if (c.s3BucketName) add(channels, c.s3BucketName, `${c.name} (${region})`);
  }
  return (bucket) => ({ trails: trails.get(bucket) ?? [], accessLogSources: sources.get(bucket) ?? [], loadBalancers: lbs.get(bucket) ?? [], configChannels: channels.get(bucket) ?? [] });
}

/** True when the bucket hosts a static website or lets anyone read it (policy or ACL). Unknown counts as true. */
export function servedAnonymously(b: S3Bucket): { readonly served: boolean; readonly why: string } {
  if (!b.website?.ok) return { served: true, why: 'its website hosting could not be read (s3:GetBucketWebsite), so it may serve a website' };
  if (b.website.value) return { served: true, why: 'it hosts a static website, which is read anonymously' };
  if (b.policyStatus.ok && b.policyStatus.value?.isPublic) return { served: true, why: 'its bucket policy lets anyone read it' };
  if (b.acl.ok && b.acl.value.publicGrants.some((g) => g.startsWith('AllUsers'))) return { served: true, why: 'its ACL lets anyone read it' };
  return { served: false, why: '' };
}

/** The failing resources of a check as buckets of the state (a fix's one scope rule). */
export function failingBuckets(buckets: readonly S3Bucket[], failing: readonly { readonly id: string }[]): S3Bucket[] {
  const ids = new Set(failing.map((r) => r.id));
  return buckets.filter((b) => ids.has(b.arn));
}

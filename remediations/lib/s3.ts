/**
 * Helpers the S3 fixes share: the bucket scope the checks use, creating a private, encrypted bucket
 * (for logs) as plan actions, and merging a statement into a bucket policy without losing the rest.
 */
import type { S3Bucket } from '../../src/aws/collectors/s3.js';
import type { PlanAction, PlannedCall } from '../../src/engine/model.js';

export const BLOCK_ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** A bucket's name in plan text: "bucket clinic-phi (us-east-1)". */
export const bucketLabel = (b: { name: string; region: string }) => `bucket ${b.name}`;

/** CreateBucket's input: us-east-1 takes no location constraint, every other region needs one. */
export function createBucketInput(name: string, region: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return region === 'us-east-1' ? { Bucket: name, ...extra } : { Bucket: name, CreateBucketConfiguration: { LocationConstraint: region }, ...extra };
}

/** Creates a bucket closed to the public with default encryption, and a policy; undo deletes it (it must be empty). */
export function newPrivateBucket(name: string, region: string, purpose: string, policy: object | null, extra: Record<string, unknown> = {}): PlanAction[] {
  const resource = `bucket ${name}`;
  const del: PlannedCall = { service: 's3', command: 'DeleteBucket', input: { Bucket: name }, region };
  const actions: PlanAction[] = [
    {
      effect: '+',
      service: 's3',
      command: 'CreateBucket',
      input: createBucketInput(name, region, extra),
      region,
      resource,
      summary: `Create the bucket ${name} in ${region} for ${purpose}.`,
      reversible: true,
      undo: [del],
    },
    {
      effect: '~',
      service: 's3',
      command: 'PutPublicAccessBlock',
      input: { Bucket: name, PublicAccessBlockConfiguration: BLOCK_ALL },
      region,
      resource,
      summary: `Block every form of public access to ${name}.`,
      reversible: true,
      undo: [{ service: 's3', command: 'DeletePublicAccessBlock', input: { Bucket: name }, region }],
    },
    {
      effect: '~',
      service: 's3',
      command: 'PutBucketEncryption',
      input: { Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } },
      region,
      resource,
      summary: `Encrypt new objects in ${name} by default (SSE-S3).`,
      reversible: true,
      undo: [{ service: 's3', command: 'DeleteBucketEncryption', input: { Bucket: name }, region }],
    },
  ];
  if (policy) {
    actions.push({
      effect: '~',
      service: 's3',
      command: 'PutBucketPolicy',
      input: { Bucket: name, Policy: JSON.stringify(policy) },
      region,
      resource,
      summary: `Give ${name} a policy that lets ${purpose.replace(/^the /, '')} be written to it.`,
      reversible: true,
      undo: [{ service: 's3', command: 'DeleteBucketPolicy', input: { Bucket: name }, region }],
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

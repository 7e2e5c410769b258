/** What a check sees of s3: the slices the s3 collector fills (src/aws/collectors/s3.ts). */
import type { Result } from '../engine/state.js';
import type { PolicyDocument } from './iam.js';

export interface BucketEncryption {
  /** "AES256" (SSE-S3), "aws:kms" (SSE-KMS), "aws:kms:dsse" (dual-layer). */
  readonly algorithm: string;
  /** The key id, ARN or alias for SSE-KMS; null means the AWS managed key aws/s3. */
  readonly kmsKeyId: string | null;
  readonly bucketKeyEnabled: boolean;
}

export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

export interface BucketVersioning {
  /** "Off" when versioning was never enabled. */
  readonly status: 'Enabled' | 'Suspended' | 'Off';
  readonly mfaDelete: boolean;
}

export interface ObjectLock {
  readonly enabled: boolean;
  readonly mode: 'GOVERNANCE' | 'COMPLIANCE' | null;
  readonly days: number | null;
  readonly years: number | null;
}

export interface LifecycleRule {
  readonly id: string;
  readonly enabled: boolean;
  readonly prefix: string | null;
  readonly expirationDays: number | null;
  readonly noncurrentExpirationDays: number | null;
  readonly transitions: readonly { readonly days: number | null; readonly storageClass: string }[];
}

export interface Replication {
  readonly role: string;
  readonly rules: readonly { readonly id: string; readonly enabled: boolean; readonly destinationBucket: string; readonly destinationAccount: string | null }[];
}

export interface S3Bucket {
  readonly name: string;
  readonly arn: string;
  /** The bucket's region (GetBucketLocation; an empty constraint means us-east-1, "EU" eu-west-1). */
  readonly region: string;
  readonly createdAt: string | null;
  readonly tags: Result<Readonly<Record<string, string>>>;
  /** null when no default encryption is configured. */
  readonly encryption: Result<BucketEncryption | null>;
  /** null when the bucket has no policy. */
  readonly policy: Result<PolicyDocument | null>;
  /** S3's own verdict on the bucket policy; null when there is no policy. */
  readonly policyStatus: Result<{ readonly isPublic: boolean } | null>;
  /** The bucket's own Block Public Access settings; null when none are set. */
  readonly publicAccessBlock: Result<PublicAccessBlock | null>;
  /** Grants of the bucket ACL to everyone or to any AWS user ("AllUsers: READ"). */
  readonly acl: Result<{ readonly publicGrants: readonly string[] }>;
  /** Where server access logs go; null when access logging is off. */
  readonly logging: Result<{ readonly targetBucket: string; readonly targetPrefix: string } | null>;
  readonly versioning: Result<BucketVersioning>;
  /** null when Object Lock was never enabled on the bucket. */
  readonly objectLock: Result<ObjectLock | null>;
  /** null when the bucket has no lifecycle configuration. */
  readonly lifecycle: Result<readonly LifecycleRule[] | null>;
  /** null when the bucket does not replicate. */
  readonly replication: Result<Replication | null>;
  /**
   * Static website hosting (GetBucketWebsite); null when the bucket is no website. Absent in states
   * collected before it was read: fixes treat that as not known.
   */
  readonly website?: Result<BucketWebsite | null>;
}

export interface BucketWebsite {
  readonly indexDocument: string | null;
  /** The host every request is redirected to, when the website only redirects. */
  readonly redirectAllTo: string | null;
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    's3.buckets': readonly S3Bucket[];
  }
}

/**
 * The demo clinic's S3: patient records done mostly right (customer key, versioning, replication to
 * a DR copy, but no TLS-only policy), portal uploads set up in a hurry (SSE-S3, no Block Public
 * Access, versioning suspended), the CloudTrail bucket in the same account without Object Lock, a
 * claims export shared with the billing partner on the AWS managed key, an access-log bucket, an
 * evidence bucket under Object Lock, and the marketing site bucket that is public on purpose.
 * The account-level Block Public Access was never turned on.
 */
import type { BucketEncryption, LifecycleRule, S3Bucket } from '../../state/s3.js';
import { ok } from '../../engine/state.js';
import { DEMO_ACCOUNT, type DemoClock, type DemoPart, arn } from '../types.js';

const FULL_BLOCK = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const PHI_KEY = arn('kms', 'key/1d2c3b4a-5f6e-4a7b-9c8d-0e1f2a3b4c5d', 'us-east-1');
const PHI_KEY_DR = arn('kms', 'key/5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'us-west-2');

const denyInsecure = (bucket: string) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

interface BucketSpec {
  name: string;
  region?: string;
  createdDaysAgo: number;
  tags?: Record<string, string>;
  encryption?: BucketEncryption | null;
  policy?: { Version: string; Statement: unknown[] } | null;
  isPublic?: boolean;
  block?: typeof FULL_BLOCK | null;
  publicGrants?: string[];
  logging?: { targetBucket: string; targetPrefix: string } | null;
  versioning?: 'Enabled' | 'Suspended' | 'Off';
  objectLock?: { enabled: boolean; mode: 'GOVERNANCE' | 'COMPLIANCE' | null; days: number | null; years: number | null } | null;
  lifecycle?: LifecycleRule[] | null;
  replication?: { role: string; rules: { id: string; enabled: boolean; destinationBucket: string; destinationAccount: string | null }[] } | null;
  website?: { indexDocument: string | null; redirectAllTo: string | null } | null;
}

const bucket = (clock: DemoClock, s: BucketSpec): S3Bucket => ({
  name: s.name,
  arn: `arn:aws:s3:::${s.name}`,
  region: s.region ?? 'us-east-1',
  createdAt: clock.daysAgo(s.createdDaysAgo),
  tags: ok(s.tags ?? {}),
  encryption: ok(s.encryption === undefined ? { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false } : s.encryption),
  policy: ok(s.policy ?? null),
  policyStatus: ok(s.policy ? { isPublic: s.isPublic ?? false } : null),
  publicAccessBlock: ok(s.block === undefined ? FULL_BLOCK : s.block),
  acl: ok({ publicGrants: s.publicGrants ?? [] }),
  logging: ok(s.logging ?? null),
  versioning: ok({ status: s.versioning ?? 'Off', mfaDelete: false }),
  objectLock: ok(s.objectLock ?? null),
  lifecycle: ok(s.lifecycle ?? null),
  replication: ok(s.replication ?? null),
  website: ok(s.website ?? null),
});

const part: DemoPart = (clock) => ({
  global: {
    's3control.publicAccessBlock': ok(null),
    's3.buckets': ok([
      bucket(clock, {
        name: 'maple-patient-records',
        createdDaysAgo: 420,
        tags: { phi: 'true', 'data-classification': 'phi', owner: 'dana.okafor' },
        encryption: { algorithm: 'aws:kms', kmsKeyId: PHI_KEY, bucketKeyEnabled: true },
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'PortalAppReadWrite',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:role/portal-app` },
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: 'arn:aws:s3:::maple-patient-records/*',
            },
          ],
        },
        logging: { targetBucket: 'maple-access-logs', targetPrefix: 'patient-records/' },
        versioning: 'Enabled',
        lifecycle: [
          { id: 'archive-after-a-year', enabled: true, prefix: null, expirationDays: null, noncurrentExpirationDays: 2555, transitions: [{ days: 365, storageClass: 'GLACIER_IR' }] },
        ],
        replication: {
          role: `arn:aws:iam::${DEMO_ACCOUNT}:role/s3-replication`,
          rules: [{ id: 'to-dr', enabled: true, destinationBucket: 'maple-patient-records-dr', destinationAccount: null }],
        },
      }),
      bucket(clock, {
        name: 'maple-portal-uploads',
        createdDaysAgo: 300,
        tags: { phi: 'true', app: 'portal' },
        block: null,
        versioning: 'Suspended',
      }),
      bucket(clock, {
        name: 'maple-cloudtrail-logs',
        createdDaysAgo: 410,
        tags: { purpose: 'audit' },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::maple-cloudtrail-logs' },
            {
              Sid: 'AWSCloudTrailWrite',
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: `arn:aws:s3:::maple-cloudtrail-logs/AWSLogs/${DEMO_ACCOUNT}/*`,
              Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
            },
            denyInsecure('maple-cloudtrail-logs'),
          ],
        },
        versioning: 'Enabled',
        lifecycle: [{ id: 'glacier-after-90-days', enabled: true, prefix: 'AWSLogs/', expirationDays: null, noncurrentExpirationDays: null, transitions: [{ days: 90, storageClass: 'GLACIER' }] }],
      }),
      bucket(clock, {
        name: 'maple-claims-export',
        createdDaysAgo: 180,
        tags: { phi: 'true', partner: 'northwind-billing' },
        encryption: { algorithm: 'aws:kms', kmsKeyId: null, bucketKeyEnabled: false },
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'BillingPartnerRead',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::444455556666:root' },
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: ['arn:aws:s3:::maple-claims-export', 'arn:aws:s3:::maple-claims-export/*'],
            },
            denyInsecure('maple-claims-export'),
          ],
        },
        logging: { targetBucket: 'maple-access-logs', targetPrefix: 'claims-export/' },
        versioning: 'Enabled',
        lifecycle: [{ id: 'expire-exports', enabled: true, prefix: null, expirationDays: 90, noncurrentExpirationDays: 30, transitions: [] }],
      }),
      bucket(clock, {
        name: 'maple-access-logs',
        createdDaysAgo: 400,
        tags: { purpose: 'logs' },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'S3ServerAccessLogs', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::maple-access-logs/*' },
            denyInsecure('maple-access-logs'),
          ],
        },
      }),
      bucket(clock, {
        name: 'maple-compliance-evidence',
        createdDaysAgo: 90,
        tags: { purpose: 'evidence' },
        encryption: { algorithm: 'aws:kms', kmsKeyId: PHI_KEY, bucketKeyEnabled: true },
        policy: { Version: '2012-10-17', Statement: [denyInsecure('maple-compliance-evidence')] },
        logging: { targetBucket: 'maple-access-logs', targetPrefix: 'evidence/' },
        versioning: 'Enabled',
        objectLock: { enabled: true, mode: 'COMPLIANCE', days: null, years: 7 },
      }),
      bucket(clock, {
        name: 'maple-website-assets',
        createdDaysAgo: 650,
        tags: { app: 'marketing-site' },
        policy: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::maple-website-assets/*' }],
        },
        isPublic: true,
        block: null,
        website: { indexDocument: 'index.html', redirectAllTo: null },
      }),
      bucket(clock, {
        name: 'maple-patient-records-dr',
        region: 'us-west-2',
        createdDaysAgo: 200,
        tags: { phi: 'true', 'data-classification': 'phi' },
        encryption: { algorithm: 'aws:kms', kmsKeyId: PHI_KEY_DR, bucketKeyEnabled: true },
        policy: { Version: '2012-10-17', Statement: [denyInsecure('maple-patient-records-dr')] },
        versioning: 'Enabled',
      }),
    ]),
  },
});

export default part;

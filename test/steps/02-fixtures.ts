/** Builders for the slices of steps 2-6, with AWS-like defaults that a test overrides. */
import type { Trail } from '../../src/state/cloudtrail.js';
import type { SecurityGroup, SgRule } from '../../src/state/ec2.js';
import type { LoadBalancer } from '../../src/state/elbv2.js';
import type { KmsKey } from '../../src/state/kms.js';
import type { RdsInstance } from '../../src/state/rds.js';
import type { S3Bucket } from '../../src/state/s3.js';
import { ok } from '../../src/engine/state.js';
import { ACCOUNT } from '../helpers/state.js';

export const FULL_BLOCK = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

export const tlsDeny = (bucket: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

export function bucket(name: string, o: Partial<S3Bucket> = {}): S3Bucket {
  return {
    name,
    arn: `arn:aws:s3:::${name}`,
    region: 'us-east-1',
    createdAt: '2025-01-01T00:00:00.000Z',
    tags: ok({}),
    encryption: ok({ algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false }),
    policy: ok(null),
    policyStatus: ok(null),
    publicAccessBlock: ok(FULL_BLOCK),
    acl: ok({ publicGrants: [] }),
    logging: ok(null),
    versioning: ok({ status: 'Off', mfaDelete: false }),
    objectLock: ok(null),
    lifecycle: ok(null),
    replication: ok(null),
    ...o,
  };
}

export function trail(name: string, o: Partial<Trail> = {}): Trail {
  return {
    name,
    arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`,
    homeRegion: 'us-east-1',
    multiRegion: true,
    organization: false,
    s3BucketName: 'trail-logs',
    logFileValidation: true,
    kmsKeyId: null,
    cloudWatchLogGroupArn: null,
    status: ok({ logging: true, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }),
    selectors: ok({ management: 'All', s3DataAll: false, s3DataBuckets: [] }),
    ...o,
  };
}

export const rule = (protocol: string, from: number | null, to: number | null, o: Partial<SgRule> = {}): SgRule => ({
  protocol,
  fromPort: from,
  toPort: to,
  ipv4: [],
  ipv6: [],
  groups: [],
  prefixLists: [],
  ...o,
});

export const sg = (id: string, ingress: SgRule[], o: Partial<SecurityGroup> = {}): SecurityGroup => ({
  id,
  name: `group-${id}`,
  vpcId: 'vpc-1',
  description: '',
  ingress,
  egress: [],
  tags: {},
  ...o,
});

export function rdsInstance(id: string, o: Partial<RdsInstance> = {}): RdsInstance {
  return {
    id,
    arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${id}`,
    engine: 'postgres',
    engineVersion: '16.3',
    instanceClass: 'db.t4g.micro',
    status: 'available',
    clusterId: null,
    storageEncrypted: true,
    kmsKeyId: null,
    publiclyAccessible: false,
    multiAZ: true,
    backupRetentionPeriod: 7,
    autoMinorVersionUpgrade: true,
    deletionProtection: true,
    parameterGroups: ['pg16'],
    enabledLogExports: ['postgresql'],
    iamAuth: false,
    caCertificate: null,
    vpcId: 'vpc-1',
    subnetIds: ['subnet-1'],
    tags: {},
    ...o,
  };
}

export function loadBalancer(name: string, o: Partial<LoadBalancer> = {}): LoadBalancer {
  return {
    arn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/${name}/abc`,
    name,
    type: 'application',
    scheme: 'internet-facing',
    dnsName: `${name}.elb.amazonaws.com`,
    vpcId: 'vpc-1',
    attributes: ok({ accessLogs: true, accessLogsBucket: 'lb-logs', deletionProtection: true }),
    listeners: ok([]),
    ...o,
  };
}

export function kmsKey(id: string, o: Partial<KmsKey> = {}): KmsKey {
  return {
    id,
    arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`,
    aliases: [],
    manager: 'CUSTOMER',
    state: 'Enabled',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    origin: 'AWS_KMS',
    deletionDate: null,
    description: '',
    rotation: ok(true),
    policy: ok(null),
    ...o,
  };
}

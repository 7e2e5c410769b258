/** Collector-shaped resources for the fix tests; every field is set, overrides change what a test needs. */
import type { Trail } from '../../src/state/cloudtrail.js';
import type { DynamoTable } from '../../src/state/dynamodb.js';
import type { SecurityGroup, SgRule } from '../../src/state/ec2.js';
import type { IamAuthorization } from '../../src/state/iam.js';
import type { KmsKey } from '../../src/state/kms.js';
import type { RdsCluster, RdsInstance } from '../../src/state/rds.js';
import type { S3Bucket } from '../../src/state/s3.js';
import { ok } from '../../src/engine/state.js';
import { ACCOUNT } from '../helpers/state.js';

export function bucket(name: string, region = 'us-east-1', o: Partial<S3Bucket> = {}): S3Bucket {
  return {
    name,
    arn: `arn:aws:s3:::${name}`,
    region,
    createdAt: null,
    tags: ok({}),
    encryption: ok({ algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false }),
    policy: ok(null),
    policyStatus: ok(null),
    publicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    acl: ok({ publicGrants: [] }),
    logging: ok(null),
    versioning: ok({ status: 'Enabled', mfaDelete: false }),
    objectLock: ok(null),
    lifecycle: ok(null),
    replication: ok(null),
    website: ok(null),
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
    s3BucketName: `${name}-bucket`,
    logFileValidation: true,
    kmsKeyId: null,
    cloudWatchLogGroupArn: null,
    status: ok({ logging: true, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }),
    selectors: ok({ management: 'All', s3DataAll: false, s3DataBuckets: [] }),
    ...o,
  };
}

export function kmsKey(id: string, region = 'us-east-1', o: Partial<KmsKey> = {}): KmsKey {
  return {
    id,
    arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`,
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

export const rule = (o: Partial<SgRule> = {}): SgRule => ({ protocol: 'tcp', fromPort: 22, toPort: 22, ipv4: [], ipv6: [], groups: [], prefixLists: [], ...o });

export function sg(id: string, name: string, ingress: SgRule[] = [], egress: SgRule[] = []): SecurityGroup {
  return { id, name, vpcId: 'vpc-0a1b2c3d', description: name, ingress, egress, tags: {} };
}

export function rdsInstance(id: string, o: Partial<RdsInstance> = {}): RdsInstance {
  return {
    id,
    arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${id}`,
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.t4g.medium',
    status: 'available',
    clusterId: null,
    storageEncrypted: true,
    kmsKeyId: null,
    publiclyAccessible: false,
    multiAZ: false,
    backupRetentionPeriod: 7,
    autoMinorVersionUpgrade: true,
    deletionProtection: true,
    parameterGroups: [],
    enabledLogExports: [],
    iamAuth: false,
    caCertificate: null,
    vpcId: null,
    subnetIds: [],
    tags: {},
    ...o,
  };
}

export function rdsCluster(id: string, o: Partial<RdsCluster> = {}): RdsCluster {
  return {
    id,
    arn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:${id}`,
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    storageEncrypted: true,
    kmsKeyId: null,
    deletionProtection: true,
    backupRetentionPeriod: 7,
    multiAZ: true,
    parameterGroup: null,
    enabledLogExports: [],
    members: [],
    tags: {},
    ...o,
  };
}

export function table(name: string, pitr: boolean, region = 'us-east-1'): DynamoTable {
  return { name, arn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`, sseType: 'AES256-owned', kmsKeyArn: null, pitr: ok(pitr), deletionProtection: true, tags: ok({}) };
}

export const noAuthorization: IamAuthorization = { users: [], groups: [], roles: [], policies: [] };
export const withRoles = (...names: string[]): IamAuthorization => ({
  ...noAuthorization,
  roles: names.map((name) => ({ name, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, path: '/', trustPolicy: null, attachedPolicies: [], inlinePolicies: [] })),
});

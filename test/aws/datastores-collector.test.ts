import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand, EFSClient, PolicyNotFound } from '@aws-sdk/client-efs';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBSnapshotAttributesCommand, DescribeDBSnapshotsCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollection } from '../helpers/collection.js';

const rds = mockClient(RDSClient);
const ddb = mockClient(DynamoDBClient);
const efs = mockClient(EFSClient);
const kms = mockClient(KMSClient);
afterEach(() => {
  rds.reset();
  ddb.reset();
  efs.reset();
  kms.reset();
});

const collection = () => testCollection(['us-east-1']);
const E1 = 'us-east-1';

describe('RDS collectors', () => {
  it('reads instances with the fields the backup and encryption checks need', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        {
          DBInstanceIdentifier: 'portal',
          DBInstanceArn: 'arn:aws:rds:us-east-1:111122223333:db:portal',
          Engine: 'postgres',
          EngineVersion: '14.12',
          StorageEncrypted: false,
          PubliclyAccessible: false,
          MultiAZ: false,
          BackupRetentionPeriod: 1,
          DeletionProtection: false,
          AutoMinorVersionUpgrade: true,
          DBParameterGroups: [{ DBParameterGroupName: 'pg14', ParameterApplyStatus: 'in-sync' }],
          EnabledCloudwatchLogsExports: ['postgresql'],
          DBSubnetGroup: { VpcId: 'vpc-1', Subnets: [{ SubnetIdentifier: 'subnet-a' }] },
          TagList: [{ Key: 'phi', Value: 'true' }],
        },
      ],
    });
    const r = await collection().regional('rds.instances', E1);
    expect(r.ok && r.value[0]).toMatchObject({
      id: 'portal',
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      parameterGroups: ['pg14'],
      enabledLogExports: ['postgresql'],
      subnetIds: ['subnet-a'],
      tags: { phi: 'true' },
    });
  });

  it('reads each parameter group once for its TLS setting, paging through every parameter', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        { DBInstanceIdentifier: 'a', Engine: 'postgres', DBParameterGroups: [{ DBParameterGroupName: 'pg14' }] },
        { DBInstanceIdentifier: 'b', Engine: 'postgres', DBParameterGroups: [{ DBParameterGroupName: 'pg14' }] },
      ],
    });
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    rds
      .on(DescribeDBParametersCommand)
      .resolvesOnce({ Parameters: [{ ParameterName: 'max_connections', ParameterValue: '100' }], Marker: 'next' })
      .resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '0', Source: 'user' }] });
    const r = await collection().regional('rds.tlsParameters', E1);
    expect(rds.commandCalls(DescribeDBParametersCommand)).toHaveLength(2);
    expect(r).toEqual({ ok: true, value: { 'instance:pg14': { ok: true, value: { group: 'pg14', kind: 'instance', forceSsl: '0', requireSecureTransport: null } } } });
  });

  it('asks for the restore attribute of manual snapshots only', async () => {
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        { DBSnapshotIdentifier: 'manual-1', DBSnapshotArn: 'arn:aws:rds:us-east-1:111122223333:snapshot:manual-1', SnapshotType: 'manual', Encrypted: false },
        { DBSnapshotIdentifier: 'rds:auto-1', SnapshotType: 'automated', Encrypted: true },
      ],
    });
    rds.on(DescribeDBSnapshotAttributesCommand).resolves({
      DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'manual-1', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] },
    });
    const r = await collection().regional('rds.snapshots', E1);
    expect(rds.commandCalls(DescribeDBSnapshotAttributesCommand)).toHaveLength(1);
    expect(r.ok && r.value.map((s) => [s.id, s.public])).toEqual([
      ['manual-1', { ok: true, value: true }],
      ['rds:auto-1', { ok: true, value: false }],
    ]);
  });
});

describe('RDS cluster snapshots', () => {
  it('reads Aurora and Multi-AZ cluster snapshots, their encryption, and the restore attribute of manual ones', async () => {
    rds.on(DescribeDBClusterSnapshotsCommand).resolves({
      DBClusterSnapshots: [
        {
          DBClusterSnapshotIdentifier: 'claims-before-upgrade',
          DBClusterSnapshotArn: 'arn:aws:rds:us-east-1:111122223333:cluster-snapshot:claims-before-upgrade',
          DBClusterIdentifier: 'claims',
          SnapshotType: 'manual',
          StorageEncrypted: false,
          Engine: 'aurora-postgresql',
          SnapshotCreateTime: new Date('2026-10-01T00:00:00Z'),
        },
        { DBClusterSnapshotIdentifier: 'rds:claims-2026-11-23', DBClusterIdentifier: 'claims', SnapshotType: 'automated', StorageEncrypted: true, Engine: 'aurora-postgresql' },
      ],
    });
    rds.on(DescribeDBClusterSnapshotAttributesCommand).resolves({
      DBClusterSnapshotAttributesResult: {
        DBClusterSnapshotIdentifier: 'claims-before-upgrade',
        DBClusterSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all', '444455556666'] }],
      },
    });
    const r = await collection().regional('rds.clusterSnapshots', E1);
    expect(rds.commandCalls(DescribeDBClusterSnapshotAttributesCommand)).toHaveLength(1);
    expect(r.ok && r.value).toEqual([
      {
        id: 'claims-before-upgrade',
        arn: 'arn:aws:rds:us-east-1:111122223333:cluster-snapshot:claims-before-upgrade',
        clusterId: 'claims',
        type: 'manual',
        encrypted: false,
        engine: 'aurora-postgresql',
        createdAt: '2026-10-01T00:00:00.000Z',
        public: { ok: true, value: true },
      },
      { id: 'rds:claims-2026-11-23', arn: '', clusterId: 'claims', type: 'automated', encrypted: true, engine: 'aurora-postgresql', createdAt: null, public: { ok: true, value: false } },
    ]);
  });
  it('names rds:DescribeDBClusterSnapshots when refused', async () => {
    rds.on(DescribeDBClusterSnapshotsCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    const r = await collection().regional('rds.clusterSnapshots', E1);
    expect(!r.ok && r.error.action).toBe('rds:DescribeDBClusterSnapshots');
  });
});

describe('DynamoDB collector', () => {
  it('reads encryption, PITR and tags, and tells a customer key from the AWS managed one through KMS', async () => {
    ddb.on(ListTablesCommand).resolves({ TableNames: ['appointments', 'sessions'] });
    ddb.on(DescribeTableCommand, { TableName: 'appointments' }).resolves({
      Table: { TableName: 'appointments', TableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/appointments', DeletionProtectionEnabled: false },
    });
    ddb.on(DescribeTableCommand, { TableName: 'sessions' }).resolves({
      Table: {
        TableName: 'sessions',
        TableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/sessions',
        SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/aws-managed' },
      },
    });
    ddb.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });
    ddb.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: 'phi', Value: 'true' }] });
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'aws-managed', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/aws-managed' }] });
    kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/aws/dynamodb', TargetKeyId: 'aws-managed' }] });
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'aws-managed', Arn: 'arn:aws:kms:us-east-1:111122223333:key/aws-managed', KeyManager: 'AWS', KeyState: 'Enabled' } });
    const r = await collection().regional('dynamodb.tables', E1);
    expect(r.ok && r.value).toMatchObject([
      { name: 'appointments', sseType: 'AES256-owned', pitr: { ok: true, value: false }, deletionProtection: false, tags: { ok: true, value: { phi: 'true' } } },
      { name: 'sessions', sseType: 'KMS-aws' },
    ]);
  });

  it('makes PITR unknown for a table when DescribeContinuousBackups is denied', async () => {
    ddb.on(ListTablesCommand).resolves({ TableNames: ['appointments'] });
    ddb.on(DescribeTableCommand).resolves({ Table: { TableName: 'appointments', TableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/appointments' } });
    ddb.on(DescribeContinuousBackupsCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
    ddb.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
    kms.on(ListKeysCommand).resolves({ Keys: [] });
    kms.on(ListAliasesCommand).resolves({ Aliases: [] });
    const r = await collection().regional('dynamodb.tables', E1);
    expect(r.ok && r.value[0]?.pitr).toMatchObject({ ok: false, error: { kind: 'access', action: 'dynamodb:DescribeContinuousBackups' } });
  });
});

describe('EFS collector', () => {
  it('reads encryption and tags, and a file system without a backup policy reads DISABLED', async () => {
    efs.on(DescribeFileSystemsCommand).resolves({
      FileSystems: [
        {
          FileSystemId: 'fs-1',
          FileSystemArn: 'arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1',
          Encrypted: true,
          KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k1',
          Tags: [{ Key: 'Name', Value: 'scans' }],
          CreationToken: 't',
          CreationTime: new Date(),
          LifeCycleState: 'available',
          NumberOfMountTargets: 1,
          OwnerId: '111122223333',
          PerformanceMode: 'generalPurpose',
          SizeInBytes: { Value: 1 },
        },
      ],
    });
    efs.on(DescribeBackupPolicyCommand).rejects(new PolicyNotFound({ message: 'no backup policy', $metadata: {}, ErrorCode: 'PolicyNotFound' }));
    const r = await collection().regional('efs.fileSystems', E1);
    expect(r.ok && r.value[0]).toMatchObject({ id: 'fs-1', encrypted: true, tags: { Name: 'scans' }, backupPolicy: { ok: true, value: 'DISABLED' } });
  });
});

describe('KMS collector', () => {
  it('reads rotation and policy for enabled customer keys only, and keeps a refused DescribeKey on the key', async () => {
    kms.on(ListKeysCommand).resolves({
      Keys: [
        { KeyId: 'cmk', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/cmk' },
        { KeyId: 'aws', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/aws' },
        { KeyId: 'locked', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/locked' },
      ],
    });
    kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/phi', TargetKeyId: 'cmk' }] });
    kms.on(DescribeKeyCommand, { KeyId: 'cmk' }).resolves({
      KeyMetadata: { KeyId: 'cmk', Arn: 'arn:aws:kms:us-east-1:111122223333:key/cmk', KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' },
    });
    kms.on(DescribeKeyCommand, { KeyId: 'aws' }).resolves({ KeyMetadata: { KeyId: 'aws', KeyManager: 'AWS', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } });
    kms.on(DescribeKeyCommand, { KeyId: 'locked' }).rejects(awsError('AccessDeniedException', 'User is not authorized to perform: kms:DescribeKey'));
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }), PolicyName: 'default' });
    const r = await collection().regional('kms.keys', E1);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual(['cmk']);
    expect(kms.commandCalls(GetKeyPolicyCommand).map((c) => c.args[0].input)).toEqual([{ KeyId: 'cmk', PolicyName: 'default' }]);
    expect(r.ok && r.value).toMatchObject([
      { id: 'cmk', aliases: ['alias/phi'], manager: 'CUSTOMER', rotation: { ok: true, value: false } },
      { id: 'aws', manager: 'AWS', rotation: { ok: true, value: null } },
      { id: 'locked', manager: null, error: { kind: 'access', action: 'kms:DescribeKey' } },
    ]);
  });
});

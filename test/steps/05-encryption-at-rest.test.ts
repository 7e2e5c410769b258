import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src/engine/state.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, denied, state } from '../helpers/state.js';
import { bucket, kmsKey, rdsInstance, trail } from './02-fixtures.js';

const E1 = 'us-east-1';
const W2 = 'us-west-2';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`;

describe('s3-default-encryption', () => {
  it('passes SSE-S3 and SSE-KMS buckets', async () => {
    const f = await runCheckById('s3-default-encryption', state({ global: { 's3.buckets': [bucket('a'), bucket('b', { encryption: ok({ algorithm: 'aws:kms', kmsKeyId: KEY, bucketKeyEnabled: true }) })] } }));
    expect(f.status).toBe('pass');
  });
  it('fails a bucket without default encryption', async () => {
    const f = await runCheckById('s3-default-encryption', state({ global: { 's3.buckets': [bucket('old', { encryption: ok(null) })] } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/old \(us-east-1\)/);
  });
  it('is unknown when GetBucketEncryption is denied', async () => {
    const f = await runCheckById('s3-default-encryption', state({ global: { 's3.buckets': [bucket('a', { encryption: err(denied('s3:GetEncryptionConfiguration')) })] } }));
    expect(f.status).toBe('unknown');
  });
});

describe('s3-phi-cmk', () => {
  const phi = (enc: unknown) => bucket('records', { tags: ok({ phi: 'true' }), encryption: ok(enc as never) });
  it('passes a PHI bucket on a customer managed key', async () => {
    const f = await runCheckById('s3-phi-cmk', state({ global: { 's3.buckets': [phi({ algorithm: 'aws:kms', kmsKeyId: KEY, bucketKeyEnabled: true })] }, regional: { [E1]: { 'kms.keys': [kmsKey('k1', { aliases: ['alias/phi'] })] } } }));
    expect(f.status).toBe('pass');
    expect(f.message).toBe('Every ePHI bucket is encrypted with a customer managed KMS key (1 ePHI bucket checked).');
  });
  it('fails SSE-S3 and the AWS managed key', async () => {
    const f1 = await runCheckById('s3-phi-cmk', state({ global: { 's3.buckets': [phi({ algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false })] }, regional: { [E1]: { 'kms.keys': [] } } }));
    expect(f1.status).toBe('fail');
    expect(f1.resources[0]?.detail).toMatch(/SSE-S3/);
    const f2 = await runCheckById('s3-phi-cmk', state({ global: { 's3.buckets': [phi({ algorithm: 'aws:kms', kmsKeyId: null, bucketKeyEnabled: false })] }, regional: { [E1]: { 'kms.keys': [] } } }));
    expect(f2.status).toBe('fail');
  });
  it('is unknown when KMS keys cannot be listed', async () => {
    const f = await runCheckById('s3-phi-cmk', state({ global: { 's3.buckets': [phi({ algorithm: 'aws:kms', kmsKeyId: KEY, bucketKeyEnabled: true })] }, regional: { [E1]: { 'kms.keys': denied('kms:ListKeys') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['kms:ListKeys']);
  });
});

describe('ebs-default-encryption', () => {
  it('passes when on everywhere', async () => {
    expect((await runCheckById('ebs-default-encryption', state({ regional: { [E1]: { 'ec2.ebsDefaultEncryption': { enabled: true } }, [W2]: { 'ec2.ebsDefaultEncryption': { enabled: true } } } }))).status).toBe('pass');
  });
  it('fails naming the region where it is off', async () => {
    const f = await runCheckById('ebs-default-encryption', state({ regional: { [E1]: { 'ec2.ebsDefaultEncryption': { enabled: true } }, [W2]: { 'ec2.ebsDefaultEncryption': { enabled: false } } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toBe('EBS encryption by default is off in us-west-2.');
  });
  it('is unknown for an opt-in region that is not enabled', async () => {
    const notEnabled = { code: 'OptInRequired', kind: 'not-enabled' as const, message: 'the region or service is not enabled for this account (OptInRequired)', action: 'ec2:GetEbsEncryptionByDefault' };
    const f = await runCheckById('ebs-default-encryption', state({ regional: { [E1]: { 'ec2.ebsDefaultEncryption': { enabled: true } }, 'ap-east-1': { 'ec2.ebsDefaultEncryption': notEnabled } } }));
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/ap-east-1/);
  });
});

describe('EBS volumes and snapshots', () => {
  const vol = (encrypted: boolean) => ({ id: 'vol-1', encrypted, kmsKeyId: null, state: 'in-use', sizeGiB: 60, attachedTo: ['i-1'], tags: { Name: 'billing' } });
  const snap = (encrypted: boolean) => ({ id: 'snap-1', volumeId: 'vol-1', encrypted, startTime: null, description: '', tags: {} });
  it('volumes: pass, fail, unknown', async () => {
    expect((await runCheckById('ebs-volumes-encrypted', state({ regional: { [E1]: { 'ec2.volumes': [vol(true)] } } }))).status).toBe('pass');
    const f = await runCheckById('ebs-volumes-encrypted', state({ regional: { [E1]: { 'ec2.volumes': [vol(false)] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toBe('Volume vol-1 (billing) in us-east-1 (60 GiB, attached to i-1) is not encrypted.');
    expect((await runCheckById('ebs-volumes-encrypted', state({ regional: { [E1]: { 'ec2.volumes': denied('ec2:DescribeVolumes') } } }))).status).toBe('unknown');
  });
  it('snapshots: pass, fail, unknown', async () => {
    expect((await runCheckById('ebs-snapshots-encrypted', state({ regional: { [E1]: { 'ec2.snapshots': [snap(true)] } } }))).status).toBe('pass');
    expect((await runCheckById('ebs-snapshots-encrypted', state({ regional: { [E1]: { 'ec2.snapshots': [snap(false)] } } }))).status).toBe('fail');
    expect((await runCheckById('ebs-snapshots-encrypted', state({ regional: { [E1]: { 'ec2.snapshots': denied('ec2:DescribeSnapshots') } } }))).status).toBe('unknown');
  });
});

describe('RDS encryption', () => {
  const snap = (encrypted: boolean) => ({ id: 'before-upgrade', arn: 'arn:aws:rds:us-east-1:1:snapshot:before-upgrade', instanceId: 'db', type: 'manual', encrypted, engine: 'postgres', createdAt: null, public: ok(false) });
  it('instances: pass, fail, unknown', async () => {
    expect((await runCheckById('rds-encrypted', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db')], 'rds.clusters': [] } } }))).status).toBe('pass');
    const f = await runCheckById('rds-encrypted', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db', { storageEncrypted: false })], 'rds.clusters': [] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/db \(us-east-1\)/);
    expect((await runCheckById('rds-encrypted', state({ regional: { [E1]: { 'rds.instances': denied('rds:DescribeDBInstances'), 'rds.clusters': [] } } }))).status).toBe('unknown');
  });
  it('snapshots: pass, fail, unknown', async () => {
    expect((await runCheckById('rds-snapshots-encrypted', state({ regional: { [E1]: { 'rds.snapshots': [snap(true)], 'rds.clusterSnapshots': [] } } }))).status).toBe('pass');
    expect((await runCheckById('rds-snapshots-encrypted', state({ regional: { [E1]: { 'rds.snapshots': [snap(false)], 'rds.clusterSnapshots': [] } } }))).status).toBe('fail');
    expect((await runCheckById('rds-snapshots-encrypted', state({ regional: { [E1]: { 'rds.snapshots': denied('rds:DescribeDBSnapshots'), 'rds.clusterSnapshots': [] } } }))).status).toBe('unknown');
  });
  it('cluster snapshots: an unencrypted Aurora cluster snapshot fails', async () => {
    const cs = { id: 'rds:claims-2026-11-23', arn: 'arn:aws:rds:us-east-1:1:cluster-snapshot:rds:claims-2026-11-23', clusterId: 'claims', type: 'automated', encrypted: false, engine: 'aurora-mysql', createdAt: null, public: ok(false) };
    const f = await runCheckById('rds-snapshots-encrypted', state({ regional: { [E1]: { 'rds.snapshots': [snap(true)], 'rds.clusterSnapshots': [cs] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources.find((r) => r.status === 'fail')?.detail).toBe('Automated cluster snapshot rds:claims-2026-11-23 of claims in us-east-1 is not encrypted.');
    expect((await runCheckById('rds-snapshots-encrypted', state({ regional: { [E1]: { 'rds.snapshots': [], 'rds.clusterSnapshots': [{ ...cs, encrypted: true }] } } }))).status).toBe('pass');
  });
});

describe('dynamodb-encryption-cmk', () => {
  const table = (name: string, sseType: 'AES256-owned' | 'KMS-aws' | 'KMS-customer', tags: Record<string, string>) => ({
    name,
    arn: `arn:aws:dynamodb:us-east-1:1:table/${name}`,
    sseType,
    kmsKeyArn: sseType === 'KMS-customer' ? KEY : null,
    pitr: ok(true),
    deletionProtection: true,
    tags: ok(tags),
  });
  it('passes when the PHI table uses a customer key (other tables ignored)', async () => {
    const f = await runCheckById('dynamodb-encryption-cmk', state({ regional: { [E1]: { 'dynamodb.tables': [table('appointments', 'KMS-customer', { phi: 'true' }), table('sessions', 'AES256-owned', {})] } } }));
    expect(f.status).toBe('pass');
    expect(f.resources).toHaveLength(1);
  });
  it('fails a PHI table on the AWS owned key', async () => {
    const f = await runCheckById('dynamodb-encryption-cmk', state({ regional: { [E1]: { 'dynamodb.tables': [table('appointments', 'AES256-owned', { phi: 'true' })] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/1 ePHI table uses a key AWS manages: appointments \(us-east-1\)/);
  });
  it('is unknown when tables cannot be listed', async () => {
    expect((await runCheckById('dynamodb-encryption-cmk', state({ regional: { [E1]: { 'dynamodb.tables': denied('dynamodb:ListTables') } } }))).status).toBe('unknown');
  });
});

describe('efs-encrypted', () => {
  const fs = (encrypted: boolean) => ({ id: 'fs-1', arn: 'arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1', name: 'scans', encrypted, kmsKeyId: null, backupPolicy: ok('ENABLED' as const), tags: {} });
  it('pass, fail, unknown', async () => {
    expect((await runCheckById('efs-encrypted', state({ regional: { [E1]: { 'efs.fileSystems': [fs(true)] } } }))).status).toBe('pass');
    const f = await runCheckById('efs-encrypted', state({ regional: { [E1]: { 'efs.fileSystems': [fs(false)] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toBe('File system fs-1 (scans) in us-east-1 is not encrypted at rest.');
    expect((await runCheckById('efs-encrypted', state({ regional: { [E1]: { 'efs.fileSystems': denied('elasticfilesystem:DescribeFileSystems') } } }))).status).toBe('unknown');
  });
});

describe('cloudtrail-kms and log-group-kms', () => {
  const group = (kmsKeyId: string | null) => ({ name: 'app', arn: 'arn:aws:logs:us-east-1:1:log-group:app', retentionDays: 30, kmsKeyId, storedBytes: 0, createdAt: null });
  it('cloudtrail-kms: pass, fail, unknown', async () => {
    expect((await runCheckById('cloudtrail-kms', state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main', { kmsKeyId: KEY })] } } }))).status).toBe('pass');
    const f = await runCheckById('cloudtrail-kms', state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/Trail main \(home us-east-1\) does not encrypt/);
    expect((await runCheckById('cloudtrail-kms', state({ regional: { [E1]: { 'cloudtrail.trails': denied('cloudtrail:DescribeTrails') } } }))).status).toBe('unknown');
  });
  it('log-group-kms: pass, fail, unknown', async () => {
    expect((await runCheckById('log-group-kms', state({ regional: { [E1]: { 'logs.logGroups': [group(KEY)] } } }))).status).toBe('pass');
    expect((await runCheckById('log-group-kms', state({ regional: { [E1]: { 'logs.logGroups': [group(null)] } } }))).status).toBe('fail');
    expect((await runCheckById('log-group-kms', state({ regional: { [E1]: { 'logs.logGroups': denied('logs:DescribeLogGroups') } } }))).status).toBe('unknown');
  });
});

describe('kms-rotation', () => {
  it('passes rotating keys and skips keys where rotation does not apply', async () => {
    const f = await runCheckById('kms-rotation', state({ regional: { [E1]: { 'kms.keys': [kmsKey('k1'), kmsKey('k2', { keySpec: 'RSA_2048', rotation: ok(null) })] } } }));
    expect(f.status).toBe('pass');
    expect(f.resources).toHaveLength(1);
  });
  it('fails a key that never rotates', async () => {
    const f = await runCheckById('kms-rotation', state({ regional: { [E1]: { 'kms.keys': [kmsKey('k1', { aliases: ['alias/backup'], rotation: ok(false) })] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/alias\/backup \(k1\) in us-east-1/);
  });
  it('is unknown when GetKeyRotationStatus is denied', async () => {
    const f = await runCheckById('kms-rotation', state({ regional: { [E1]: { 'kms.keys': [kmsKey('k1', { rotation: err(denied('kms:GetKeyRotationStatus')) })] } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['kms:GetKeyRotationStatus']);
  });
});

describe('kms-key-separation', () => {
  const root = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
  const admin = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dana` }, Action: ['kms:Put*', 'kms:ScheduleKeyDeletion'], Resource: '*' };
  const users = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' };
  it('passes when administrators and users differ (root delegation ignored)', async () => {
    const k = kmsKey('k1', { policy: ok({ Version: '2012-10-17', Statement: [root, admin, users] }) });
    expect((await runCheckById('kms-key-separation', state({ regional: { [E1]: { 'kms.keys': [k] } } }))).status).toBe('pass');
  });
  it('fails when one principal has kms:*', async () => {
    const both = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dana` }, Action: 'kms:*', Resource: '*' };
    const k = kmsKey('k1', { policy: ok({ Version: '2012-10-17', Statement: [root, both] }) });
    const f = await runCheckById('kms-key-separation', state({ regional: { [E1]: { 'kms.keys': [k] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/lets user\/dana both administer the key and decrypt with it/);
  });
  it('is unknown when the key policy is denied', async () => {
    const k = kmsKey('k1', { policy: err(denied('kms:GetKeyPolicy')) });
    const f = await runCheckById('kms-key-separation', state({ regional: { [E1]: { 'kms.keys': [k] } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['kms:GetKeyPolicy']);
  });
});

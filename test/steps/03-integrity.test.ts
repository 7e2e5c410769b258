import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src/engine/state.js';
import { runCheckById } from '../helpers/run-check.js';
import { daysAgo, denied, state } from '../helpers/state.js';
import { bucket, kmsKey, loadBalancer, rdsInstance, trail } from './02-fixtures.js';

const E1 = 'us-east-1';

describe('trail-log-validation', () => {
  it('passes when every trail validates its files', async () => {
    expect((await runCheckById('trail-log-validation', state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } } }))).status).toBe('pass');
  });
  it('fails a trail without validation, naming it and its home region', async () => {
    const f = await runCheckById('trail-log-validation', state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main', { logFileValidation: false })] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/trail main \(home us-east-1\)/);
  });
  it('is unknown when trails cannot be listed', async () => {
    const f = await runCheckById('trail-log-validation', state({ regional: { [E1]: { 'cloudtrail.trails': denied('cloudtrail:DescribeTrails') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['cloudtrail:DescribeTrails']);
  });
});

describe('s3-versioning', () => {
  const phi = (o = {}) => bucket('records', { tags: ok({ phi: 'true' }), ...o });
  it('passes when PHI and log buckets keep versions', async () => {
    const s = state({
      global: { 's3.buckets': [phi({ versioning: ok({ status: 'Enabled', mfaDelete: false }) }), bucket('trail-logs', { versioning: ok({ status: 'Enabled', mfaDelete: false }) }), bucket('scratch')] },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } },
    });
    const f = await runCheckById('s3-versioning', s);
    expect(f.status).toBe('pass');
    expect(f.resources.map((r) => r.id)).toEqual(['arn:aws:s3:::records', 'arn:aws:s3:::trail-logs']);
  });
  it('fails a log bucket with versioning suspended', async () => {
    const s = state({
      global: { 's3.buckets': [phi({ versioning: ok({ status: 'Enabled', mfaDelete: false }) }), bucket('trail-logs', { versioning: ok({ status: 'Suspended', mfaDelete: false }) })] },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } },
    });
    const f = await runCheckById('s3-versioning', s);
    expect(f.status).toBe('fail');
    expect(f.resources.find((r) => r.status === 'fail')?.detail).toMatch(/Log bucket trail-logs in us-east-1 has versioning suspended/);
  });
  it('is unknown when versioning is denied', async () => {
    const s = state({ global: { 's3.buckets': [phi({ versioning: err(denied('s3:GetBucketVersioning')) })] }, regional: { [E1]: { 'cloudtrail.trails': [] } } });
    const f = await runCheckById('s3-versioning', s);
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetBucketVersioning']);
  });
});

describe('s3-object-lock', () => {
  it('passes for an evidence bucket locked for seven years', async () => {
    const b = bucket('evidence', { tags: ok({ purpose: 'evidence' }), objectLock: ok({ enabled: true, mode: 'COMPLIANCE', days: null, years: 7 }) });
    const f = await runCheckById('s3-object-lock', state({ global: { 's3.buckets': [b] }, regional: { [E1]: { 'cloudtrail.trails': [] } } }));
    expect(f.status).toBe('pass');
    expect(f.message).toBe('Every audit and evidence bucket locks its objects by default (1 bucket checked).');
  });
  it('fails the CloudTrail bucket without Object Lock', async () => {
    const f = await runCheckById('s3-object-lock', state({ global: { 's3.buckets': [bucket('trail-logs')] }, regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/trail-logs \(us-east-1\)/);
  });
  it('is unknown when the lock configuration is denied', async () => {
    const b = bucket('trail-logs', { objectLock: err(denied('s3:GetBucketObjectLockConfiguration')) });
    const f = await runCheckById('s3-object-lock', state({ global: { 's3.buckets': [b] }, regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } } }));
    expect(f.status).toBe('unknown');
  });
});

describe('kms-pending-deletion', () => {
  it('passes when customer keys are enabled (AWS managed keys ignored)', async () => {
    const f = await runCheckById('kms-pending-deletion', state({ regional: { [E1]: { 'kms.keys': [kmsKey('k1'), kmsKey('aws1', { manager: 'AWS' })] } } }));
    expect(f.status).toBe('pass');
    expect(f.resources).toHaveLength(1);
  });
  it('fails a key pending deletion, with the date and days left', async () => {
    const k = kmsKey('k1', { aliases: ['alias/phi'], state: 'PendingDeletion', deletionDate: '2026-11-30T12:00:00.000Z' });
    const f = await runCheckById('kms-pending-deletion', state({ regional: { [E1]: { 'kms.keys': [k] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/alias\/phi \(k1\) in us-east-1 will be deleted on 2026-11-30 \(6 days from now\)/);
  });
  it('is unknown when DescribeKey was refused for a key', async () => {
    const k = kmsKey('k1', { manager: null, state: null, error: denied('kms:DescribeKey') });
    const f = await runCheckById('kms-pending-deletion', state({ regional: { [E1]: { 'kms.keys': [k] } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['kms:DescribeKey']);
  });
});

describe('rds-deletion-protection', () => {
  const cluster = { id: 'aurora', arn: 'arn:aws:rds:us-east-1:1:cluster:aurora', engine: 'aurora-postgresql', engineVersion: '16', storageEncrypted: true, kmsKeyId: null, deletionProtection: false, backupRetentionPeriod: 7, multiAZ: true, parameterGroup: null, enabledLogExports: [], members: ['aurora-1'], tags: {} };
  it('passes for a protected instance (cluster members judged by their cluster)', async () => {
    const f = await runCheckById('rds-deletion-protection', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db')], 'rds.clusters': [] } } }));
    expect(f.status).toBe('pass');
  });
  it('fails an unprotected cluster', async () => {
    const f = await runCheckById('rds-deletion-protection', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('aurora-1', { clusterId: 'aurora' })], 'rds.clusters': [cluster] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/aurora \(us-east-1\)/);
  });
  it('is unknown when both listings are denied', async () => {
    const f = await runCheckById('rds-deletion-protection', state({ regional: { [E1]: { 'rds.instances': denied('rds:DescribeDBInstances'), 'rds.clusters': denied('rds:DescribeDBClusters') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['rds:DescribeDBInstances', 'rds:DescribeDBClusters']);
  });
});

describe('dynamodb-deletion-protection', () => {
  const table = (deletionProtection: boolean) => ({ name: 'appointments', arn: 'arn:aws:dynamodb:us-east-1:1:table/appointments', sseType: 'AES256-owned' as const, kmsKeyArn: null, pitr: ok(true), deletionProtection, tags: ok({ phi: 'true' }) });
  it('passes when protected', async () => {
    expect((await runCheckById('dynamodb-deletion-protection', state({ regional: { [E1]: { 'dynamodb.tables': [table(true)] } } }))).status).toBe('pass');
  });
  it('fails when not, marking the table as ePHI', async () => {
    const f = await runCheckById('dynamodb-deletion-protection', state({ regional: { [E1]: { 'dynamodb.tables': [table(false)] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toMatch(/Table appointments \(ePHI\) in us-east-1/);
  });
  it('is unknown when tables cannot be listed', async () => {
    expect((await runCheckById('dynamodb-deletion-protection', state({ regional: { [E1]: { 'dynamodb.tables': denied('dynamodb:ListTables') } } }))).status).toBe('unknown');
  });
});

describe('elb-deletion-protection', () => {
  it('passes when protected', async () => {
    expect((await runCheckById('elb-deletion-protection', state({ regional: { [E1]: { 'elbv2.loadBalancers': [loadBalancer('web')] } } }))).status).toBe('pass');
  });
  it('fails when not', async () => {
    const lb = loadBalancer('web', { attributes: ok({ accessLogs: true, accessLogsBucket: 'x', deletionProtection: false }) });
    const f = await runCheckById('elb-deletion-protection', state({ regional: { [E1]: { 'elbv2.loadBalancers': [lb] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/web \(us-east-1\)/);
  });
  it('is unknown when attributes are denied', async () => {
    const lb = loadBalancer('web', { attributes: err(denied('elasticloadbalancing:DescribeLoadBalancerAttributes')) });
    expect((await runCheckById('elb-deletion-protection', state({ regional: { [E1]: { 'elbv2.loadBalancers': [lb] } } }))).status).toBe('unknown');
  });
});

it('ages keys against the evaluation clock, not the wall clock', async () => {
  const k = kmsKey('k1', { state: 'PendingDeletion', deletionDate: daysAgo(-10) });
  const f = await runCheckById('kms-pending-deletion', state({ regional: { [E1]: { 'kms.keys': [k] } } }));
  expect(f.message).toMatch(/10 days from now/);
});

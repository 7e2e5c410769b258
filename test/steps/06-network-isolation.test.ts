import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../src/state/ec2.js';
import { err, ok } from '../../src/engine/state.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, denied, state } from '../helpers/state.js';
import { bucket, FULL_BLOCK, rdsInstance, rule, sg } from './02-fixtures.js';

const E1 = 'us-east-1';
const W2 = 'us-west-2';

describe('s3-account-public-access', () => {
  it('passes with all four settings on', async () => {
    expect((await runCheckById('s3-account-public-access', state({ global: { 's3control.publicAccessBlock': FULL_BLOCK } }))).status).toBe('pass');
  });
  it('fails when none is configured, and names the flags that are off when partial', async () => {
    const f = await runCheckById('s3-account-public-access', state({ global: { 's3control.publicAccessBlock': null } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/Account 111122223333 has no account-level S3 Block Public Access/);
    const p = await runCheckById('s3-account-public-access', state({ global: { 's3control.publicAccessBlock': { ...FULL_BLOCK, restrictPublicBuckets: false } } }));
    expect(p.message).toMatch(/RestrictPublicBuckets is off/);
  });
  it('is unknown when GetPublicAccessBlock is denied', async () => {
    const f = await runCheckById('s3-account-public-access', state({ global: { 's3control.publicAccessBlock': denied('s3:GetAccountPublicAccessBlock') } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetAccountPublicAccessBlock']);
  });
});

describe('s3-bucket-public-access', () => {
  it('passes a bucket without its own block when the account blocks everything', async () => {
    const f = await runCheckById('s3-bucket-public-access', state({ global: { 's3.buckets': [bucket('uploads', { publicAccessBlock: ok(null) })], 's3control.publicAccessBlock': FULL_BLOCK } }));
    expect(f.status).toBe('pass');
    expect(f.resources[0]?.detail).toMatch(/covered by the account-wide/);
  });
  it('fails a bucket with no block when the account has none either', async () => {
    const f = await runCheckById('s3-bucket-public-access', state({ global: { 's3.buckets': [bucket('uploads', { publicAccessBlock: ok(null) })], 's3control.publicAccessBlock': null } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/uploads \(us-east-1\)/);
  });
  it('is unknown when the bucket setting is denied', async () => {
    const b = bucket('uploads', { publicAccessBlock: err(denied('s3:GetBucketPublicAccessBlock')) });
    expect((await runCheckById('s3-bucket-public-access', state({ global: { 's3.buckets': [b], 's3control.publicAccessBlock': null } }))).status).toBe('unknown');
  });
});

describe('s3-public-buckets', () => {
  it('passes a private bucket, and a public policy neutralised by RestrictPublicBuckets', async () => {
    const b = bucket('site', { policyStatus: ok({ isPublic: true }) });
    expect((await runCheckById('s3-public-buckets', state({ global: { 's3.buckets': [b], 's3control.publicAccessBlock': null } }))).status).toBe('pass');
  });
  it('fails a bucket whose policy and ACL are public', async () => {
    const b = bucket('site', { policyStatus: ok({ isPublic: true }), publicAccessBlock: ok(null), acl: ok({ publicGrants: ['AllUsers: READ'] }) });
    const f = await runCheckById('s3-public-buckets', state({ global: { 's3.buckets': [b], 's3control.publicAccessBlock': null } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/site in us-east-1 is public through its bucket policy and its ACL \(AllUsers: READ\)/);
  });
  it('is unknown when the policy status is denied', async () => {
    const b = bucket('site', { policyStatus: err(denied('s3:GetBucketPolicyStatus')) });
    expect((await runCheckById('s3-public-buckets', state({ global: { 's3.buckets': [b], 's3control.publicAccessBlock': null } }))).status).toBe('unknown');
  });
});

describe('security groups', () => {
  const world = { ipv4: ['0.0.0.0/0'] };
  const groups = (g: ReturnType<typeof sg>[]) => state({ regional: { [E1]: { 'ec2.securityGroups': g } } });
  it('admin ports: SSH from the world fails, from an office range passes', async () => {
    const f = await runCheckById('sg-open-admin-ports', groups([sg('sg-web', [rule('tcp', 22, 22, world)])]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/sg-web \(group-sg-web, vpc-1\) in us-east-1 allows SSH \(22\) from 0.0.0.0\/0/);
    expect((await runCheckById('sg-open-admin-ports', groups([sg('sg-web', [rule('tcp', 22, 22, { ipv4: ['203.0.113.10/32'] })])]))).status).toBe('pass');
  });
  it('database ports: PostgreSQL from ::/0 fails, from a group passes', async () => {
    const f = await runCheckById('sg-open-database-ports', groups([sg('sg-db', [rule('tcp', 5432, 5432, { ipv6: ['::/0'] })])]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/PostgreSQL \(5432\) from ::\/0/);
    expect((await runCheckById('sg-open-database-ports', groups([sg('sg-db', [rule('tcp', 5432, 5432, { groups: ['sg-app'] })])]))).status).toBe('pass');
  });
  it('all traffic: protocol -1 from the world fails every port check', async () => {
    const g = groups([sg('sg-open', [rule('-1', null, null, world)])]);
    expect((await runCheckById('sg-open-all-traffic', g)).status).toBe('fail');
    expect((await runCheckById('sg-open-admin-ports', g)).status).toBe('fail');
    expect((await runCheckById('sg-open-all-traffic', groups([sg('sg-web', [rule('tcp', 443, 443, world)])]))).status).toBe('pass');
  });
  it('default group: rules fail, empty passes, non-default groups are ignored', async () => {
    const f = await runCheckById('default-sg-closed', groups([sg('sg-d', [rule('-1', null, null, { groups: ['sg-d'] })], { name: 'default', egress: [rule('-1', null, null, world)] })]));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toMatch(/still has 1 inbound and 1 outbound rules/);
    expect((await runCheckById('default-sg-closed', groups([sg('sg-d', [], { name: 'default' }), sg('sg-web', [rule('tcp', 22, 22, world)])]))).status).toBe('pass');
  });
  it('all four are unknown when DescribeSecurityGroups is denied', async () => {
    for (const id of ['sg-open-admin-ports', 'sg-open-database-ports', 'sg-open-all-traffic', 'default-sg-closed']) {
      const f = await runCheckById(id, state({ regional: { [E1]: { 'ec2.securityGroups': denied('ec2:DescribeSecurityGroups') } } }));
      expect(f.status).toBe('unknown');
      expect(f.missing).toEqual(['ec2:DescribeSecurityGroups']);
    }
  });
});

describe('public databases, snapshots and images', () => {
  it('rds-public: pass, fail, unknown', async () => {
    expect((await runCheckById('rds-public', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db')] } } }))).status).toBe('pass');
    const f = await runCheckById('rds-public', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db', { publiclyAccessible: true })] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/db \(us-east-1\)/);
    expect((await runCheckById('rds-public', state({ regional: { [E1]: { 'rds.instances': denied('rds:DescribeDBInstances') } } }))).status).toBe('unknown');
  });
  it('ebs-snapshots-public: pass, fail, unknown', async () => {
    expect((await runCheckById('ebs-snapshots-public', state({ regional: { [E1]: { 'ec2.publicSnapshots': [] } } }))).status).toBe('pass');
    const f = await runCheckById('ebs-snapshots-public', state({ regional: { [E1]: { 'ec2.publicSnapshots': [] }, [W2]: { 'ec2.publicSnapshots': ['snap-1'] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/snap-1 \(us-west-2\)/);
    expect((await runCheckById('ebs-snapshots-public', state({ regional: { [E1]: { 'ec2.publicSnapshots': denied('ec2:DescribeSnapshots') } } }))).status).toBe('unknown');
  });
  it('rds-snapshots-public: pass, fail, unknown (automated snapshots skipped)', async () => {
    const snap = (pub: unknown, type = 'manual') => ({ id: 'snap', arn: 'arn:aws:rds:us-east-1:1:snapshot:snap', instanceId: 'db', type, encrypted: true, engine: 'postgres', createdAt: null, public: pub as never });
    expect((await runCheckById('rds-snapshots-public', state({ regional: { [E1]: { 'rds.snapshots': [snap(ok(false))], 'rds.clusterSnapshots': [] } } }))).status).toBe('pass');
    expect((await runCheckById('rds-snapshots-public', state({ regional: { [E1]: { 'rds.snapshots': [snap(ok(true))], 'rds.clusterSnapshots': [] } } }))).status).toBe('fail');
    const u = await runCheckById('rds-snapshots-public', state({ regional: { [E1]: { 'rds.snapshots': [snap(err(denied('rds:DescribeDBSnapshotAttributes')))], 'rds.clusterSnapshots': [] } } }));
    expect(u.status).toBe('unknown');
    expect(u.missing).toEqual(['rds:DescribeDBSnapshotAttributes']);
  });
  it('rds-snapshots-public: an Aurora or Multi-AZ cluster snapshot shared with everyone fails too', async () => {
    const cs = (pub: unknown, type = 'manual') => ({ id: 'aurora-pre-upgrade', arn: 'arn:aws:rds:us-east-1:1:cluster-snapshot:aurora-pre-upgrade', clusterId: 'claims', type, encrypted: true, engine: 'aurora-postgresql', createdAt: null, public: pub as never });
    const f = await runCheckById('rds-snapshots-public', state({ regional: { [E1]: { 'rds.snapshots': [], 'rds.clusterSnapshots': [cs(ok(true))] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toBe('DB cluster snapshot aurora-pre-upgrade of claims in us-east-1 can be restored by any AWS account.');
    expect((await runCheckById('rds-snapshots-public', state({ regional: { [E1]: { 'rds.snapshots': [], 'rds.clusterSnapshots': [cs(ok(false))] } } }))).status).toBe('pass');
    const u = await runCheckById('rds-snapshots-public', state({ regional: { [E1]: { 'rds.snapshots': [], 'rds.clusterSnapshots': denied('rds:DescribeDBClusterSnapshots') } } }));
    expect(u.missing).toEqual(['rds:DescribeDBClusterSnapshots']);
  });
  it('ami-public: pass, fail, unknown', async () => {
    const ami = (pub: boolean) => ({ id: 'ami-1', name: 'portal', public: pub, createdAt: null });
    expect((await runCheckById('ami-public', state({ regional: { [E1]: { 'ec2.images': [ami(false)] } } }))).status).toBe('pass');
    expect((await runCheckById('ami-public', state({ regional: { [E1]: { 'ec2.images': [ami(true)] } } }))).status).toBe('fail');
    expect((await runCheckById('ami-public', state({ regional: { [E1]: { 'ec2.images': denied('ec2:DescribeImages') } } }))).status).toBe('unknown');
  });
});

const instance = (o: Partial<Ec2Instance> = {}): Ec2Instance => ({
  id: 'i-1',
  arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`,
  state: 'running',
  platform: 'Linux/UNIX',
  imageId: 'ami-1',
  vpcId: 'vpc-1',
  subnetId: 'subnet-pub',
  publicIp: null,
  httpTokens: 'required',
  httpEndpoint: 'enabled',
  iamInstanceProfile: null,
  securityGroups: [],
  launchTime: null,
  tags: { Name: 'web' },
  ...o,
});

describe('public addresses and routes', () => {
  const subnet = (id: string, o = {}) => ({ id, vpcId: 'vpc-1', az: 'us-east-1a', cidr: '10.0.0.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: {}, ...o });
  it('subnet-auto-public-ip: pass, fail, unknown', async () => {
    expect((await runCheckById('subnet-auto-public-ip', state({ regional: { [E1]: { 'ec2.subnets': [subnet('subnet-a')] } } }))).status).toBe('pass');
    const f = await runCheckById('subnet-auto-public-ip', state({ regional: { [E1]: { 'ec2.subnets': [subnet('subnet-a', { mapPublicIpOnLaunch: true })] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/subnet-a \(us-east-1\)/);
    expect((await runCheckById('subnet-auto-public-ip', state({ regional: { [E1]: { 'ec2.subnets': denied('ec2:DescribeSubnets') } } }))).status).toBe('unknown');
  });
  it('instance-public-ip: pass, fail (marking ePHI), unknown', async () => {
    expect((await runCheckById('instance-public-ip', state({ regional: { [E1]: { 'ec2.instances': [instance()] } } }))).status).toBe('pass');
    const f = await runCheckById('instance-public-ip', state({ regional: { [E1]: { 'ec2.instances': [instance({ publicIp: '54.1.2.3', tags: { Name: 'web', phi: 'true' } })] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toBe('Instance i-1 (web, ePHI) in us-east-1 has public IP 54.1.2.3.');
    expect((await runCheckById('instance-public-ip', state({ regional: { [E1]: { 'ec2.instances': denied('ec2:DescribeInstances') } } }))).status).toBe('unknown');
  });
  const routes = [
    { id: 'rtb-main', vpcId: 'vpc-1', main: true, subnetIds: [], routes: [{ destination: '0.0.0.0/0', target: 'nat-1', state: 'active' }] },
    { id: 'rtb-pub', vpcId: 'vpc-1', main: false, subnetIds: ['subnet-pub'], routes: [{ destination: '0.0.0.0/0', target: 'igw-1', state: 'active' }] },
  ];
  const net = (instances: Ec2Instance[], rds: unknown = []) =>
    state({ regional: { [E1]: { 'ec2.subnets': [subnet('subnet-pub'), subnet('subnet-priv')], 'ec2.routeTables': routes, 'ec2.instances': instances, 'rds.instances': rds as never } } });
  it('phi-subnet-igw-route: an ePHI instance in a private subnet passes, in a public one fails', async () => {
    const pass = await runCheckById('phi-subnet-igw-route', net([instance({ subnetId: 'subnet-priv', tags: { phi: 'true' } })]));
    expect(pass.status).toBe('pass');
    const f = await runCheckById('phi-subnet-igw-route', net([instance({ tags: { phi: 'true' } })]));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toMatch(/Subnet subnet-pub in us-east-1 \(holds ePHI instance i-1\) routes 0.0.0.0\/0 straight to internet gateway igw-1 through rtb-pub/);
  });
  it('phi-subnet-igw-route: unknown when route tables are denied', async () => {
    const s = state({ regional: { [E1]: { 'ec2.subnets': [subnet('subnet-pub')], 'ec2.routeTables': denied('ec2:DescribeRouteTables'), 'ec2.instances': [], 'rds.instances': [] } } });
    const f = await runCheckById('phi-subnet-igw-route', s);
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['ec2:DescribeRouteTables']);
  });
  it('vpc-endpoints: pass, fail, unknown', async () => {
    const vpc = { id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: {} };
    const ep = (svc: string) => ({ id: `vpce-${svc}`, vpcId: 'vpc-1', serviceName: `com.amazonaws.us-east-1.${svc}`, type: 'Gateway', state: 'available' });
    expect((await runCheckById('vpc-endpoints', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.vpcEndpoints': [ep('s3'), ep('dynamodb')], 'ec2.instances': [] } } }))).status).toBe('pass');
    const f = await runCheckById('vpc-endpoints', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.vpcEndpoints': [ep('s3')], 'ec2.instances': [] } } }));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toBe('VPC vpc-1 in us-east-1 has no endpoint for DynamoDB.');
    expect((await runCheckById('vpc-endpoints', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.vpcEndpoints': denied('ec2:DescribeVpcEndpoints'), 'ec2.instances': [] } } }))).status).toBe('unknown');
  });
});

describe('separate-accounts', () => {
  const org = (mgmt: string) => ({ id: 'o-abc', managementAccountId: mgmt, featureSet: 'ALL' });
  it('passes for a member account', async () => {
    const f = await runCheckById('separate-accounts', state({ global: { 'organizations.organization': org('999988887777'), 'organizations.accounts': denied('organizations:ListAccounts') } }));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/member of organization o-abc/);
  });
  it('fails when the account is in no organization, or alone in its own', async () => {
    expect((await runCheckById('separate-accounts', state({ global: { 'organizations.organization': null, 'organizations.accounts': [] } }))).status).toBe('fail');
    const alone = await runCheckById('separate-accounts', state({ global: { 'organizations.organization': org(ACCOUNT), 'organizations.accounts': [{ id: ACCOUNT, name: 'prod', email: 'a@example.com', status: 'ACTIVE' }] } }));
    expect(alone.status).toBe('fail');
  });
  it('is unknown for a management account that may not list accounts', async () => {
    const f = await runCheckById('separate-accounts', state({ global: { 'organizations.organization': org(ACCOUNT), 'organizations.accounts': denied('organizations:ListAccounts') } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['organizations:ListAccounts']);
  });
});

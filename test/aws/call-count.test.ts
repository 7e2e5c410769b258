/**
 * One scan of steps 2-6 over a mocked account (four buckets, three security groups, two load
 * balancers, two regions): every read call is sent at most once per resource, and a trail seen in
 * both regions is read once.
 */
import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import * as EC2 from '@aws-sdk/client-ec2';
import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import * as ELB from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListSubscriptionsCommand, SNSClient } from '@aws-sdk/client-sns';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import * as RDS from '@aws-sdk/client-rds';
import * as S3 from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPab, S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';
import { loadRegistry } from '../../src/engine/registry.js';

const ACCOUNT = '111122223333';
const REGIONS = ['us-east-1', 'us-west-2'];
const MY_STEPS = ['02-audit-controls', '03-integrity', '04-transmission-security', '05-encryption-at-rest', '06-network-isolation'];
/** Checks in these steps that belong to the backup helper and read AWS Backup, which this test does not mock. */
const OTHERS = new Set(['backup-vault-lock', 'restore-testing']);
/** Services added by issue 14, which this test does not mock: their collectors' once-per-resource reads are tested in coverage-collectors.test.ts and by the bench's synthetic account. */
const UNMOCKED = ['lambdaaccess.', 'elb.', 'redshift.', 'opensearch.', 'apigateway.', 'wafv2.', 'vpcnet.', 'messaging.', 'analytics.'];
const mocked = (c: { needs: { global?: readonly string[]; regional?: readonly string[] } }) =>
  ![...(c.needs.global ?? []), ...(c.needs.regional ?? [])].some((k) => UNMOCKED.some((p) => k.startsWith(p)));

const s3 = mockClient(S3.S3Client);
const s3control = mockClient(S3ControlClient);
const ct = mockClient(CloudTrailClient);
const logs = mockClient(CloudWatchLogsClient);
const cw = mockClient(CloudWatchClient);
const config = mockClient(ConfigServiceClient);
const ec2 = mockClient(EC2.EC2Client);
const elb = mockClient(ELB.ElasticLoadBalancingV2Client);
const rds = mockClient(RDS.RDSClient);
const kms = mockClient(KMSClient);
const sns = mockClient(SNSClient);
const ddb = mockClient(DynamoDBClient);
const efs = mockClient(EFSClient);
const cf = mockClient(CloudFrontClient);
const acm = mockClient(ACMClient);
const org = mockClient(OrganizationsClient);
const mocks: { calls(): { args: unknown[]; thisValue: unknown }[]; restore(): void }[] = [s3, s3control, ct, logs, cw, config, ec2, elb, rds, kms, sns, ddb, efs, cf, acm, org];
afterAll(() => {
  for (const m of mocks) m.restore();
});

const missing = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 404 } });

function mockAccount() {
  const buckets = ['records', 'uploads', 'trail-logs', 'site'];
  s3.on(S3.ListBucketsCommand).resolves({ Buckets: buckets.map((Name) => ({ Name })) });
  s3.on(S3.GetBucketLocationCommand).resolves({ LocationConstraint: 'us-west-2' });
  s3.on(S3.GetBucketLocationCommand, { Bucket: 'records' }).resolves({});
  s3.on(S3.GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'phi', Value: 'true' }] });
  s3.on(S3.GetBucketEncryptionCommand).rejects(missing('ServerSideEncryptionConfigurationNotFoundError'));
  s3.on(S3.GetBucketPolicyCommand).rejects(missing('NoSuchBucketPolicy'));
  s3.on(S3.GetBucketPolicyStatusCommand).rejects(missing('NoSuchBucketPolicy'));
  s3.on(S3.GetPublicAccessBlockCommand).rejects(missing('NoSuchPublicAccessBlockConfiguration'));
  s3.on(S3.GetBucketAclCommand).resolves({ Grants: [] });
  s3.on(S3.GetBucketLoggingCommand).resolves({});
  s3.on(S3.GetBucketVersioningCommand).resolves({ Status: 'Enabled' });
  s3.on(S3.GetObjectLockConfigurationCommand).rejects(missing('ObjectLockConfigurationNotFoundError'));
  s3.on(S3.GetBucketLifecycleConfigurationCommand).rejects(missing('NoSuchLifecycleConfiguration'));
  s3.on(S3.GetBucketReplicationCommand).rejects(missing('ReplicationConfigurationNotFoundError'));
  s3control.on(GetAccountPab).rejects(missing('NoSuchPublicAccessBlockConfiguration'));

  ct.on(DescribeTrailsCommand).resolves({
    trailList: [
      {
        Name: 'main',
        TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`,
        HomeRegion: 'us-east-1',
        IsMultiRegionTrail: true,
        S3BucketName: 'trail-logs',
        CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail:*`,
      },
    ],
  });
  ct.on(GetTrailStatusCommand).resolves({ IsLogging: true });
  ct.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: 'trail', arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail:*`, retentionInDays: 30 }] });
  logs.on(DescribeMetricFiltersCommand).resolves({ metricFilters: [] });
  cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] });
  config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
  config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });

  ec2.on(EC2.DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', VpcId: 'vpc-1', SubnetId: 'subnet-1', Tags: [{ Key: 'phi', Value: 'true' }] }] }] });
  ec2.on(EC2.GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false });
  ec2.on(EC2.DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [
      { GroupId: 'sg-default', GroupName: 'default', VpcId: 'vpc-1', IpPermissions: [] },
      { GroupId: 'sg-web', GroupName: 'web', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
      { GroupId: 'sg-db', GroupName: 'db', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
    ],
  });
  ec2.on(EC2.DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', IsDefault: false }] });
  ec2.on(EC2.DescribeFlowLogsCommand).resolves({ FlowLogs: [] });
  ec2.on(EC2.DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', MapPublicIpOnLaunch: true }] });
  ec2.on(EC2.DescribeRouteTablesCommand).resolves({ RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{ Main: true }], Routes: [] }] });
  ec2.on(EC2.DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [] });
  ec2.on(EC2.DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-1', Encrypted: false }] });
  ec2.on(EC2.DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  ec2.on(EC2.DescribeImagesCommand).resolves({ Images: [] });

  elb.on(ELB.DescribeLoadBalancersCommand).resolves({
    LoadBalancers: ['web', 'api'].map((n) => ({ LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/${n}/1`, LoadBalancerName: n, Type: 'application' })),
  });
  elb.on(ELB.DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [] });
  elb.on(ELB.DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: 'l', Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-2016-08' }] });
  elb.on(ELB.DescribeSSLPoliciesCommand).resolves({ SslPolicies: [{ Name: 'ELBSecurityPolicy-2016-08', SslProtocols: ['TLSv1.2'] }] });

  rds.on(RDS.DescribeDBInstancesCommand).resolves({
    DBInstances: ['a', 'b'].map((id) => ({ DBInstanceIdentifier: id, DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${id}`, Engine: 'postgres', DBParameterGroups: [{ DBParameterGroupName: 'shared-pg' }] })),
  });
  rds.on(RDS.DescribeDBClustersCommand).resolves({ DBClusters: [] });
  rds.on(RDS.DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'snap-a', SnapshotType: 'manual' }] });
  rds.on(RDS.DescribeDBSnapshotAttributesCommand).resolves({ DBSnapshotAttributesResult: { DBSnapshotAttributes: [] } });
  rds.on(RDS.DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'cluster-snap-a', DBClusterIdentifier: 'aurora-a', SnapshotType: 'manual', StorageEncrypted: true }] });
  rds.on(RDS.DescribeDBClusterSnapshotAttributesCommand).resolves({
    DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: 'cluster-snap-a', DBClusterSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] },
  });
  rds.on(RDS.DescribeDBParametersCommand).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1' }] });

  sns.on(ListSubscriptionsCommand).resolves({ Subscriptions: [] });
  kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1' }, { KeyId: 'k2' }] });
  kms.on(ListAliasesCommand).resolves({ Aliases: [] });
  kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }) => ({
    KeyMetadata: { KeyId: input.KeyId, Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${input.KeyId}`, KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' },
  }));
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
  ddb.on(ListTablesCommand).resolves({ TableNames: ['t1', 't2'] });
  ddb.on(DescribeTableCommand).callsFake(async (input: { TableName: string }) => ({ Table: { TableName: input.TableName, TableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${input.TableName}` } }));
  ddb.on(DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED' } });
  ddb.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
  efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: [{ FileSystemId: 'fs-1', Encrypted: true } as never] });
  efs.on(DescribeBackupPolicyCommand).resolves({ BackupPolicy: { Status: 'ENABLED' } });
  cf.on(ListDistributionsCommand).resolves({ DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0, Items: [] } });
  acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [] });
  org.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-1', MasterAccountId: '999988887777' } });
  org.on(ListAccountsCommand).resolves({ Accounts: [] });
}

/** The resource a read call is about, from its input (list calls have none). */
function resourceOf(input: Record<string, unknown>): string {
  for (const k of ['Bucket', 'Name', 'TrailName', 'KeyId', 'TableName', 'ResourceArn', 'FileSystemId', 'LoadBalancerArn', 'DBParameterGroupName', 'DBSnapshotIdentifier', 'DBClusterSnapshotIdentifier', 'DBClusterParameterGroupName', 'AccountId']) {
    if (typeof input[k] === 'string') return `${k}=${input[k]}`;
  }
  if (input.RestorableByUserIds) return 'public-snapshots';
  return '(list)';
}

describe('a scan of steps 2-6', () => {
  it('makes each read call at most once per resource, in each region', async () => {
    mockAccount();
    const registry = await loadRegistry();
    const checks = registry.checks.filter((c) => MY_STEPS.includes(registry.stepOf(c.id)?.id ?? '') && !OTHERS.has(c.id) && mocked(c));
    expect(checks.length).toBeGreaterThanOrEqual(45);
    const needs = { global: [...new Set(checks.flatMap((c) => c.needs.global ?? []))], regional: [...new Set(checks.flatMap((c) => c.needs.regional ?? []))] };
    const clients = new ClientFactory();
    const collection = new Collection({
      clients,
      identity: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/t`, partition: 'aws' },
      homeRegion: 'us-east-1',
      regions: REGIONS,
    });
    await collection.collect(needs);
    // Count from the mocks themselves: every command each mocked client received, with its region.
    const sent: string[] = [];
    for (const m of mocks) {
      for (const call of m.calls()) {
        const command = call.args[0] as { constructor: { name: string }; input: Record<string, unknown> };
        const client = call.thisValue as { config: { region: () => Promise<string> } };
        sent.push(`${await client.config.region()} ${command.constructor.name} ${resourceOf(command.input)}`);
      }
    }
    const counts = new Map<string, number>();
    for (const s of sent) counts.set(s, (counts.get(s) ?? 0) + 1);
    const repeated = [...counts.entries()].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);

    // Every slice came back readable, so the counts cover the whole scan.
    const state = collection.state();
    const failedSlices = [
      ...Object.entries(state.global).filter(([, r]) => !r?.ok),
      ...REGIONS.flatMap((r) => Object.entries(state.regional[r] ?? {}).filter(([, x]) => !x?.ok)),
    ];
    expect(failedSlices).toEqual([]);

    // The shared trail is read once although both regions show it; each bucket's eleven reads go to its own region.
    expect(ct.commandCalls(GetTrailStatusCommand)).toHaveLength(1);
    expect(sent.filter((s) => s.startsWith('us-west-2 GetBucketVersioningCommand'))).toHaveLength(3);
    expect(sent.filter((s) => s.startsWith('us-east-1 GetBucketVersioningCommand'))).toEqual(['us-east-1 GetBucketVersioningCommand Bucket=records']);
    // The parameter group two instances share is read once per region.
    expect(rds.commandCalls(RDS.DescribeDBParametersCommand)).toHaveLength(2);
    // Security groups are listed once per region, not per check.
    expect(ec2.commandCalls(EC2.DescribeSecurityGroupsCommand)).toHaveLength(2);
  });

  it('finishes even with one collector at a time: no collector waits on another inside the gate', async () => {
    mockAccount();
    const registry = await loadRegistry();
    const checks = registry.checks.filter((c) => MY_STEPS.includes(registry.stepOf(c.id)?.id ?? '') && !OTHERS.has(c.id) && mocked(c));
    const needs = { global: [...new Set(checks.flatMap((c) => c.needs.global ?? []))], regional: [...new Set(checks.flatMap((c) => c.needs.regional ?? []))] };
    // Dependent slices first, so a collector that waited on its dependency inside the gate would hold the only place.
    const dependentFirst = { global: ['organizations.accounts', ...needs.global], regional: ['elbv2.sslPolicies', 'rds.tlsParameters', 'dynamodb.tables', ...needs.regional] };
    const collection = new Collection({
      clients: new ClientFactory(),
      identity: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/t`, partition: 'aws' },
      homeRegion: 'us-east-1',
      regions: REGIONS,
      concurrency: 1,
    });
    const outcome = await Promise.race([
      collection.collect(dependentFirst).then(() => 'finished'),
      new Promise((resolve) => setTimeout(() => resolve('stalled'), 5000)),
    ]);
    expect(outcome).toBe('finished');
  });
});

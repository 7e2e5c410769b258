/**
 * Every fix beyond step 1, told the same way: given the account before, the plan holds exactly these
 * calls; apply sends exactly them (ids AWS returns filled in), the fixed checks pass on the re-read
 * account and a second plan is empty; a refused call midway is reported with what changed; undo
 * sends the recorded inverse. The SDK clients are mocked with aws-sdk-client-mock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../src/state/ec2.js';
import type { LogGroup } from '../../src/state/logs.js';
import type { AccountState } from '../../src/engine/state.js';
import { ok } from '../../src/engine/state.js';
import { ACCOUNT, daysAgo, state } from '../helpers/state.js';
import { bucket, kmsKey, noAuthorization, rdsCluster, rdsInstance, rule, sg, table, trail, withRoles } from './fixtures.js';
import { applyWith, awsError, calls, mockCalls, planFor, undoWith } from './harness.js';

type Call = [string, unknown];
interface FixCase {
  readonly id: string;
  readonly before: AccountState;
  readonly after: AccountState;
  readonly options?: Record<string, string>;
  /** The plan's calls, exactly (references to AWS's answers as planned). */
  readonly calls: Call[];
  /** What apply really sends, when references were filled in. */
  readonly sent?: Call[];
  readonly responses?: Record<string, unknown>;
  readonly undo: Call[];
  /** Fixed checks that still fail after the change, on purpose (none by default). */
  readonly stillFailing?: string[];
}

/**
 * The calls with their references to earlier answers ("{{key-….KeyMetadata.Arn}}", by the name of
 * the action AWS answered) filled from `responses` (keyed by command), as apply sends them: a name
 * is found as the one response that has the field.
 */
function withAnswers(calls: Call[], responses: Record<string, unknown> = {}): Call[] {
  const field = (from: unknown, path: string) => path.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown> | undefined)?.[part], from);
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^\{\{([a-z][a-z0-9-]*)\.([A-Za-z0-9_.]+)\}\}$/.exec(v);
      if (!m || m[1] === 'self') return v;
      const found = Object.values(responses).filter((r) => field(r, m[2] ?? '') !== undefined);
      if (found.length > 1) throw new Error(`two responses have ${m[2]}: name the test's responses apart`);
      return found.length ? field(found[0], m[2] ?? '') : v;
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return calls.map(([command, input]) => [command, fill(input)] as Call);
}

const E1 = 'us-east-1';
const W2 = 'us-west-2';
const lg = (name: string, retentionDays: number | null): LogGroup => ({
  name,
  arn: `arn:aws:logs:${E1}:${ACCOUNT}:log-group:${name}`,
  retentionDays,
  kmsKeyId: null,
  storedBytes: 0,
  createdAt: null,
});
const instance = (id: string): Ec2Instance => ({
  id,
  arn: `arn:aws:ec2:${E1}:${ACCOUNT}:instance/${id}`,
  state: 'running',
  platform: 'Linux/UNIX',
  imageId: 'ami-1',
  vpcId: 'vpc-1',
  subnetId: 'subnet-1',
  publicIp: null,
  httpTokens: 'required',
  httpEndpoint: 'enabled',
  iamInstanceProfile: null,
  securityGroups: [],
  launchTime: null,
  tags: {},
});

const tlsStatement = (name: string) => ({
  Sid: 'DenyNonTlsRequests',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
const existingPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'PartnerRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::claims/*' }] };
const BLOCK = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const pabOn = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const world22 = rule({ ipv4: ['0.0.0.0/0', '10.0.0.0/8'], ipv6: ['::/0'] });
const world5432 = rule({ fromPort: 5432, toPort: 5432, ipv4: ['0.0.0.0/0'] });
const web = rule({ fromPort: 443, toPort: 443, ipv4: ['0.0.0.0/0'] });
const egressAll = rule({ protocol: '-1', fromPort: null, toPort: null, ipv4: ['0.0.0.0/0'] });
const selfRef = rule({ protocol: '-1', fromPort: null, toPort: null, groups: ['sg-default1'] });
const pendingKey = kmsKey('k-pending', E1, { aliases: ['alias/claims'], state: 'PendingDeletion', deletionDate: daysAgo(-12), rotation: ok(null) });
const managed = [{ id: 'i-0abc', pingStatus: 'Online', lastPing: null, platformType: 'Linux', platformName: 'Amazon Linux', platformVersion: '2023' }];
const awsAl2023 = { id: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-0aws2023', name: 'AWS-AmazonLinux2023DefaultPatchBaseline', operatingSystem: 'AMAZON_LINUX_2023', isDefault: false, awsOwned: true };
const ourBaseline = { id: 'pb-0new', name: 'hipaa-wizard-amazon-linux-2023', operatingSystem: 'AMAZON_LINUX_2023', isDefault: true, awsOwned: false };
const patchRule = {
  PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }, { Key: 'SEVERITY', Values: ['Critical', 'Important'] }] },
  ApproveAfterDays: 7,
  ComplianceLevel: 'CRITICAL',
};

const cases: FixCase[] = [
  {
    id: 'log-retention',
    before: state({ regional: { [E1]: { 'logs.logGroups': [lg('/app/portal', 30), lg('/aws/lambda/x', null), lg('/app/audit', 3653)] } } }),
    after: state({ regional: { [E1]: { 'logs.logGroups': [lg('/app/portal', 365), lg('/aws/lambda/x', null), lg('/app/audit', 3653)] } } }),
    calls: [['PutRetentionPolicy', { logGroupName: '/app/portal', retentionInDays: 365 }]],
    undo: [['PutRetentionPolicy', { logGroupName: '/app/portal', retentionInDays: 30 }]],
  },
  {
    id: 'vpc-flow-logs',
    before: state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'ec2.vpcs': [{ id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: { Name: 'portal' } }], 'ec2.flowLogs': [], 'logs.logGroups': [], 'kms.keys': [] } },
    }),
    after: state({
      global: { 'iam.authorization': withRoles('hipaa-wizard-vpc-flow-logs') },
      regional: {
        [E1]: {
          'ec2.vpcs': [{ id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: { Name: 'portal' } }],
          'ec2.flowLogs': [{ id: 'fl-0123', resourceId: 'vpc-1', status: 'ACTIVE', trafficType: 'ALL', destinationType: 'cloud-watch-logs', deliverStatus: 'SUCCESS' }],
          'logs.logGroups': [lg('/hipaa-wizard/vpc-flow-logs', 365)],
        },
      },
    }),
    calls: [
      ['CreateRole', expect.objectContaining({ RoleName: 'hipaa-wizard-vpc-flow-logs', AssumeRolePolicyDocument: expect.stringContaining('vpc-flow-logs.amazonaws.com') })],
      ['PutRolePolicy', expect.objectContaining({ RoleName: 'hipaa-wizard-vpc-flow-logs', PolicyName: 'write-flow-logs' })],
      ['CreateKey', expect.objectContaining({ Policy: expect.stringContaining('logs.us-east-1.amazonaws.com') })],
      ['CreateAlias', { AliasName: 'alias/hipaa-wizard-logs/hipaa-wizard/vpc-flow-logs', TargetKeyId: '{{key-hipaa-wizard-logs-hipaa-wizard-vpc-flow-logs-us-east-1.KeyMetadata.KeyId}}' }],
      ['EnableKeyRotation', { KeyId: '{{key-hipaa-wizard-logs-hipaa-wizard-vpc-flow-logs-us-east-1.KeyMetadata.KeyId}}' }],
      ['CreateLogGroup', { logGroupName: '/hipaa-wizard/vpc-flow-logs', kmsKeyId: '{{key-hipaa-wizard-logs-hipaa-wizard-vpc-flow-logs-us-east-1.KeyMetadata.Arn}}' }],
      ['PutRetentionPolicy', { logGroupName: '/hipaa-wizard/vpc-flow-logs', retentionInDays: 365 }],
      [
        'CreateFlowLogs',
        {
          ResourceIds: ['vpc-1'],
          ResourceType: 'VPC',
          TrafficType: 'ALL',
          LogDestinationType: 'cloud-watch-logs',
          LogGroupName: '/hipaa-wizard/vpc-flow-logs',
          DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/hipaa-wizard-vpc-flow-logs`,
        },
      ],
    ],
    responses: { CreateKey: { KeyMetadata: { KeyId: 'k-logs', Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-logs` } }, CreateFlowLogs: { FlowLogIds: ['fl-0123'], Unsuccessful: [] } },
    undo: [
      // the log group and its records stay
      // and so does the role: another flow log may deliver through it by then
      ['DeleteFlowLogs', { FlowLogIds: ['fl-0123'] }],
      // the key stays as made, alias and rotation too: it encrypts the log group, which stays
    ],
  },
  {
    id: 'trail-log-validation',
    before: state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main', { logFileValidation: false })] } } }),
    after: state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } } }),
    calls: [['UpdateTrail', { Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, EnableLogFileValidation: true }]],
    undo: [['UpdateTrail', { Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, EnableLogFileValidation: false }]],
  },
  {
    id: 'config-hipaa-pack',
    before: state({
      global: { 'iam.authorization': noAuthorization, 's3.buckets': [] },
      regional: { [E1]: { 'config.recorders': { recorders: [], deliveryChannels: [] } } },
    }),
    after: state({
      global: { 'iam.authorization': withRoles('AWSServiceRoleForConfig'), 's3.buckets': [bucket(`hipaa-wizard-config-${ACCOUNT}`)] },
      regional: {
        [E1]: {
          'config.recorders': {
            recorders: [{ name: 'default', allSupported: true, includeGlobalResourceTypes: true, recording: true, lastStatus: 'SUCCESS', lastErrorCode: null }],
            deliveryChannels: [{ name: 'default', s3BucketName: `hipaa-wizard-config-${ACCOUNT}` }],
          },
        },
      },
    }),
    calls: [
      ['CreateServiceLinkedRole', { AWSServiceName: 'config.amazonaws.com' }],
      ['CreateBucket', { Bucket: `hipaa-wizard-config-${ACCOUNT}` }],
      ['PutPublicAccessBlock', expect.objectContaining({ Bucket: `hipaa-wizard-config-${ACCOUNT}` })],
      ['PutBucketEncryption', expect.objectContaining({ Bucket: `hipaa-wizard-config-${ACCOUNT}` })],
      ['PutBucketPolicy', { Bucket: `hipaa-wizard-config-${ACCOUNT}`, Policy: expect.stringContaining('AWSConfigBucketDelivery') }],
      [
        'PutConfigurationRecorder',
        {
          ConfigurationRecorder: {
            name: 'default',
            roleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
          },
        },
      ],
      ['PutDeliveryChannel', { DeliveryChannel: { name: 'default', s3BucketName: `hipaa-wizard-config-${ACCOUNT}` } }],
      ['StartConfigurationRecorder', { ConfigurationRecorderName: 'default' }],
      ['PutConformancePack', { ConformancePackName: 'Operational-Best-Practices-for-HIPAA-Security', TemplateSSMDocumentDetails: { DocumentName: 'AWSConformancePacks-OperationalBestPracticesforHIPAASecurity' } }],
    ],
    undo: [
      ['DeleteConformancePack', { ConformancePackName: 'Operational-Best-Practices-for-HIPAA-Security' }],
      ['StopConfigurationRecorder', { ConfigurationRecorderName: 'default' }],
      ['DeleteDeliveryChannel', { DeliveryChannelName: 'default' }],
      ['DeleteConfigurationRecorder', { ConfigurationRecorderName: 'default' }],
      ['DeleteServiceLinkedRole', { RoleName: 'AWSServiceRoleForConfig' }],
    ],
  },
  {
    id: 'security-alarms',
    options: { email: 'security@maple.example' },
    before: state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'kms.keys': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': [] } },
    }),
    after: state({
      global: { 'iam.authorization': withRoles('hipaa-wizard-cloudtrail-to-logs') },
      regional: {
        [E1]: {
          'cloudtrail.trails': [trail('main', { cloudWatchLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/hipaa-wizard/cloudtrail:*` })],
          'logs.logGroups': [lg('/hipaa-wizard/cloudtrail', 365)],
          'sns.subscriptions': [{ topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms`, protocol: 'email', endpoint: 'security@maple.example', confirmed: true }],
          'logs.metricFilters': [
            { name: 'hipaa-wizard-root-use', logGroupName: '/hipaa-wizard/cloudtrail', pattern: '{ $.userIdentity.type = "Root" }', metrics: [{ name: 'RootAccountUse', namespace: 'HipaaWizard/Security' }] },
            {
              name: 'hipaa-wizard-console-sign-in-failures',
              logGroupName: '/hipaa-wizard/cloudtrail',
              pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
              metrics: [{ name: 'ConsoleSignInFailures', namespace: 'HipaaWizard/Security' }],
            },
            {
              name: 'hipaa-wizard-unauthorized-api-calls',
              logGroupName: '/hipaa-wizard/cloudtrail',
              pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
              metrics: [{ name: 'UnauthorizedAPICalls', namespace: 'HipaaWizard/Security' }],
            },
          ],
          'cloudwatch.alarms': ['RootAccountUse', 'ConsoleSignInFailures', 'UnauthorizedAPICalls'].map((m) => ({
            name: m,
            arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${m}`,
            metrics: [{ name: m, namespace: 'HipaaWizard/Security' }],
            actionsEnabled: true,
            alarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms`],
            state: 'OK',
          })),
        },
      },
    }),
    responses: { CreateKey: { KeyMetadata: { KeyId: 'k-logs', Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-logs` } }, Subscribe: { SubscriptionArn: `arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms:5f1c` } },
    calls: [
      ['CreateKey', expect.objectContaining({ Policy: expect.stringContaining('logs.us-east-1.amazonaws.com') })],
      ['CreateAlias', { AliasName: 'alias/hipaa-wizard-logs/hipaa-wizard/cloudtrail', TargetKeyId: '{{key-hipaa-wizard-logs-hipaa-wizard-cloudtrail-us-east-1.KeyMetadata.KeyId}}' }],
      ['EnableKeyRotation', { KeyId: '{{key-hipaa-wizard-logs-hipaa-wizard-cloudtrail-us-east-1.KeyMetadata.KeyId}}' }],
      ['CreateLogGroup', { logGroupName: '/hipaa-wizard/cloudtrail', kmsKeyId: '{{key-hipaa-wizard-logs-hipaa-wizard-cloudtrail-us-east-1.KeyMetadata.Arn}}' }],
      ['PutRetentionPolicy', { logGroupName: '/hipaa-wizard/cloudtrail', retentionInDays: 365 }],
      ['CreateRole', expect.objectContaining({ RoleName: 'hipaa-wizard-cloudtrail-to-logs', AssumeRolePolicyDocument: expect.stringContaining('cloudtrail.amazonaws.com') })],
      ['PutRolePolicy', expect.objectContaining({ RoleName: 'hipaa-wizard-cloudtrail-to-logs', PolicyName: 'deliver-to-logs' })],
      [
        'UpdateTrail',
        {
          Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`,
          CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/hipaa-wizard/cloudtrail:*`,
          CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/hipaa-wizard-cloudtrail-to-logs`,
        },
      ],
      ['CreateTopic', { Name: 'hipaa-wizard-security-alarms' }],
      ['Subscribe', { TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms`, Protocol: 'email', Endpoint: 'security@maple.example', ReturnSubscriptionArn: true }],
      ['PutMetricFilter', expect.objectContaining({ filterName: 'hipaa-wizard-root-use', logGroupName: '/hipaa-wizard/cloudtrail' })],
      ['PutMetricAlarm', expect.objectContaining({ AlarmName: 'hipaa-wizard-root-use', MetricName: 'RootAccountUse', AlarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms`] })],
      ['PutMetricFilter', expect.objectContaining({ filterName: 'hipaa-wizard-console-sign-in-failures' })],
      ['PutMetricAlarm', expect.objectContaining({ AlarmName: 'hipaa-wizard-console-sign-in-failures' })],
      ['PutMetricFilter', expect.objectContaining({ filterName: 'hipaa-wizard-unauthorized-api-calls' })],
      ['PutMetricAlarm', expect.objectContaining({ AlarmName: 'hipaa-wizard-unauthorized-api-calls' })],
    ],
    undo: [
      ['DeleteAlarms', { AlarmNames: ['hipaa-wizard-unauthorized-api-calls'] }],
      ['DeleteMetricFilter', { logGroupName: '/hipaa-wizard/cloudtrail', filterName: 'hipaa-wizard-unauthorized-api-calls' }],
      ['DeleteAlarms', { AlarmNames: ['hipaa-wizard-console-sign-in-failures'] }],
      ['DeleteMetricFilter', { logGroupName: '/hipaa-wizard/cloudtrail', filterName: 'hipaa-wizard-console-sign-in-failures' }],
      ['DeleteAlarms', { AlarmNames: ['hipaa-wizard-root-use'] }],
      ['DeleteMetricFilter', { logGroupName: '/hipaa-wizard/cloudtrail', filterName: 'hipaa-wizard-root-use' }],
      ['Unsubscribe', { SubscriptionArn: `arn:aws:sns:us-east-1:${ACCOUNT}:hipaa-wizard-security-alarms:5f1c` }],
      // the topic (which may have existed) and the log group with its CloudTrail events stay
      ['UpdateTrail', { Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`, CloudWatchLogsLogGroupArn: '', CloudWatchLogsRoleArn: '' }],
      ['DeleteRolePolicy', { RoleName: 'hipaa-wizard-cloudtrail-to-logs', PolicyName: 'deliver-to-logs' }],
      ['DeleteRole', { RoleName: 'hipaa-wizard-cloudtrail-to-logs' }],
      // the log group's key stays as made, alias and rotation too
    ],
  },
  {
    id: 'cancel-key-deletion',
    before: state({ regional: { [E1]: { 'kms.keys': [pendingKey, kmsKey('k-ok')] } } }),
    after: state({ regional: { [E1]: { 'kms.keys': [{ ...pendingKey, state: 'Enabled', deletionDate: null }, kmsKey('k-ok')] } } }),
    calls: [
      ['CancelKeyDeletion', { KeyId: pendingKey.arn }],
      ['EnableKey', { KeyId: pendingKey.arn }],
    ],
    undo: [
      ['DisableKey', { KeyId: pendingKey.arn }],
      ['ScheduleKeyDeletion', { KeyId: pendingKey.arn, PendingWindowInDays: 12 }],
    ],
  },
  {
    id: 's3-deny-non-tls',
    before: state({ global: { 's3.buckets': [bucket('claims', E1, { policy: ok(existingPolicy) }), bucket('site', W2)] } }),
    after: state({
      global: {
        's3.buckets': [
          bucket('claims', E1, { policy: ok({ ...existingPolicy, Statement: [...existingPolicy.Statement, tlsStatement('claims')] }) }),
          bucket('site', W2, { policy: ok({ Version: '2012-10-17', Statement: [tlsStatement('site')] }) }),
        ],
      },
    }),
    calls: [
      ['PutBucketPolicy', { Bucket: 'claims', Policy: JSON.stringify({ ...existingPolicy, Statement: [...existingPolicy.Statement, tlsStatement('claims')] }) }],
      ['PutBucketPolicy', { Bucket: 'site', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [tlsStatement('site')] }) }],
    ],
    undo: [
      ['DeleteBucketPolicy', { Bucket: 'site' }],
      ['PutBucketPolicy', { Bucket: 'claims', Policy: JSON.stringify(existingPolicy) }],
    ],
  },
  {
    id: 'ebs-default-encryption',
    before: state({ regional: { [E1]: { 'ec2.ebsDefaultEncryption': { enabled: false } }, [W2]: { 'ec2.ebsDefaultEncryption': { enabled: true } } } }),
    after: state({ regional: { [E1]: { 'ec2.ebsDefaultEncryption': { enabled: true } }, [W2]: { 'ec2.ebsDefaultEncryption': { enabled: true } } } }),
    calls: [['EnableEbsEncryptionByDefault', {}]],
    undo: [['DisableEbsEncryptionByDefault', {}]],
  },
  {
    id: 'kms-rotation',
    before: state({ regional: { [E1]: { 'kms.keys': [kmsKey('k1', E1, { rotation: ok(false), aliases: ['alias/portal'] }), kmsKey('k2'), kmsKey('aws1', E1, { manager: 'AWS', rotation: ok(false) })] } } }),
    after: state({ regional: { [E1]: { 'kms.keys': [kmsKey('k1', E1, { aliases: ['alias/portal'] }), kmsKey('k2'), kmsKey('aws1', E1, { manager: 'AWS', rotation: ok(false) })] } } }),
    calls: [['EnableKeyRotation', { KeyId: kmsKey('k1').arn }]],
    undo: [['DisableKeyRotation', { KeyId: kmsKey('k1').arn }]],
  },
  {
    id: 's3-account-block-public-access',
    before: state({ global: { 's3control.publicAccessBlock': { ...pabOn, blockPublicPolicy: false, restrictPublicBuckets: false } } }),
    after: state({ global: { 's3control.publicAccessBlock': pabOn } }),
    calls: [['PutPublicAccessBlock', { AccountId: ACCOUNT, PublicAccessBlockConfiguration: BLOCK }]],
    undo: [['PutPublicAccessBlock', { AccountId: ACCOUNT, PublicAccessBlockConfiguration: { ...BLOCK, BlockPublicPolicy: false, RestrictPublicBuckets: false } }]],
  },
  {
    id: 's3-bucket-block-public-access',
    before: state({ global: { 's3control.publicAccessBlock': null, 's3.buckets': [bucket('site', W2, { publicAccessBlock: ok(null) }), bucket('claims')] } }),
    after: state({ global: { 's3control.publicAccessBlock': null, 's3.buckets': [bucket('site', W2), bucket('claims')] } }),
    calls: [['PutPublicAccessBlock', { Bucket: 'site', PublicAccessBlockConfiguration: BLOCK }]],
    undo: [['DeletePublicAccessBlock', { Bucket: 'site' }]],
  },
  {
    id: 'revoke-open-ingress',
    before: state({ regional: { [E1]: { 'ec2.securityGroups': [sg('sg-admin', 'bastion', [world22, web]), sg('sg-db', 'portal-db', [world5432])] } } }),
    after: state({ regional: { [E1]: { 'ec2.securityGroups': [sg('sg-admin', 'bastion', [{ ...world22, ipv4: ['10.0.0.0/8'], ipv6: [] }, web]), sg('sg-db', 'portal-db', [])] } } }),
    calls: [
      ['RevokeSecurityGroupIngress', { GroupId: 'sg-admin', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] }],
      ['RevokeSecurityGroupIngress', { GroupId: 'sg-db', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
    ],
    undo: [
      ['AuthorizeSecurityGroupIngress', { GroupId: 'sg-db', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
      ['AuthorizeSecurityGroupIngress', { GroupId: 'sg-admin', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] }],
    ],
  },
  {
    id: 'close-default-sg',
    before: state({ regional: { [E1]: { 'ec2.instances': [], 'ec2.securityGroups': [sg('sg-default1', 'default', [selfRef], [egressAll]), sg('sg-app', 'app', [web], [egressAll])] } } }),
    after: state({ regional: { [E1]: { 'ec2.instances': [], 'ec2.securityGroups': [sg('sg-default1', 'default'), sg('sg-app', 'app', [web], [egressAll])] } } }),
    calls: [
      ['RevokeSecurityGroupIngress', { GroupId: 'sg-default1', IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-default1' }] }] }],
      ['RevokeSecurityGroupEgress', { GroupId: 'sg-default1', IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
    ],
    undo: [
      ['AuthorizeSecurityGroupEgress', { GroupId: 'sg-default1', IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
      ['AuthorizeSecurityGroupIngress', { GroupId: 'sg-default1', IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-default1' }] }] }],
    ],
  },
  {
    id: 'inspector-enable',
    before: state({ regional: { [E1]: { 'inspector2.status': { ec2: 'DISABLED', ecr: 'ENABLED', lambda: 'DISABLED' } }, [W2]: { 'inspector2.status': { ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED' } } } }),
    after: state({ regional: { [E1]: { 'inspector2.status': { ec2: 'ENABLING', ecr: 'ENABLED', lambda: 'DISABLED' } }, [W2]: { 'inspector2.status': { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'DISABLED' } } } }),
    calls: [
      ['Enable', { resourceTypes: ['EC2'] }],
      ['Enable', { resourceTypes: ['EC2', 'ECR'] }],
    ],
    undo: [
      ['Disable', { resourceTypes: ['EC2', 'ECR'] }],
      ['Disable', { resourceTypes: ['EC2'] }],
    ],
  },
  {
    id: 'ssm-patch-baseline',
    before: state({
      regional: {
        [E1]: { 'ec2.instances': [instance('i-0abc')], 'ssm.managedInstances': managed, 'ssm.patchBaselines': [awsAl2023], 'ssm.patchAssociations': [], 'ssm.maintenanceWindows': [] },
      },
    }),
    after: state({
      regional: {
        [E1]: {
          'ec2.instances': [instance('i-0abc')],
          'ssm.managedInstances': managed,
          'ssm.patchBaselines': [awsAl2023, ourBaseline],
          'ssm.patchAssociations': [{ id: 'assoc-1', name: 'AWS-RunPatchBaseline', targets: [{ key: 'InstanceIds', values: ['*'] }], schedule: 'rate(1 day)', lastRun: null, operation: 'Scan' }],
          'ssm.maintenanceWindows': [{ id: 'mw-1', name: 'hipaa-wizard-patch-install', enabled: true, schedule: 'cron(0 3 ? * SUN *)', taskDocuments: ['AWS-RunPatchBaseline'], patchOperations: ['Install'] }],
        },
      },
    }),
    calls: [
      [
        'CreatePatchBaseline',
        {
          Name: 'hipaa-wizard-amazon-linux-2023',
          OperatingSystem: 'AMAZON_LINUX_2023',
          Description: expect.any(String),
          ApprovalRules: { PatchRules: [patchRule] },
        },
      ],
      ['RegisterDefaultPatchBaseline', { BaselineId: '{{baseline-amazon-linux-2023-us-east-1.BaselineId}}' }],
      [
        'CreateAssociation',
        { Name: 'AWS-RunPatchBaseline', AssociationName: 'hipaa-wizard-patch-scan', Targets: [{ Key: 'InstanceIds', Values: ['*'] }], Parameters: { Operation: ['Scan'] }, ScheduleExpression: 'rate(1 day)' },
      ],
      ['CreateMaintenanceWindow', { Name: 'hipaa-wizard-patch-install', Schedule: 'cron(0 3 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false }],
      ['RegisterTargetWithMaintenanceWindow', { WindowId: '{{patch-window-us-east-1.WindowId}}', ResourceType: 'INSTANCE', Name: 'managed-instances', Targets: [{ Key: 'InstanceIds', Values: ['i-0abc'] }] }],
      [
        'RegisterTaskWithMaintenanceWindow',
        expect.objectContaining({
          WindowId: '{{patch-window-us-east-1.WindowId}}',
          TaskArn: 'AWS-RunPatchBaseline',
          TaskType: 'RUN_COMMAND',
          Targets: [{ Key: 'WindowTargetIds', Values: ['{{patch-window-target-us-east-1.WindowTargetId}}'] }],
          TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] } } },
        }),
      ],
    ],
    responses: {
      CreatePatchBaseline: { BaselineId: 'pb-0new' },
      CreateAssociation: { AssociationDescription: { AssociationId: 'assoc-1' } },
      CreateMaintenanceWindow: { WindowId: 'mw-1' },
      RegisterTargetWithMaintenanceWindow: { WindowTargetId: 'wt-1' },
    },
    sent: [
      ['CreatePatchBaseline', expect.anything()],
      ['RegisterDefaultPatchBaseline', { BaselineId: 'pb-0new' }],
      ['CreateAssociation', expect.anything()],
      ['CreateMaintenanceWindow', expect.anything()],
      ['RegisterTargetWithMaintenanceWindow', expect.objectContaining({ WindowId: 'mw-1' })],
      ['RegisterTaskWithMaintenanceWindow', expect.objectContaining({ WindowId: 'mw-1', Targets: [{ Key: 'WindowTargetIds', Values: ['wt-1'] }] })],
    ],
    undo: [
      ['DeleteMaintenanceWindow', { WindowId: 'mw-1' }],
      ['DeleteAssociation', { AssociationId: 'assoc-1' }],
      ['RegisterDefaultPatchBaseline', { BaselineId: awsAl2023.id }],
      ['DeletePatchBaseline', { BaselineId: 'pb-0new' }],
    ],
  },
  {
    id: 'backup-plan',
    before: state({ global: { 'iam.authorization': noAuthorization }, regional: { [E1]: { 'backup.plans': [], 'backup.vaults': [] } } }),
    after: state({
      global: { 'iam.authorization': withRoles('AWSBackupDefaultServiceRole') },
      regional: {
        [E1]: {
          'backup.plans': [
            {
              id: 'plan-1',
              arn: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-plan:plan-1`,
              name: 'hipaa-wizard-daily',
              rules: [{ name: 'daily', schedule: 'cron(0 5 ? * * *)', targetVault: 'hipaa-wizard-vault', deleteAfterDays: 35, continuous: false, copies: [] }],
              selections: ok([]),
            },
          ],
          'backup.vaults': [],
        },
      },
    }),
    calls: [
      ['CreateRole', expect.objectContaining({ RoleName: 'AWSBackupDefaultServiceRole', Path: '/service-role/' })],
      ['AttachRolePolicy', { RoleName: 'AWSBackupDefaultServiceRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup' }],
      ['AttachRolePolicy', { RoleName: 'AWSBackupDefaultServiceRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores' }],
      ['CreateBackupVault', { BackupVaultName: 'hipaa-wizard-vault' }],
      [
        'CreateBackupPlan',
        {
          BackupPlan: {
            BackupPlanName: 'hipaa-wizard-daily',
            Rules: [
              { RuleName: 'daily', TargetBackupVaultName: 'hipaa-wizard-vault', ScheduleExpression: 'cron(0 5 ? * * *)', StartWindowMinutes: 60, CompletionWindowMinutes: 480, Lifecycle: { DeleteAfterDays: 35 } },
            ],
          },
        },
      ],
      [
        'CreateBackupSelection',
        {
          BackupPlanId: '{{backup-plan-us-east-1.BackupPlanId}}',
          BackupSelection: {
            SelectionName: 'ephi-tagged',
            IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSBackupDefaultServiceRole`,
            ListOfTags: [
              { ConditionType: 'STRINGEQUALS', ConditionKey: 'phi', ConditionValue: 'true' },
              { ConditionType: 'STRINGEQUALS', ConditionKey: 'data-classification', ConditionValue: 'phi' },
              { ConditionType: 'STRINGEQUALS', ConditionKey: 'ephi', ConditionValue: 'true' },
            ],
          },
        },
      ],
    ],
    responses: { CreateBackupPlan: { BackupPlanId: 'plan-1' }, CreateBackupSelection: { SelectionId: 'sel-1' } },
    sent: [
      ['CreateRole', expect.anything()],
      ['AttachRolePolicy', expect.anything()],
      ['AttachRolePolicy', expect.anything()],
      ['CreateBackupVault', expect.anything()],
      ['CreateBackupPlan', expect.anything()],
      ['CreateBackupSelection', expect.objectContaining({ BackupPlanId: 'plan-1' })],
    ],
    undo: [
      ['DeleteBackupSelection', { BackupPlanId: 'plan-1', SelectionId: 'sel-1' }],
      ['DeleteBackupPlan', { BackupPlanId: 'plan-1' }],
      ['DeleteBackupVault', { BackupVaultName: 'hipaa-wizard-vault' }],
      ['DetachRolePolicy', { RoleName: 'AWSBackupDefaultServiceRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores' }],
      ['DetachRolePolicy', { RoleName: 'AWSBackupDefaultServiceRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup' }],
      ['DeleteRole', { RoleName: 'AWSBackupDefaultServiceRole' }],
    ],
  },
  {
    id: 'rds-backup-retention',
    before: state({ regional: { [E1]: { 'rds.instances': [rdsInstance('portal-db', { backupRetentionPeriod: 0 }), rdsInstance('member', { clusterId: 'c1', backupRetentionPeriod: 1 })], 'rds.clusters': [rdsCluster('c1', { backupRetentionPeriod: 1 })] } } }),
    after: state({ regional: { [E1]: { 'rds.instances': [rdsInstance('portal-db'), rdsInstance('member', { clusterId: 'c1' })], 'rds.clusters': [rdsCluster('c1')] } } }),
    calls: [
      ['ModifyDBInstance', { DBInstanceIdentifier: 'portal-db', BackupRetentionPeriod: 7}],
      ['ModifyDBCluster', { DBClusterIdentifier: 'c1', BackupRetentionPeriod: 7}],
    ],
    undo: [
      // the instance's backups were off: undo never sets 0 again (that deletes its backups)
      ['ModifyDBCluster', { DBClusterIdentifier: 'c1', BackupRetentionPeriod: 1 }],
    ],
  },
  {
    id: 'dynamodb-pitr',
    before: state({ regional: { [E1]: { 'dynamodb.tables': [table('Appointments', false), table('Sessions', true)] } } }),
    after: state({ regional: { [E1]: { 'dynamodb.tables': [table('Appointments', true), table('Sessions', true)] } } }),
    calls: [['UpdateContinuousBackups', { TableName: 'Appointments', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }]],
    undo: [['UpdateContinuousBackups', { TableName: 'Appointments', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }]],
  },
  {
    id: 'guardduty-enable',
    before: state({ regional: { [E1]: { 'guardduty.detectors': [] }, [W2]: { 'guardduty.detectors': [{ id: 'det-w2', status: 'DISABLED', publishingFrequency: null, features: {} }] } } }),
    after: state({
      regional: {
        [E1]: { 'guardduty.detectors': [{ id: 'det-e1', status: 'ENABLED', publishingFrequency: 'FIFTEEN_MINUTES', features: {} }] },
        [W2]: { 'guardduty.detectors': [{ id: 'det-w2', status: 'ENABLED', publishingFrequency: null, features: {} }] },
      },
    }),
    calls: [
      ['CreateDetector', { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' }],
      ['UpdateDetector', { DetectorId: 'det-w2', Enable: true }],
    ],
    responses: { CreateDetector: { DetectorId: 'det-e1' } },
    undo: [
      ['UpdateDetector', { DetectorId: 'det-w2', Enable: false }],
      ['DeleteDetector', { DetectorId: 'det-e1' }],
    ],
  },
  {
    id: 'securityhub-enable',
    before: state({ regional: { [E1]: { 'securityhub.hub': null }, [W2]: { 'securityhub.hub': { hubArn: 'arn:aws:securityhub:us-west-2:1:hub/default', subscribedAt: null, standards: ok([]) } } } }),
    after: state({
      regional: {
        [E1]: { 'securityhub.hub': { hubArn: 'arn:aws:securityhub:us-east-1:1:hub/default', subscribedAt: null, standards: ok([]) } },
        [W2]: { 'securityhub.hub': { hubArn: 'arn:aws:securityhub:us-west-2:1:hub/default', subscribedAt: null, standards: ok([]) } },
      },
    }),
    calls: [['EnableSecurityHub', { EnableDefaultStandards: true }]],
    undo: [['DisableSecurityHub', {}]],
  },
  {
    id: 'security-contact',
    options: { email: 'privacy@maple.example', phone: '+1-555-0100', name: 'Dana Okafor' },
    before: state({ global: { 'account.securityContact': null } }),
    after: state({ global: { 'account.securityContact': { name: 'Dana Okafor', title: 'Security Officer', email: 'privacy@maple.example', phone: '+1-555-0100' } } }),
    calls: [['PutAlternateContact', { AlternateContactType: 'SECURITY', EmailAddress: 'privacy@maple.example', Name: 'Dana Okafor', Title: 'Security Officer', PhoneNumber: '+1-555-0100' }]],
    undo: [['DeleteAlternateContact', { AlternateContactType: 'SECURITY' }]],
  },
  {
    id: 'rds-deletion-protection',
    before: state({ regional: { [E1]: { 'rds.instances': [rdsInstance('portal-db', { deletionProtection: false }), rdsInstance('member', { clusterId: 'c1', deletionProtection: false })], 'rds.clusters': [rdsCluster('c1', { deletionProtection: false })] } } }),
    after: state({ regional: { [E1]: { 'rds.instances': [rdsInstance('portal-db'), rdsInstance('member', { clusterId: 'c1', deletionProtection: false })], 'rds.clusters': [rdsCluster('c1')] } } }),
    calls: [
      ['ModifyDBInstance', { DBInstanceIdentifier: 'portal-db', DeletionProtection: true}],
      ['ModifyDBCluster', { DBClusterIdentifier: 'c1', DeletionProtection: true}],
    ],
    undo: [
      ['ModifyDBCluster', { DBClusterIdentifier: 'c1', DeletionProtection: false}],
      ['ModifyDBInstance', { DBInstanceIdentifier: 'portal-db', DeletionProtection: false}],
    ],
  },
  {
    id: 'dynamodb-deletion-protection',
    before: state({ regional: { [E1]: { 'dynamodb.tables': [{ ...table('Appointments', true), deletionProtection: false }, table('Sessions', true)] } } }),
    after: state({ regional: { [E1]: { 'dynamodb.tables': [table('Appointments', true), table('Sessions', true)] } } }),
    calls: [['UpdateTable', { TableName: 'Appointments', DeletionProtectionEnabled: true }]],
    undo: [['UpdateTable', { TableName: 'Appointments', DeletionProtectionEnabled: false }]],
  },
  {
    id: 'efs-backup-policy',
    before: state({
      regional: {
        [E1]: {
          'efs.fileSystems': [
            { id: 'fs-1', arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-1`, name: 'scans', encrypted: true, kmsKeyId: null, backupPolicy: ok('DISABLED'), tags: {} },
            { id: 'fs-2', arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-2`, name: null, encrypted: true, kmsKeyId: null, backupPolicy: ok('DISABLED'), tags: {} },
          ],
          'backup.protectedResources': [{ arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-2`, type: 'EFS', lastBackup: null }],
        },
      },
    }),
    after: state({
      regional: {
        [E1]: {
          'efs.fileSystems': [
            { id: 'fs-1', arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-1`, name: 'scans', encrypted: true, kmsKeyId: null, backupPolicy: ok('ENABLED'), tags: {} },
            { id: 'fs-2', arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-2`, name: null, encrypted: true, kmsKeyId: null, backupPolicy: ok('DISABLED'), tags: {} },
          ],
          'backup.protectedResources': [{ arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-2`, type: 'EFS', lastBackup: null }],
        },
      },
    }),
    calls: [['PutBackupPolicy', { FileSystemId: 'fs-1', BackupPolicy: { Status: 'ENABLED' } }]],
    undo: [['PutBackupPolicy', { FileSystemId: 'fs-1', BackupPolicy: { Status: 'DISABLED' } }]],
  },
  {
    id: 'subnet-auto-public-ip',
    before: state({
      regional: {
        [E1]: {
          'ec2.subnets': [
            { id: 'subnet-pub', vpcId: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIpOnLaunch: true, defaultForAz: true, tags: {} },
            { id: 'subnet-priv', vpcId: 'vpc-1', az: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: { Name: 'private' } },
          ],
        },
      },
    }),
    after: state({
      regional: {
        [E1]: {
          'ec2.subnets': [
            { id: 'subnet-pub', vpcId: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIpOnLaunch: false, defaultForAz: true, tags: {} },
            { id: 'subnet-priv', vpcId: 'vpc-1', az: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: { Name: 'private' } },
          ],
        },
      },
    }),
    calls: [['ModifySubnetAttribute', { SubnetId: 'subnet-pub', MapPublicIpOnLaunch: { Value: false } }]],
    undo: [['ModifySubnetAttribute', { SubnetId: 'subnet-pub', MapPublicIpOnLaunch: { Value: true } }]],
  },
];

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe.each(cases)('$id', (c) => {
  const failure = awsError('AccessDeniedException', 'User: arn:aws:iam::111122223333:user/tester is not authorized to perform this action', 403);

  it('plans exactly the calls that fix it', async () => {
    const plan = await planFor(c.id, c.before, c.options);
    expect(calls(plan)).toEqual(c.calls);
    expect(plan.actions.every((a) => a.summary.endsWith('.'))).toBe(true);
  });

  it('sends exactly those calls, the fixed checks pass afterwards, and a second plan is empty', async () => {
    const plan = await planFor(c.id, c.before, c.options);
    const mocked = await mockCalls(plan.actions, c.responses);
    restore = mocked.restore;
    const { outcome } = await applyWith(plan, c.before, c.after);
    expect(outcome.status).toBe('applied');
    expect(mocked.log).toEqual(c.sent ?? withAnswers(c.calls, c.responses));
    const notPassing = outcome.verification.filter((v) => v.status !== 'pass').map((v) => `${v.check}: ${v.status} (${v.message})`);
    expect(notPassing).toEqual([]);
    expect((await planFor(c.id, c.after, c.options)).actions).toEqual([]);
  });

  it('reports a refused call midway with what changed and what did not', async () => {
    const plan = await planFor(c.id, c.before, c.options);
    const at = plan.actions.length > 1 ? 1 : 0;
    const mocked = await mockCalls(plan.actions, c.responses, { index: at, error: failure });
    restore = mocked.restore;
    const { outcome, entry } = await applyWith(plan, c.before, c.before);
    expect(outcome.status).toBe('failed');
    expect(mocked.log).toHaveLength(at + 1);
    expect(outcome.changed).toHaveLength(at);
    expect(outcome.unchanged).toHaveLength(plan.actions.length - at);
    expect(outcome.message).toContain(`Stopped at change ${at + 1} of ${plan.actions.length}`);
    expect(outcome.message).toContain('AccessDeniedException');
    expect((entry.body as { outcome: string }).outcome).toBe('failed');
  });

  it('undo sends the inverse, last change first', async () => {
    const plan = await planFor(c.id, c.before, c.options);
    const undoCalls = plan.actions.flatMap((a) => a.undo ?? []);
    const mocked = await mockCalls([...plan.actions, ...undoCalls], c.responses);
    restore = mocked.restore;
    const { entry } = await applyWith(plan, c.before, c.after);
    mocked.log.length = 0;
    const undone = await undoWith(entry, c.after);
    expect(undone.outcome.status).toBe('applied');
    expect(mocked.log).toEqual(c.undo);
  });
});

describe('ssm-patch-baseline on Ubuntu', () => {
  it('approves without a delay, since Patch Manager takes no approval delay for Ubuntu', async () => {
    const s = state({
      regional: {
        [E1]: {
          'ec2.instances': [instance('i-0ubu')],
          'ssm.managedInstances': [{ id: 'i-0ubu', pingStatus: 'Online', lastPing: null, platformType: 'Linux', platformName: 'Ubuntu', platformVersion: '22.04' }],
          'ssm.patchBaselines': [],
          'ssm.patchAssociations': [],
          'ssm.maintenanceWindows': [],
        },
      },
    });
    const plan = await planFor('ssm-patch-baseline', s);
    const create = plan.actions.find((a) => a.command === 'CreatePatchBaseline');
    expect(create?.input).toMatchObject({ OperatingSystem: 'UBUNTU', ApprovalRules: { PatchRules: [expect.objectContaining({ ApproveAfterDays: 0 })] } });
    expect(create?.summary).toMatch(/approved as soon as they are published/);
  });
});

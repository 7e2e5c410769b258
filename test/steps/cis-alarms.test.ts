/** The CIS alarm set: each check passes on the CIS filter pattern with a notifying alarm, and fails or is unknown otherwise. */
import { describe, expect, it } from 'vitest';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, denied, state } from '../helpers/state.js';
import { trail } from './02-fixtures.js';

const E1 = 'us-east-1';
const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail-events:*`;
const t = trail('main', { cloudWatchLogGroupArn: group });
const topic = `arn:aws:sns:us-east-1:${ACCOUNT}:security`;
const confirmed = [{ topicArn: topic, protocol: 'email', endpoint: 'sec@maple.example', confirmed: true }];
const alarm = { name: 'cis', arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:cis`, metrics: [{ name: 'Cis', namespace: 'CISBenchmark' }], actionsEnabled: true, alarmActions: [topic], state: 'OK' };
const filter = (pattern: string) => [{ name: 'cis-filter', logGroupName: 'trail-events', pattern, metrics: [{ name: 'Cis', namespace: 'CISBenchmark' }] }];
const s = (pattern: string, subs = confirmed) => state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filter(pattern), 'cloudwatch.alarms': [alarm], 'sns.subscriptions': subs } } });

/** The metric filter patterns of the CIS AWS Foundations Benchmark 4.x, as AWS documents them. */
const CIS: [string, string][] = [
  ['alarm-console-no-mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }'],
  [
    'alarm-iam-policy-changes',
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  ],
  ['alarm-cloudtrail-changes', '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }'],
  ['alarm-kms-key-changes', '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }'],
  [
    'alarm-s3-policy-changes',
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
  ],
  ['alarm-config-changes', '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }'],
  [
    'alarm-security-group-changes',
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  ],
  ['alarm-nacl-changes', '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }'],
  ['alarm-gateway-changes', '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }'],
  ['alarm-route-table-changes', '{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }'],
  [
    'alarm-vpc-changes',
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
  ],
  ['alarm-organizations-changes', '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "CreateAccount") || ($.eventName = "LeaveOrganization") || ($.eventName = "RemoveAccountFromOrganization")) }'],
];

describe('the CIS alarm set', () => {
  for (const [id, pattern] of CIS) {
    it(`${id} passes the CIS pattern with an alarm notifying a confirmed subscriber`, async () => {
      const f = await runCheckById(id, s(pattern));
      expect(f.status).toBe('pass');
      expect(f.message).toMatch(/^Metric filter cis-filter on log group trail-events in us-east-1 watches .*, and alarm cis notifies a confirmed subscriber\.$/);
    });
  }
  it('no CIS pattern satisfies another check of the set (each filter watches its own events)', async () => {
    for (const [id] of CIS) {
      for (const [other, pattern] of CIS) {
        if (other === id || (id === 'alarm-route-table-changes' && other === 'alarm-vpc-changes')) continue;
        expect({ id, other, status: (await runCheckById(id, s(pattern))).status }).toEqual({ id, other, status: 'fail' });
      }
    }
  });
  it('fails when the alarm topic has only a subscription pending confirmation', async () => {
    const f = await runCheckById('alarm-iam-policy-changes', s(CIS[1]![1], [{ ...confirmed[0]!, confirmed: false }]));
    expect(f.status).toBe('fail');
    expect(f.message).toBe(
      'Metric filter cis-filter on log group trail-events in us-east-1 watches IAM policy changes, but no enabled alarm on it notifies an SNS topic with a confirmed subscriber.',
    );
  });
  it('fails naming the log group when no filter watches the events', async () => {
    const f = await runCheckById('alarm-kms-key-changes', s('{ $.eventName = ConsoleLogin }'));
    expect(f.message).toBe('No metric filter on CloudTrail log group trail-events (us-east-1) watches disabling or scheduled deletion of KMS keys.');
  });
  it('fails when no trail sends events to CloudWatch Logs', async () => {
    const f = await runCheckById('alarm-vpc-changes', state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main')] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/^No CloudTrail trail sends its events to a CloudWatch log group in us-east-1/);
  });
  it('is unknown, naming logs:DescribeMetricFilters, when the filters cannot be read', async () => {
    const f = await runCheckById('alarm-nacl-changes', state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': denied('logs:DescribeMetricFilters') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['logs:DescribeMetricFilters']);
  });
  it('carries the HIPAA citation: log-in monitoring for sign-ins, audit controls for changes', async () => {
    expect((await runCheckById('alarm-console-no-mfa', s(CIS[0]![1]))).hipaa).toMatchObject({ section: '164.308(a)(5)(ii)(C)' });
    expect((await runCheckById('alarm-s3-policy-changes', s(CIS[4]![1]))).hipaa).toMatchObject({ section: '164.312(b)' });
  });
});

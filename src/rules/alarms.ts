/**
 * Alarms on CloudTrail events, as the checks judge them and the fixes create them: the log groups
 * trails deliver to, whether a notifying alarm watches a kind of event, and the CIS AWS Foundations
 * alarm set (one entry per change to watch, with the test a metric filter's pattern must pass and the
 * pattern the cis-alarms fix writes, which passes it).
 */
import type { Outcome } from '../engine/model.js';
import { failed, passed, readIn } from '../engine/outcome.js';
import type { AccountState } from '../engine/state.js';
import { allTrails } from './cloudtrail.js';

/** The log groups CloudTrail trails deliver to, in the scanned regions. */
export function trailLogGroups(state: AccountState): { region: string; name: string }[] {
  const { trails } = allTrails(state);
  return [
    ...new Map(
      trails
        .filter((t) => t.cloudWatchLogGroupArn)
        .map((t) => {
          const arn = t.cloudWatchLogGroupArn as string;
          const region = arn.split(':')[3] ?? t.homeRegion;
          const name = (arn.split(':log-group:')[1] ?? '').replace(/:\*$/, '');
          return [`${region}/${name}`, { region, name }] as const;
        }),
    ).values(),
  ].filter((g) => state.regions.includes(g.region));
}

/** Whether a notifying alarm watches events matching `test` on a trail's log group; unreadable slices stop the check as unknown. */
export function watched(state: AccountState, label: string, test: (pattern: string) => boolean): Outcome {
  const groups = trailLogGroups(state);
  if (groups.length === 0) {
    return failed(`No CloudTrail trail sends its events to a CloudWatch log group in ${state.regions.join(', ')}, so no alarm can watch for ${label}.`);
  }
  for (const g of groups) {
    const filters = readIn(state, 'logs.metricFilters', g.region).filter((f) => f.logGroupName === g.name && test(f.pattern));
    if (filters.length === 0) continue;
    const alarms = readIn(state, 'cloudwatch.alarms', g.region);
    const subs = readIn(state, 'sns.subscriptions', g.region);
    const reaches = (arn: string) => arn.startsWith('arn:') && arn.split(':')[2] === 'sns' && subs.some((s) => s.topicArn === arn && s.confirmed);
    for (const f of filters) {
      const alarm = alarms.find(
        (a) => a.actionsEnabled && a.alarmActions.some(reaches) && a.metrics.some((m) => f.metrics.some((fm) => fm.name === m.name && fm.namespace === m.namespace)),
      );
      if (alarm) return passed(`Metric filter ${f.name} on log group ${g.name} in ${g.region} watches ${label}, and alarm ${alarm.name} notifies a confirmed subscriber.`);
    }
    return failed(
      `Metric filter ${filters.map((f) => f.name).join(', ')} on log group ${g.name} in ${g.region} watches ${label}, but no enabled alarm on it notifies an SNS topic with a confirmed subscriber.`,
    );
  }
  return failed(`No metric filter on CloudTrail log group ${groups.map((g) => `${g.name} (${g.region})`).join(', ')} watches ${label}.`);
}

export interface CisAlarm {
  readonly id: string;
  /** The events, for sentences ("IAM policy changes"). */
  readonly label: string;
  readonly title: string;
  readonly cis: string;
  readonly why: string;
  /** Whether a metric filter's pattern watches these events. */
  readonly test: (pattern: string) => boolean;
  /** A login event: HIPAA's log-in monitoring (§164.308(a)(5)(ii)(C)) rather than audit controls. */
  readonly loginRelated?: boolean;
  /** The metric the cis-alarms fix counts the events as (namespace HipaaWizard/Security). */
  readonly metric: string;
  /** The metric filter pattern the fix writes: the CIS benchmark's, which `test` accepts. */
  readonly pattern: string;
}

export const CIS_ALARMS: readonly CisAlarm[] = [
  {
    id: 'alarm-cloudtrail-changes',
    label: 'CloudTrail configuration changes',
    title: 'An alarm fires when CloudTrail is changed or stopped',
    cis: '4.5',
    why: 'Stopping or changing a trail is the first thing an intruder does to hide; an alarm makes sure someone notices the audit trail going dark',
    test: (p) => /StopLogging/.test(p) && /DeleteTrail/.test(p) && /UpdateTrail|CreateTrail/.test(p),
    metric: 'CloudTrailChanges',
    pattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  },
  {
    id: 'alarm-config-changes',
    label: 'AWS Config configuration changes',
    title: 'An alarm fires when AWS Config recording is changed or stopped',
    cis: '4.9',
    why: 'Stopping the Config recorder removes the history of how resources were set up; an alarm makes sure the gap is noticed',
    test: (p) => /StopConfigurationRecorder/.test(p) && /(Delete|Put)DeliveryChannel/.test(p),
    metric: 'ConfigChanges',
    pattern: '{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }',
  },
  {
    id: 'alarm-console-no-mfa',
    label: 'console sign-ins without MFA',
    title: 'An alarm fires on console sign-ins without MFA',
    cis: '4.2',
    why: 'A console sign-in without MFA is how a stolen password gets used; an alarm tells someone while the session is still open',
    test: (p) => /ConsoleLogin/.test(p) && /MFAUsed/.test(p),
    loginRelated: true,
    metric: 'ConsoleSignInWithoutMfa',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: 'alarm-gateway-changes',
    label: 'network gateway changes',
    title: 'An alarm fires on network gateway changes',
    cis: '4.12',
    why: 'A new or attached internet or customer gateway opens a path in or out of your network; an alarm makes sure each one is expected',
    test: (p) => /(Create|Delete)CustomerGateway/.test(p) && /(Attach|Detach|Create|Delete)InternetGateway/.test(p),
    metric: 'GatewayChanges',
    pattern: '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
  },
  {
    id: 'alarm-iam-policy-changes',
    label: 'IAM policy changes',
    title: 'An alarm fires on IAM policy changes',
    cis: '4.4',
    why: 'A new or changed IAM policy can quietly grant someone access to every record; an alarm lets a person check each change the day it happens',
    test: (p) => /(Put|Delete)(Role|User|Group)Policy/.test(p) && /(Attach|Detach)(Role|User|Group)Policy/.test(p) && /CreatePolicy/.test(p),
    metric: 'IamPolicyChanges',
    pattern: '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }',
  },
  {
    id: 'alarm-kms-key-changes',
    label: 'disabling or scheduled deletion of KMS keys',
    title: 'An alarm fires when a KMS key is disabled or scheduled for deletion',
    cis: '4.7',
    why: 'Disabling or deleting a customer managed key makes everything encrypted with it unreadable, backups included; an alarm gives time to cancel the deletion',
    test: (p) => /DisableKey/.test(p) && /ScheduleKeyDeletion/.test(p),
    metric: 'KmsKeyDisabledOrDeleted',
    pattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  },
  {
    id: 'alarm-nacl-changes',
    label: 'network ACL changes',
    title: 'An alarm fires on network ACL changes',
    cis: '4.11',
    why: 'Network ACLs filter whole subnets; an alarm makes a changed or deleted rule visible the moment it happens',
    test: (p) => /(Create|Replace|Delete)NetworkAclEntry/.test(p),
    metric: 'NetworkAclChanges',
    pattern: '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
  },
  {
    id: 'alarm-organizations-changes',
    label: 'AWS Organizations changes',
    title: 'An alarm fires on AWS Organizations changes',
    cis: '4.15',
    why: 'An account leaving the organization, or a new one joining, changes which guardrails apply to patient data; an alarm makes sure it was intended',
    test: (p) => /organizations\.amazonaws\.com/.test(p),
    metric: 'OrganizationsChanges',
    pattern: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) || ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName = CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName = DeclineHandshake) || ($.eventName = DeleteOrganization) || ($.eventName = DeleteOrganizationalUnit) || ($.eventName = DeletePolicy) || ($.eventName = DetachPolicy) || ($.eventName = DisablePolicyType) || ($.eventName = EnablePolicyType) || ($.eventName = InviteAccountToOrganization) || ($.eventName = LeaveOrganization) || ($.eventName = MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName = UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }',
  },
  {
    id: 'alarm-route-table-changes',
    label: 'route table changes',
    title: 'An alarm fires on route table changes',
    cis: '4.13',
    why: 'A changed route can send private subnets through the internet or to another network; an alarm lets someone check it',
    test: (p) => /(Create|Replace|Delete)Route\b/.test(p) || /(Create|Delete)RouteTable|ReplaceRouteTableAssociation/.test(p),
    metric: 'RouteTableChanges',
    pattern: '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }',
  },
  {
    id: 'alarm-s3-policy-changes',
    label: 'S3 bucket policy changes',
    title: 'An alarm fires on S3 bucket policy changes',
    cis: '4.8',
    why: 'One changed bucket policy can make a bucket of patient files public; an alarm lets someone review every change at once',
    test: (p) => /PutBucketPolicy/.test(p) && /DeleteBucketPolicy/.test(p),
    metric: 'S3BucketPolicyChanges',
    pattern: '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
  },
  {
    id: 'alarm-security-group-changes',
    label: 'security group changes',
    title: 'An alarm fires on security group changes',
    cis: '4.10',
    why: 'A security group rule is all that keeps a database off the internet; an alarm lets someone review each change as it is made',
    test: (p) => /AuthorizeSecurityGroupIngress/.test(p) && /RevokeSecurityGroupIngress|DeleteSecurityGroup/.test(p),
    metric: 'SecurityGroupChanges',
    pattern: '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  },
  {
    id: 'alarm-vpc-changes',
    label: 'VPC changes',
    title: 'An alarm fires on VPC changes',
    cis: '4.14',
    why: 'New VPCs, peerings and changed VPC attributes change who can reach what; an alarm keeps the network map honest',
    test: (p) => /(Create|Delete)Vpc\b/.test(p) && /VpcPeeringConnection/.test(p),
    metric: 'VpcChanges',
    pattern: '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
  },
];

/** The CIS alarm of this check id. */
export function cisAlarmOf(id: string): CisAlarm {
  const a = CIS_ALARMS.find((x) => x.id === id);
  if (!a) throw new Error(`no CIS alarm ${id}`);
  return a;
}

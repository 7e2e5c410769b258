/**
 * Plan pieces the alarm fixes share (security-alarms, cis-alarms): metric filters on the log group a
 * CloudTrail trail sends its events to, each with an alarm notifying an SNS topic (and an e-mail
 * address when given). When no trail sends its events to CloudWatch Logs yet, the trail is first
 * connected to a new, encrypted log group through a role only CloudTrail can assume. Alarms that
 * would reach nobody are refused: without an e-mail address, the topic must already have a confirmed
 * subscriber. Undo deletes the alarms and filters, unsubscribes the address it subscribed and
 * disconnects the trail; it never deletes the log group and the events it holds, nor a topic.
 */
import type { PlanAction, RemediationDef, Settings } from '../../src/engine/model.js';
import { read, readIn } from '../../src/engine/outcome.js';
import type { AccountState } from '../../src/engine/state.js';
import { allTrails } from '../../src/rules/cloudtrail.js';
import { ensureLogGroup } from './logs.js';
import { OptionValues } from '../../src/schemas/options.js';

export const ALARM_NAMESPACE = 'HipaaWizard/Security';

/** One metric filter and its alarm: named `filter`, counting events matching `pattern` as `metric`. */
export interface AlarmSpec {
  readonly filter: string;
  readonly pattern: string;
  readonly metric: string;
  /** The events, for sentences ("root user activity"). */
  readonly label: string;
}

/** Where the alarms go: the trail's log group, and whether a trail already sends its events there. */
export interface AlarmSite {
  readonly region: string;
  readonly group: string;
  readonly connected: boolean;
}

/** What both alarm fixes declare: the calls they and their undos send, the role they may create, what they read. */
export const ALARM_FIX_PARTS: Pick<RemediationDef, 'leavesAlone' | 'permissions' | 'scopes' | 'needs' | 'options' | 'notes'> = {
  leavesAlone: ['the log group and the events it holds (undo)', 'a topic that existed before (undo)'],
  permissions: [
    'logs:PutMetricFilter',
    'logs:DeleteMetricFilter',
    'logs:CreateLogGroup',
    'logs:PutRetentionPolicy',
    // The key that encrypts the log group (lib/logs.ts); undo keeps it, its alias and its rotation with the group.
    'kms:CreateKey',
    'kms:CreateAlias',
    'kms:EnableKeyRotation',
    'cloudwatch:PutMetricAlarm',
    'cloudwatch:DeleteAlarms',
    'sns:CreateTopic',
    'sns:Subscribe',
    'sns:Unsubscribe',
    'cloudtrail:UpdateTrail',
    'iam:CreateRole',
    'iam:DeleteRole',
    'iam:PutRolePolicy',
    'iam:DeleteRolePolicy',
    'iam:PassRole',
  ],
  scopes: [
    { actions: ['iam:CreateRole', 'iam:DeleteRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy'], resources: ['arn:{partition}:iam::{account}:role/hipaa-wizard-cloudtrail-to-logs'] },
    { actions: ['iam:PassRole'], resources: ['arn:{partition}:iam::{account}:role/hipaa-wizard-cloudtrail-to-logs'], condition: { StringEquals: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } } },
  ],
  needs: { global: ['iam.authorization'], regional: ['logs.logGroups', 'sns.subscriptions', 'kms.keys'] },
  options: [
    { name: 'email', description: 'an address the alarms e-mail (it must confirm the subscription)', schema: OptionValues.email() },
    { name: 'topic', description: 'the SNS topic the alarms notify', default: 'hipaa-wizard-security-alarms' },
    { name: 'log-group', description: 'the log group a trail is connected to when none sends to CloudWatch Logs', default: '/hipaa-wizard/cloudtrail' },
  ],
  notes: ['Each alarm costs about $0.10 a month; CloudTrail events sent to CloudWatch Logs bill as log ingestion.', 'An e-mail subscription only works once the recipient clicks the confirmation link AWS sends.'],
};

/**
 * The actions that make the alarms `wanted(site)` names watch the trail's log group and notify the
 * topic; none when `wanted` names none (after connecting the trail, if that was needed).
 */
export function planTrailAlarms(state: AccountState, options: Readonly<Record<string, string | undefined>>, settings: Settings, wanted: (site: AlarmSite) => readonly AlarmSpec[]): PlanAction[] {
  const { partition, accountId } = state.identity;
  const { trails } = allTrails(state);
  const actions: PlanAction[] = [];
  let region: string;
  let group: string;
  const connected = trails.find((t) => t.cloudWatchLogGroupArn && state.regions.includes(t.cloudWatchLogGroupArn.split(':')[3] ?? ''));
  if (connected?.cloudWatchLogGroupArn) {
    region = connected.cloudWatchLogGroupArn.split(':')[3] ?? state.homeRegion;
    group = (connected.cloudWatchLogGroupArn.split(':log-group:')[1] ?? '').replace(/:\*$/, '');
  } else {
    const trail = trails.find((t) => t.multiRegion) ?? trails[0];
    if (!trail) throw new Error('no CloudTrail trail exists to watch; create one first (hipaa-wizard plan cloudtrail-trail)');
    region = trail.homeRegion;
    group = options['log-group'] ?? '/hipaa-wizard/cloudtrail';
    const role = 'hipaa-wizard-cloudtrail-to-logs';
    const roleArn = `arn:${partition}:iam::${accountId}:role/${role}`;
    const groupArn = `arn:${partition}:logs:${region}:${accountId}:log-group:${group}:*`;
    actions.push(...ensureLogGroup(state, region, group, settings, 'the CloudTrail events'));
    if (!read(state, 'iam.authorization').roles.some((r) => r.name === role)) {
      const home = state.homeRegion;
      actions.push(
        {
          effect: '+',
          service: 'iam',
          command: 'CreateRole',
          input: {
            RoleName: role,
            AssumeRolePolicyDocument: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            }),
            Description: 'Lets CloudTrail deliver events to CloudWatch Logs (hipaa-wizard).',
          },
          region: home,
          resource: roleArn,
          summary: `Create the IAM role ${role}, which only CloudTrail can assume.`,
          reversible: true,
          undo: [{ service: 'iam', command: 'DeleteRole', input: { RoleName: role }, region: home }],
        },
        {
          effect: '+',
          service: 'iam',
          command: 'PutRolePolicy',
          input: {
            RoleName: role,
            PolicyName: 'deliver-to-logs',
            PolicyDocument: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: groupArn }],
            }),
          },
          region: home,
          resource: roleArn,
          summary: `Let the role ${role} write only to ${group}.`,
          reversible: true,
          undo: [{ service: 'iam', command: 'DeleteRolePolicy', input: { RoleName: role, PolicyName: 'deliver-to-logs' }, region: home }],
        },
      );
    }
    actions.push({
      effect: '~',
      service: 'cloudtrail',
      command: 'UpdateTrail',
      input: { Name: trail.arn, CloudWatchLogsLogGroupArn: groupArn, CloudWatchLogsRoleArn: roleArn },
      region: trail.homeRegion,
      resource: `trail ${trail.name}`,
      summary: `Send the events of trail ${trail.name} to the log group ${group} as well.`,
      reversible: true,
      undo: [{ service: 'cloudtrail', command: 'UpdateTrail', input: { Name: trail.arn, CloudWatchLogsLogGroupArn: '', CloudWatchLogsRoleArn: '' }, region: trail.homeRegion }],
    });
  }

  const missing = wanted({ region, group, connected: Boolean(connected?.cloudWatchLogGroupArn) });
  if (missing.length === 0) return actions;
  const topic = options.topic ?? 'hipaa-wizard-security-alarms';
  const topicArn = `arn:${partition}:sns:${region}:${accountId}:${topic}`;
  const subs = readIn(state, 'sns.subscriptions', region).filter((s) => s.topicArn === topicArn);
  const topicExists = subs.length > 0;
  if (!options.email && !subs.some((s) => s.confirmed)) {
    throw new Error(
      `the SNS topic ${topic} in ${region} has no confirmed subscriber, so the alarms would notify nobody; give an address with --option email=<address> (it must confirm the subscription) or a topic someone already receives with --option topic=<name>`,
    );
  }
  if (!topicExists) actions.push({
    effect: '+',
    service: 'sns',
    command: 'CreateTopic',
    input: { Name: topic },
    region,
    resource: `SNS topic ${topic}`,
    summary: `Create the SNS topic ${topic} in ${region} for the security alarms.`,
    reversible: false,
    irreversibleBecause: `Undo leaves the SNS topic ${topic} in ${region} in place: a topic without subscribers is not listed before the fix, so it may have existed already and others may publish to it.`,
  });
  if (options.email && !subs.some((s) => s.protocol === 'email' && s.endpoint === options.email)) {
    actions.push({
      effect: '+',
      service: 'sns',
      command: 'Subscribe',
      // ReturnSubscriptionArn: an e-mail subscription stays "pending confirmation" until the
      // recipient clicks the link, and without it AWS returns no ARN to unsubscribe until then.
      input: { TopicArn: topicArn, Protocol: 'email', Endpoint: options.email, ReturnSubscriptionArn: true },
      region,
      resource: `SNS topic ${topic}`,
      summary: `E-mail ${options.email} when an alarm fires (after they confirm). A pending e-mail subscription has no ARN to unsubscribe until it is confirmed, so the fix asks AWS for the ARN at once and undo unsubscribes it, confirmed or not.`,
      reversible: true,
      undo: [{ service: 'sns', command: 'Unsubscribe', input: { SubscriptionArn: '{{self.SubscriptionArn}}' }, region }],
    });
  }
  for (const p of missing) {
    actions.push(
      {
        effect: '+',
        service: 'logs',
        command: 'PutMetricFilter',
        input: {
          logGroupName: group,
          filterName: p.filter,
          filterPattern: p.pattern,
          metricTransformations: [{ metricName: p.metric, metricNamespace: ALARM_NAMESPACE, metricValue: '1' }],
        },
        region,
        resource: `log group ${group}`,
        summary: `Count ${p.label} in ${group} as the metric ${ALARM_NAMESPACE}/${p.metric}.`,
        reversible: true,
        undo: [{ service: 'logs', command: 'DeleteMetricFilter', input: { logGroupName: group, filterName: p.filter }, region }],
      },
      {
        effect: '+',
        service: 'cloudwatch',
        command: 'PutMetricAlarm',
        input: {
          AlarmName: p.filter,
          AlarmDescription: `Notifies ${topic} on ${p.label} (hipaa-wizard).`,
          MetricName: p.metric,
          Namespace: ALARM_NAMESPACE,
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
          AlarmActions: [topicArn],
        },
        region,
        resource: `alarm ${p.filter}`,
        summary: `Alarm to ${topic} as soon as ${p.label} happen.`,
        reversible: true,
        undo: [{ service: 'cloudwatch', command: 'DeleteAlarms', input: { AlarmNames: [p.filter] }, region }],
      },
    );
  }
  return actions;
}

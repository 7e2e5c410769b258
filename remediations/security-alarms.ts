/**
 * Metric filters and alarms on the CloudTrail log group for root use, failed console sign-ins and
 * unauthorized API calls, notifying an SNS topic (and an e-mail address when given). When no trail
 * sends its events to CloudWatch Logs yet, the plan first connects the multi-region trail to a new
 * log group through a role CloudTrail assumes. It refuses without an e-mail address or a topic that
 * already has a confirmed subscriber (alarms that reach nobody are no alarms) and reuses a topic that
 * exists. Undo deletes the alarms and filters, unsubscribes the address it subscribed, and
 * disconnects the trail again; it never deletes the log group and the CloudTrail events it holds.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read, readIn } from '../src/engine/outcome.js';
import { allTrails } from '../src/rules/cloudtrail.js';
import { SECURITY_EVENTS } from '../steps/02-audit-controls/checks/security-alarms.js';
import { ensureLogGroup } from './lib/logs.js';

export const ALARM_PATTERNS: Record<(typeof SECURITY_EVENTS)[number]['key'], { filter: string; pattern: string; metric: string }> = {
  'root-use': {
    filter: 'hipaa-wizard-root-use',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    metric: 'RootAccountUse',
  },
  'console-failures': {
    filter: 'hipaa-wizard-console-sign-in-failures',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    metric: 'ConsoleSignInFailures',
  },
  'unauthorized-calls': {
    filter: 'hipaa-wizard-unauthorized-api-calls',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    metric: 'UnauthorizedAPICalls',
  },
};
const NAMESPACE = 'HipaaWizard/Security';

export default defineRemediation({
  id: 'security-alarms',
  title: 'Alarm on root use, failed sign-ins and unauthorized calls',
  fixes: ['security-alarms'],
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
    { name: 'email', description: 'an address the alarms e-mail (it must confirm the subscription)' },
    { name: 'topic', description: 'the SNS topic the alarms notify', default: 'hipaa-wizard-security-alarms' },
    { name: 'log-group', description: 'the log group a trail is connected to when none sends to CloudWatch Logs', default: '/hipaa-wizard/cloudtrail' },
  ],
  notes: ['Each alarm costs about $0.10 a month; CloudTrail events sent to CloudWatch Logs bill as log ingestion.', 'An e-mail subscription only works once the recipient clicks the confirmation link AWS sends.'],
  plan(state, { options, settings }) {
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

    const filters = connected ? readIn(state, 'logs.metricFilters', region).filter((f) => f.logGroupName === group) : [];
    const alarms = connected ? readIn(state, 'cloudwatch.alarms', region) : [];
    const missing = SECURITY_EVENTS.filter(
      (e) =>
        !filters.some(
          (f) =>
            e.test(f.pattern) &&
            alarms.some((a) => a.actionsEnabled && a.alarmActions.length > 0 && a.metrics.some((m) => f.metrics.some((fm) => fm.name === m.name && fm.namespace === m.namespace))),
        ),
    );
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
    for (const e of missing) {
      const p = ALARM_PATTERNS[e.key];
      actions.push(
        {
          effect: '+',
          service: 'logs',
          command: 'PutMetricFilter',
          input: {
            logGroupName: group,
            filterName: p.filter,
            filterPattern: p.pattern,
            metricTransformations: [{ metricName: p.metric, metricNamespace: NAMESPACE, metricValue: '1' }],
          },
          region,
          resource: `log group ${group}`,
          summary: `Count ${e.label} in ${group} as the metric ${NAMESPACE}/${p.metric}.`,
          reversible: true,
          undo: [{ service: 'logs', command: 'DeleteMetricFilter', input: { logGroupName: group, filterName: p.filter }, region }],
        },
        {
          effect: '+',
          service: 'cloudwatch',
          command: 'PutMetricAlarm',
          input: {
            AlarmName: p.filter,
            AlarmDescription: `Notifies ${topic} on ${e.label} (hipaa-wizard).`,
            MetricName: p.metric,
            Namespace: NAMESPACE,
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
          summary: `Alarm to ${topic} as soon as ${e.label} happen.`,
          reversible: true,
          undo: [{ service: 'cloudwatch', command: 'DeleteAlarms', input: { AlarmNames: [p.filter] }, region }],
        },
      );
    }
    return actions;
  },
});

/**
 * Turns on VPC flow logs for every VPC without an active one: an IAM role the flow-logs service
 * assumes to write (created once), a CloudWatch log group per region kept for the required period,
 * and one flow log per VPC recording all traffic. Undo deletes the flow logs (by the ids AWS gave
 * them); it keeps the log groups (they hold the records collected) and the role, which another flow
 * log may deliver through by then (IAM does not say who uses a role, and deleting it stops them).
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read, readIn } from '../src/engine/outcome.js';
import { ensureLogGroup } from './lib/logs.js';

export const FLOW_LOGS_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

const writePolicy = (partition: string, account: string, group: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'],
      Resource: [`arn:${partition}:logs:*:${account}:log-group:${group}`, `arn:${partition}:logs:*:${account}:log-group:${group}:*`],
    },
  ],
});

export default defineRemediation({
  id: 'vpc-flow-logs',
  title: 'Record VPC traffic in flow logs',
  fixes: ['vpc-flow-logs'],
  leavesAlone: ['VPCs that already have an active flow log', 'the log group and the records it holds (undo)'],
  permissions: [
    'ec2:CreateFlowLogs',
    'ec2:DeleteFlowLogs',
    'logs:CreateLogGroup',
    'logs:PutRetentionPolicy',
    // The key that encrypts the log group (lib/logs.ts); undo keeps it, its alias and its rotation with the group.
    'kms:CreateKey',
    'kms:CreateAlias',
    'kms:EnableKeyRotation',
    'iam:CreateRole',
    'iam:PutRolePolicy',
    'iam:PassRole',
  ],
  scopes: [
    // Only the role this fix creates, never any role: creating or passing any role is a way to escalate privileges.
    { actions: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:PassRole'], resources: ['arn:{partition}:iam::{account}:role/{role}'] },
  ],
  needs: { global: ['iam.authorization'], regional: ['logs.logGroups', 'kms.keys'] },
  options: [
    { name: 'log-group', description: 'the CloudWatch log group the flow logs write to, in each region', default: '/hipaa-wizard/vpc-flow-logs' },
    { name: 'role', description: 'the IAM role the flow-logs service uses to write', default: 'hipaa-wizard-vpc-flow-logs' },
  ],
  notes: ['Flow log records are billed as CloudWatch Logs ingestion and storage; a busy VPC writes a lot.'],
  plan(state, { options, settings, failing }) {
    // One scope rule: only the VPCs the check failed (and, of those, the ones with no active flow log).
    const failed = new Set(failing('vpc-flow-logs').map((r) => r.id));
    const group = options['log-group'] ?? '/hipaa-wizard/vpc-flow-logs';
    const role = options.role ?? 'hipaa-wizard-vpc-flow-logs';
    const { partition, accountId } = state.identity;
    const roleArn = `arn:${partition}:iam::${accountId}:role/${role}`;
    const home = state.homeRegion;
    const work: PlanAction[] = [];
    let needRole: boolean | undefined;
    for (const region of state.regions) {
      const logs = readIn(state, 'ec2.flowLogs', region);
      const bare = readIn(state, 'ec2.vpcs', region).filter((v) => failed.has(v.id) && !logs.some((f) => f.resourceId === v.id && f.status === 'ACTIVE'));
      if (bare.length === 0) continue;
      // The role's two actions come first in the plan; the log group's key refers to its own position.
      needRole ??= !read(state, 'iam.authorization').roles.some((r) => r.name === role);
      work.push(...ensureLogGroup(state, region, group, settings, 'the flow log records'));
      for (const v of bare) {
        work.push({
          effect: '+',
          service: 'ec2',
          command: 'CreateFlowLogs',
          input: {
            ResourceIds: [v.id],
            ResourceType: 'VPC',
            TrafficType: 'ALL',
            LogDestinationType: 'cloud-watch-logs',
            LogGroupName: group,
            DeliverLogsPermissionArn: roleArn,
          },
          region,
          resource: `VPC ${v.id}${v.tags.Name ? ` (${v.tags.Name})` : ''}`,
          summary: `Record all traffic of VPC ${v.id} in ${region} to the log group ${group}.`,
          reversible: true,
          undo: [{ service: 'ec2', command: 'DeleteFlowLogs', input: { FlowLogIds: '{{self.FlowLogIds}}' }, region }],
        });
      }
    }
    if (work.length === 0) return [];
    const roleActions: PlanAction[] = [];
    if (needRole) {
      roleActions.push(
        {
          effect: '+',
          service: 'iam',
          command: 'CreateRole',
          input: { RoleName: role, AssumeRolePolicyDocument: JSON.stringify(FLOW_LOGS_TRUST), Description: 'Lets VPC flow logs write to CloudWatch Logs (hipaa-wizard).' },
          region: home,
          resource: roleArn,
          summary: `Create the IAM role ${role}, which only the VPC flow-logs service can assume.`,
          reversible: false,
          irreversibleBecause: `Undo leaves the IAM role ${role} in place: by then another flow log may deliver through it or it may have been assumed recently, and deleting it would silently stop that delivery; delete it in IAM once no flow log names it and its last use is old`,
        },
        {
          effect: '+',
          service: 'iam',
          command: 'PutRolePolicy',
          input: { RoleName: role, PolicyName: 'write-flow-logs', PolicyDocument: JSON.stringify(writePolicy(partition, accountId, group)) },
          region: home,
          resource: roleArn,
          summary: `Let the role ${role} write only to the log group ${group}.`,
          reversible: false,
          irreversibleBecause: `Undo keeps the policy of the role ${role}, which stays for any flow log that still delivers through it`,
        },
      );
    }
    return [...roleActions, ...work];
  },
});

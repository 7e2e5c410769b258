/**
 * Makes MFA unavoidable for console users: a customer-managed policy that denies everything except
 * setting up one's own MFA device and changing one's own password until the session has MFA, attached
 * to a group (created when missing), and the console users without MFA added to that group. Their
 * next sign-in can do nothing but enroll a device. Undo removes the users, detaches and deletes.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';

/** What a person without MFA may still do: look at and set up their own MFA, and change their own password. */
const SELF_SERVICE = [
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetUser',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'sts:GetSessionToken',
];

export function mfaPolicyDocument(partition: string) {
  const self = `arn:${partition}:iam::*:user/\${aws:username}`;
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AllowViewAccountInfo', Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'], Resource: '*' },
      { Sid: 'AllowManageOwnPasswords', Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetUser'], Resource: self },
      { Sid: 'AllowManageOwnVirtualMFADevice', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice'], Resource: `arn:${partition}:iam::*:mfa/*` },
      {
        Sid: 'AllowManageOwnUserMFA',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: self,
      },
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: SELF_SERVICE,
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  };
}

export default defineRemediation({
  id: 'mfa-enforcement-policy',
  title: 'Require MFA before console users can do anything',
  fixes: ['console-users-mfa'],
  risk: 'disruptive',
  permissions: [
    'iam:CreatePolicy',
    'iam:DeletePolicy',
    'iam:CreateGroup',
    'iam:DeleteGroup',
    'iam:AttachGroupPolicy',
    'iam:DetachGroupPolicy',
    'iam:AddUserToGroup',
    'iam:RemoveUserFromGroup',
    'iam:GetAccountAuthorizationDetails',
  ],
  needs: { global: ['iam.authorization'] },
  options: [
    { name: 'group', description: 'the IAM group the policy is attached to (created when missing)', default: 'mfa-required' },
    { name: 'policy', description: 'the name of the customer-managed policy', default: 'hipaa-wizard-require-mfa' },
    { name: 'add-users', description: 'add the console users without MFA to the group: yes or no', default: 'yes' },
  ],
  notes: [
    'Until they set up MFA, the people added to the group can only enroll an MFA device and change their password; tell them before applying.',
    'The deny also covers calls made with their long-term access keys (those carry no MFA): keep robot users out of this group.',
    'The check passes once every console user has enrolled a device; this fix makes that the only way forward, it cannot enroll devices for them.',
  ],
  plan(state, { options }) {
    const group = options.group ?? 'mfa-required';
    const policy = options.policy ?? 'hipaa-wizard-require-mfa';
    if (!['yes', 'no'].includes(options['add-users'] ?? 'yes')) throw new Error(`the add-users option takes yes or no, not "${options['add-users']}"`);
    const { partition, accountId } = state.identity;
    const policyArn = `arn:${partition}:iam::${accountId}:policy/${policy}`;
    const auth = read(state, 'iam.authorization');
    const region = state.homeRegion;
    const actions: PlanAction[] = [];
    const existingPolicy = auth.policies.find((p) => p.arn === policyArn);
    const existingGroup = auth.groups.find((g) => g.name === group);
    if (!existingPolicy) {
      actions.push({
        effect: '+',
        service: 'iam',
        command: 'CreatePolicy',
        input: {
          PolicyName: policy,
          PolicyDocument: JSON.stringify(mfaPolicyDocument(partition)),
          Description: 'Denies everything except MFA self-service until the session is signed in with MFA (hipaa-wizard).',
        },
        region,
        resource: policyArn,
        summary: `Create the policy ${policy}: without MFA, a user can only set up their own MFA device and change their password.`,
        reversible: true,
        undo: [{ service: 'iam', command: 'DeletePolicy', input: { PolicyArn: policyArn }, region }],
      });
    }
    if (!existingGroup) {
      actions.push({
        effect: '+',
        service: 'iam',
        command: 'CreateGroup',
        input: { GroupName: group },
        region,
        resource: `IAM group ${group}`,
        summary: `Create the IAM group ${group}.`,
        reversible: true,
        undo: [{ service: 'iam', command: 'DeleteGroup', input: { GroupName: group }, region }],
      });
    }
    if (!existingGroup?.attachedPolicies.includes(policyArn)) {
      actions.push({
        effect: '+',
        service: 'iam',
        command: 'AttachGroupPolicy',
        input: { GroupName: group, PolicyArn: policyArn },
        region,
        resource: `IAM group ${group}`,
        summary: `Attach ${policy} to the group ${group}.`,
        reversible: true,
        undo: [{ service: 'iam', command: 'DetachGroupPolicy', input: { GroupName: group, PolicyArn: policyArn }, region }],
      });
    }
    if ((options['add-users'] ?? 'yes') === 'yes') {
      const withoutMfa = read(state, 'iam.credentialReport').filter((r) => !r.arn.endsWith(':root') && r.passwordEnabled && !r.mfaActive);
      for (const row of withoutMfa) {
        const user = auth.users.find((u) => u.name === row.user);
        if (user?.groups.includes(group)) continue;
        actions.push({
          effect: '+',
          service: 'iam',
          command: 'AddUserToGroup',
          input: { GroupName: group, UserName: row.user },
          region,
          resource: `IAM user ${row.user}`,
          summary: `Add IAM user ${row.user} (console password, no MFA) to the group ${group}.`,
          reversible: true,
          undo: [{ service: 'iam', command: 'RemoveUserFromGroup', input: { GroupName: group, UserName: row.user }, region }],
        });
      }
    }
    return actions;
  },
});

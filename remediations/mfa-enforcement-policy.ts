/**
 * Makes MFA unavoidable for console users: a customer-managed policy that denies everything except
 * setting up one's own MFA device and changing one's own password until the session has MFA, attached
 * to a group (created when missing), and the console users without MFA added to that group. Their
 * next sign-in can do nothing but enroll a device. Undo removes the users, detaches and deletes.
 *
 * Never the identity running the tool: it is left out of the group (so its next calls and the undo
 * still work), and the plan is refused while that identity itself has no MFA. The deny keeps
 * `BoolIfExists`, so it also denies long-term access-key calls (they carry no MFA key at all);
 * users whose keys were used within the idle limit are therefore left out by default and named.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import { PlanError } from '../src/engine/plan.js';
import consoleUsersMfa from '../steps/01-access-controls/checks/console-users-mfa.js';
import { callerUserName, failingIds, keysUsedWithin } from './lib/iam-scope.js';
import { OptionValues } from '../src/schemas/options.js';

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
  leavesAlone: ['the identity running the tool (the plan is refused while it has no MFA)', 'users whose access keys were used within the idle limit (named; key-users option)'],
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
    { name: 'add-users', description: 'add the console users without MFA to the group: yes or no', default: 'yes', schema: OptionValues.yesNo() },
    {
      name: 'key-users',
      description: 'console users without MFA whose access keys were used recently: leave them out of the group (skip) or add them too, which stops their keys (add)',
      default: 'skip',
      schema: OptionValues.oneOf(['skip', 'add']),
    },
  ],
  notes: [
    'Until they set up MFA, the people added to the group can only enroll an MFA device and change their password; tell them before applying.',
    'The deny also covers calls made with their long-term access keys (those carry no MFA): keep robot users out of this group.',
    'The check passes once every console user has enrolled a device; this fix makes that the only way forward, it cannot enroll devices for them.',
  ],
  plan(state, ctx) {
    const { options, settings, now } = ctx;
    const note = ctx.note ?? (() => {});
    const group = options.group ?? 'mfa-required';
    const policy = options.policy ?? 'hipaa-wizard-require-mfa';
    const report = read(state, 'iam.credentialReport');
    const caller = callerUserName(state);
    const callerRow = caller === undefined ? undefined : report.find((r) => r.user === caller);
    if (callerRow && !callerRow.mfaActive) {
      throw new PlanError(
        `Cannot plan mfa-enforcement-policy: the tool runs as IAM user ${caller}, who has no MFA device, so the deny-unless-MFA policy would lock out this very session and its undo. Enable MFA for ${caller} first (IAM console → Users → ${caller} → Security credentials → Assign MFA device), or run the tool as an identity signed in with MFA.`,
      );
    }
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
      const failing = failingIds(consoleUsersMfa, state, ctx);
      const withoutMfa = report.filter((r) => failing.has(r.arn));
      const keyUsers: string[] = [];
      for (const row of withoutMfa) {
        const user = auth.users.find((u) => u.name === row.user);
        if (user?.groups.includes(group)) continue;
        if (row.user === caller) continue;
        const used = keysUsedWithin(row, settings.unusedCredentialDays, now);
        if (used.length > 0 && (options['key-users'] ?? 'skip') === 'skip') {
          keyUsers.push(`${row.user} (${used.join(', ')})`);
          continue;
        }
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
      if (keyUsers.length > 0) {
        note(
          `Left out of the group ${group}: ${keyUsers.join(', ')}. The policy denies every call made without MFA, and calls signed with a long-term access key never carry MFA, so adding them would stop their keys at once; move what uses those keys to a role or a separate user without a console password, then add them (or plan again with key-users=add). Until then console-users-mfa keeps failing for them.`,
        );
      }
    }
    if (caller && actions.length > 0) note(`The IAM user running this tool, ${caller}, is never added to the group ${group}, so its next calls and the undo of this fix keep working.`);
    return actions;
  },
});

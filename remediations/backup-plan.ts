/**
 * A daily AWS Backup plan: a vault (created when missing), a plan that backs up every day at 05:00
 * UTC and keeps each backup for the required retention (35 days by default, --backup-retention-days), and a selection of
 * every resource tagged as ePHI (the phiTags setting). In each region that has no daily plan yet
 * (the home region when no plan exists anywhere). AWS Backup's default service role is created when
 * missing. Undo deletes the selection, plan and vault (a vault holding backups cannot be deleted).
 */
import { responseRef } from '../src/engine/refs.js';
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read, readIn } from '../src/engine/outcome.js';
import { isDaily } from '../src/rules/backup-schedule.js';

export default defineRemediation({
  id: 'backup-plan',
  title: 'Back up the ePHI resources every day with AWS Backup',
  fixes: ['backup-plan'],
  leavesAlone: ['resources not tagged as ePHI', 'regions that already have a daily plan', 'a vault that holds backups (undo)'],
  permissions: [
    'backup:CreateBackupVault',
    'backup:DeleteBackupVault',
    'backup:CreateBackupPlan',
    'backup:DeleteBackupPlan',
    'backup:CreateBackupSelection',
    'backup:DeleteBackupSelection',
    'backup-storage:MountCapsule',
    'kms:CreateGrant',
    'kms:DescribeKey',
    'kms:GenerateDataKey',
    'kms:Decrypt',
    'iam:CreateRole',
    'iam:DeleteRole',
    'iam:AttachRolePolicy',
    'iam:DetachRolePolicy',
    'iam:PassRole',
  ],
  scopes: [
    { actions: ['iam:CreateRole', 'iam:DeleteRole', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy'], resources: ['arn:{partition}:iam::{account}:role/service-role/AWSBackupDefaultServiceRole'] },
    { actions: ['iam:PassRole'], resources: ['arn:{partition}:iam::{account}:role/service-role/AWSBackupDefaultServiceRole'], condition: { StringEquals: { 'iam:PassedToService': 'backup.amazonaws.com' } } },
  ],
  needs: { global: ['iam.authorization'], regional: ['backup.vaults'] },
  options: [
    { name: 'vault', description: 'the backup vault (created when missing)', default: 'hipaa-wizard-vault' },
    { name: 'plan', description: 'the name of the backup plan', default: 'hipaa-wizard-daily' },
  ],
  notes: ['AWS Backup bills the storage of every backup it keeps; daily backups of a large database add up, so check the retention setting (--backup-retention-days).'],
  plan(state, { options, settings }) {
    const vault = options.vault ?? 'hipaa-wizard-vault';
    const planName = options.plan ?? 'hipaa-wizard-daily';
    const { partition, accountId } = state.identity;
    const regions = state.regions.filter((r) => {
      const plans = readIn(state, 'backup.plans', r);
      return plans.length > 0 && !plans.some((p) => p.rules.some(isDaily));
    });
    const anyPlan = state.regions.some((r) => readIn(state, 'backup.plans', r).length > 0);
    if (!anyPlan) regions.push(state.homeRegion);
    if (regions.length === 0) return [];
    const tags = settings.phiTags
      .map((t) => t.split('='))
      .filter((p): p is [string, string] => p.length === 2 && Boolean(p[0]?.trim()) && Boolean(p[1]?.trim()))
      .map(([k, v]) => ({ ConditionType: 'STRINGEQUALS', ConditionKey: k.trim(), ConditionValue: v.trim() }));
    if (tags.length === 0) throw new Error('the phiTags setting names no key=value tag to select the ePHI resources by (for example --phi-tags phi=true)');
    const role = 'AWSBackupDefaultServiceRole';
    const roleArn = `arn:${partition}:iam::${accountId}:role/service-role/${role}`;
    const home = state.homeRegion;
    const actions: PlanAction[] = [];
    if (!read(state, 'iam.authorization').roles.some((r) => r.name === role)) {
      actions.push({
        effect: '+',
        service: 'iam',
        command: 'CreateRole',
        input: {
          RoleName: role,
          Path: '/service-role/',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
          Description: 'The role AWS Backup uses to back up and restore resources.',
        },
        region: home,
        resource: roleArn,
        summary: `Create ${role}, the role AWS Backup works with.`,
        reversible: true,
        undo: [{ service: 'iam', command: 'DeleteRole', input: { RoleName: role }, region: home }],
      });
      for (const policy of ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores']) {
        const arn = `arn:${partition}:iam::aws:policy/service-role/${policy}`;
        actions.push({
          effect: '+',
          service: 'iam',
          command: 'AttachRolePolicy',
          input: { RoleName: role, PolicyArn: arn },
          region: home,
          resource: roleArn,
          summary: `Attach AWS's ${policy} to ${role}.`,
          reversible: true,
          undo: [{ service: 'iam', command: 'DetachRolePolicy', input: { RoleName: role, PolicyArn: arn }, region: home }],
        });
      }
    }
    for (const region of regions) {
      if (!readIn(state, 'backup.vaults', region).some((v) => v.name === vault)) {
        actions.push({
          effect: '+',
          service: 'backup',
          command: 'CreateBackupVault',
          input: { BackupVaultName: vault },
          region,
          resource: `backup vault ${vault}`,
          summary: `Create the backup vault ${vault} in ${region} (encrypted with the AWS Backup key).`,
          reversible: true,
          undo: [{ service: 'backup', command: 'DeleteBackupVault', input: { BackupVaultName: vault }, region }],
        });
      }
      const planRef = `backup-plan-${region}`;
      actions.push({
        ref: planRef,
        effect: '+',
        service: 'backup',
        command: 'CreateBackupPlan',
        input: {
          BackupPlan: {
            BackupPlanName: planName,
            Rules: [
              {
                RuleName: 'daily',
                TargetBackupVaultName: vault,
                ScheduleExpression: 'cron(0 5 ? * * *)',
                StartWindowMinutes: 60,
                CompletionWindowMinutes: 480,
                Lifecycle: { DeleteAfterDays: settings.backupRetentionDays },
              },
            ],
          },
        },
        region,
        resource: `backup plan ${planName}`,
        summary: `Create the backup plan ${planName} in ${region}: every day at 05:00 UTC, each backup kept ${settings.backupRetentionDays} days.`,
        reversible: true,
        undo: [{ service: 'backup', command: 'DeleteBackupPlan', input: { BackupPlanId: '{{self.BackupPlanId}}' }, region }],
      });
      actions.push({
        effect: '+',
        service: 'backup',
        command: 'CreateBackupSelection',
        input: {
          BackupPlanId: responseRef(planRef, 'BackupPlanId'),
          BackupSelection: { SelectionName: 'ephi-tagged', IamRoleArn: roleArn, ListOfTags: tags },
        },
        region,
        resource: `backup plan ${planName}`,
        summary: `Back up every resource in ${region} tagged ${tags.map((t) => `${t.ConditionKey}=${t.ConditionValue}`).join(' or ')}.`,
        reversible: true,
        undo: [{ service: 'backup', command: 'DeleteBackupSelection', input: { BackupPlanId: responseRef(planRef, 'BackupPlanId'), SelectionId: '{{self.SelectionId}}' }, region }],
      });
    }
    return actions;
  },
});

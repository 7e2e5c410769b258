/**
 * Which IAM actions AWS authorizes each SDK command a fix sends with. The names often differ from the
 * command's (S3's PutBucketEncryption is authorized by s3:PutEncryptionConfiguration), and some calls
 * need a second action (passing a role needs iam:PassRole). Taken from AWS's Service Authorization
 * Reference ("API operations defined by …" tables) and, for S3, the user guide's "Required permissions
 * for Amazon S3 API operations"; a conditional entry applies only when the call's input has the field
 * the documentation names ("Required if you want to enable Object Lock when you create a bucket").
 *
 * A command missing from this table is unknown: the permissions test fails on it, so a fix cannot
 * send a call whose IAM action nobody looked up.
 */
import type { PlannedCall } from './model.js';

export interface IamNeed {
  readonly action: string;
  /** Needed only when the input has this field (a dotted path) with a non-empty value. */
  readonly when?: string;
  /** For iam:PassRole: the input field (a dotted path) holding the ARN of the role passed. */
  readonly role?: string;
  /** For iam:PassRole: the service the role is passed to (the iam:PassedToService value). */
  readonly passedTo?: string;
}

type Table = Readonly<Record<string, Readonly<Record<string, readonly (string | IamNeed)[]>>>>;

/** service key (src/aws/services.ts) → SDK command (without "Command") → the IAM actions it needs. */
export const IAM_ACTIONS: Table = {
  accessanalyzer: {
    // AWS creates the service-linked role AWSServiceRoleForAccessAnalyzer on the first analyzer.
    CreateAnalyzer: ['access-analyzer:CreateAnalyzer', 'iam:CreateServiceLinkedRole'],
    DeleteAnalyzer: ['access-analyzer:DeleteAnalyzer'],
  },
  account: {
    PutAlternateContact: ['account:PutAlternateContact'],
    DeleteAlternateContact: ['account:DeleteAlternateContact'],
  },
  backup: {
    // The AWS Backup developer guide: creating a vault also needs these on the vault's KMS key and storage.
    CreateBackupVault: ['backup:CreateBackupVault', 'backup-storage:MountCapsule', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt', 'kms:DescribeKey'],
    DeleteBackupVault: ['backup:DeleteBackupVault'],
    CreateBackupPlan: ['backup:CreateBackupPlan'],
    DeleteBackupPlan: ['backup:DeleteBackupPlan'],
    CreateBackupSelection: ['backup:CreateBackupSelection', { action: 'iam:PassRole', role: 'BackupSelection.IamRoleArn', passedTo: 'backup.amazonaws.com' }],
    DeleteBackupSelection: ['backup:DeleteBackupSelection'],
  },
  cloudtrail: {
    CreateTrail: [
      'cloudtrail:CreateTrail',
      { action: 'cloudtrail:AddTags', when: 'TagsList' },
      { action: 'iam:PassRole', role: 'CloudWatchLogsRoleArn', passedTo: 'cloudtrail.amazonaws.com' },
    ],
    DeleteTrail: ['cloudtrail:DeleteTrail'],
    StartLogging: ['cloudtrail:StartLogging'],
    StopLogging: ['cloudtrail:StopLogging'],
    UpdateTrail: ['cloudtrail:UpdateTrail', { action: 'iam:PassRole', role: 'CloudWatchLogsRoleArn', passedTo: 'cloudtrail.amazonaws.com' }],
  },
  cloudwatch: {
    PutMetricAlarm: ['cloudwatch:PutMetricAlarm', { action: 'cloudwatch:TagResource', when: 'Tags' }],
    DeleteAlarms: ['cloudwatch:DeleteAlarms'],
  },
  config: {
    PutConfigurationRecorder: ['config:PutConfigurationRecorder', { action: 'iam:PassRole', role: 'ConfigurationRecorder.roleARN', passedTo: 'config.amazonaws.com' }],
    DeleteConfigurationRecorder: ['config:DeleteConfigurationRecorder'],
    PutDeliveryChannel: ['config:PutDeliveryChannel'],
    DeleteDeliveryChannel: ['config:DeleteDeliveryChannel'],
    StartConfigurationRecorder: ['config:StartConfigurationRecorder'],
    StopConfigurationRecorder: ['config:StopConfigurationRecorder'],
    // A pack from an SSM document is read with ssm:GetDocument; the pack's rules need Config's service-linked role.
    PutConformancePack: ['config:PutConformancePack', { action: 'ssm:GetDocument', when: 'TemplateSSMDocumentDetails' }, 'iam:CreateServiceLinkedRole'],
    DeleteConformancePack: ['config:DeleteConformancePack'],
  },
  dynamodb: {
    UpdateTable: ['dynamodb:UpdateTable'],
    UpdateContinuousBackups: ['dynamodb:UpdateContinuousBackups'],
  },
  emr: {
    PutBlockPublicAccessConfiguration: ['elasticmapreduce:PutBlockPublicAccessConfiguration'],
  },
  ecr: {
    PutImageScanningConfiguration: ['ecr:PutImageScanningConfiguration'],
  },
  ec2: {
    AuthorizeSecurityGroupIngress: ['ec2:AuthorizeSecurityGroupIngress'],
    AuthorizeSecurityGroupEgress: ['ec2:AuthorizeSecurityGroupEgress'],
    RevokeSecurityGroupIngress: ['ec2:RevokeSecurityGroupIngress'],
    RevokeSecurityGroupEgress: ['ec2:RevokeSecurityGroupEgress'],
    CreateFlowLogs: [
      'ec2:CreateFlowLogs',
      { action: 'ec2:CreateTags', when: 'TagSpecifications' },
      { action: 'iam:PassRole', role: 'DeliverLogsPermissionArn', passedTo: 'vpc-flow-logs.amazonaws.com' },
    ],
    DeleteFlowLogs: ['ec2:DeleteFlowLogs'],
    EnableEbsEncryptionByDefault: ['ec2:EnableEbsEncryptionByDefault'],
    DisableEbsEncryptionByDefault: ['ec2:DisableEbsEncryptionByDefault'],
    ModifySubnetAttribute: ['ec2:ModifySubnetAttribute'],
  },
  efs: {
    PutBackupPolicy: ['elasticfilesystem:PutBackupPolicy'],
  },
  guardduty: {
    // GuardDuty creates AWSServiceRoleForAmazonGuardDuty when the first detector is created.
    CreateDetector: ['guardduty:CreateDetector', 'iam:CreateServiceLinkedRole', { action: 'guardduty:TagResource', when: 'Tags' }],
    DeleteDetector: ['guardduty:DeleteDetector'],
    UpdateDetector: ['guardduty:UpdateDetector'],
  },
  iam: {
    AddUserToGroup: ['iam:AddUserToGroup'],
    RemoveUserFromGroup: ['iam:RemoveUserFromGroup'],
    AttachGroupPolicy: ['iam:AttachGroupPolicy'],
    DetachGroupPolicy: ['iam:DetachGroupPolicy'],
    AttachRolePolicy: ['iam:AttachRolePolicy'],
    DetachRolePolicy: ['iam:DetachRolePolicy'],
    CreateGroup: ['iam:CreateGroup'],
    DeleteGroup: ['iam:DeleteGroup'],
    CreatePolicy: ['iam:CreatePolicy', { action: 'iam:TagPolicy', when: 'Tags' }],
    DeletePolicy: ['iam:DeletePolicy'],
    CreateRole: ['iam:CreateRole', { action: 'iam:TagRole', when: 'Tags' }],
    DeleteRole: ['iam:DeleteRole'],
    PutRolePolicy: ['iam:PutRolePolicy'],
    DeleteRolePolicy: ['iam:DeleteRolePolicy'],
    CreateServiceLinkedRole: ['iam:CreateServiceLinkedRole'],
    DeleteServiceLinkedRole: ['iam:DeleteServiceLinkedRole'],
    UpdateAccessKey: ['iam:UpdateAccessKey'],
    DeleteLoginProfile: ['iam:DeleteLoginProfile'],
    UpdateAccountPasswordPolicy: ['iam:UpdateAccountPasswordPolicy'],
    DeleteAccountPasswordPolicy: ['iam:DeleteAccountPasswordPolicy'],
  },
  inspector2: {
    // Enabling Inspector creates its service-linked role AWSServiceRoleForAmazonInspector2.
    Enable: ['inspector2:Enable', 'iam:CreateServiceLinkedRole'],
    Disable: ['inspector2:Disable'],
  },
  kms: {
    CreateKey: ['kms:CreateKey', { action: 'kms:TagResource', when: 'Tags' }],
    CreateAlias: ['kms:CreateAlias'],
    DeleteAlias: ['kms:DeleteAlias'],
    EnableKey: ['kms:EnableKey'],
    DisableKey: ['kms:DisableKey'],
    EnableKeyRotation: ['kms:EnableKeyRotation'],
    DisableKeyRotation: ['kms:DisableKeyRotation'],
    CancelKeyDeletion: ['kms:CancelKeyDeletion'],
    ScheduleKeyDeletion: ['kms:ScheduleKeyDeletion'],
  },
  logs: {
    // "To create a log group with tags, you must have both the logs:CreateLogGroup and logs:TagResource permissions."
    CreateLogGroup: ['logs:CreateLogGroup', { action: 'logs:TagResource', when: 'tags' }],
    DeleteLogGroup: ['logs:DeleteLogGroup'],
    PutRetentionPolicy: ['logs:PutRetentionPolicy'],
    DeleteRetentionPolicy: ['logs:DeleteRetentionPolicy'],
    PutMetricFilter: ['logs:PutMetricFilter'],
    DeleteMetricFilter: ['logs:DeleteMetricFilter'],
  },
  rds: {
    ModifyDBInstance: ['rds:ModifyDBInstance'],
    ModifyDBCluster: ['rds:ModifyDBCluster'],
  },
  s3: {
    CreateBucket: [
      's3:CreateBucket',
      { action: 's3:PutBucketAcl', when: 'ACL' },
      { action: 's3:PutBucketObjectLockConfiguration', when: 'ObjectLockEnabledForBucket' },
      { action: 's3:PutBucketVersioning', when: 'ObjectLockEnabledForBucket' },
      { action: 's3:PutBucketOwnershipControls', when: 'ObjectOwnership' },
    ],
    DeleteBucket: ['s3:DeleteBucket'],
    PutBucketEncryption: ['s3:PutEncryptionConfiguration'],
    DeleteBucketEncryption: ['s3:PutEncryptionConfiguration'],
    PutPublicAccessBlock: ['s3:PutBucketPublicAccessBlock'],
    DeletePublicAccessBlock: ['s3:PutBucketPublicAccessBlock'],
    PutBucketPolicy: ['s3:PutBucketPolicy'],
    DeleteBucketPolicy: ['s3:DeleteBucketPolicy'],
    PutBucketVersioning: ['s3:PutBucketVersioning'],
    PutBucketTagging: ['s3:PutBucketTagging'],
    DeleteBucketTagging: ['s3:PutBucketTagging'],
    PutBucketLogging: ['s3:PutBucketLogging'],
    PutObjectLockConfiguration: ['s3:PutBucketObjectLockConfiguration'],
    PutBucketLifecycleConfiguration: ['s3:PutLifecycleConfiguration'],
    DeleteBucketLifecycle: ['s3:PutLifecycleConfiguration'],
  },
  s3control: {
    PutPublicAccessBlock: ['s3:PutAccountPublicAccessBlock'],
    DeletePublicAccessBlock: ['s3:PutAccountPublicAccessBlock'],
  },
  securityhub: {
    // Security Hub creates AWSServiceRoleForSecurityHub when it is enabled.
    EnableSecurityHub: ['securityhub:EnableSecurityHub', 'iam:CreateServiceLinkedRole'],
    DisableSecurityHub: ['securityhub:DisableSecurityHub'],
  },
  sns: {
    CreateTopic: ['sns:CreateTopic', { action: 'sns:TagResource', when: 'Tags' }],
    DeleteTopic: ['sns:DeleteTopic'],
    Subscribe: ['sns:Subscribe'],
    Unsubscribe: ['sns:Unsubscribe'],
  },
  ssm: {
    CreatePatchBaseline: ['ssm:CreatePatchBaseline'],
    DeletePatchBaseline: ['ssm:DeletePatchBaseline'],
    RegisterDefaultPatchBaseline: ['ssm:RegisterDefaultPatchBaseline'],
    CreateAssociation: ['ssm:CreateAssociation'],
    DeleteAssociation: ['ssm:DeleteAssociation'],
    CreateMaintenanceWindow: ['ssm:CreateMaintenanceWindow'],
    DeleteMaintenanceWindow: ['ssm:DeleteMaintenanceWindow'],
    RegisterTargetWithMaintenanceWindow: ['ssm:RegisterTargetWithMaintenanceWindow'],
    RegisterTaskWithMaintenanceWindow: ['ssm:RegisterTaskWithMaintenanceWindow', { action: 'iam:PassRole', role: 'ServiceRoleArn', passedTo: 'ssm.amazonaws.com' }],
  },
};

/** The value at a dotted path of an input, or undefined. */
export function fieldOf(input: unknown, path: string): unknown {
  let v: unknown = input;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

const present = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** One IAM action a call needs, with the role it passes when it is iam:PassRole. */
export interface CallAction {
  readonly action: string;
  readonly passedRole?: string;
  readonly passedTo?: string;
}

/**
 * The IAM actions AWS authorizes `call` with, given its input; undefined when the command is not in
 * the table (nobody looked it up yet).
 */
export function actionsOfCall(call: Pick<PlannedCall, 'service' | 'command' | 'input'>): CallAction[] | undefined {
  const needs = IAM_ACTIONS[call.service]?.[call.command];
  if (!needs) return undefined;
  const out: CallAction[] = [];
  for (const n of needs) {
    if (typeof n === 'string') {
      out.push({ action: n });
      continue;
    }
    if (n.when !== undefined && !present(fieldOf(call.input, n.when))) continue;
    if (n.role !== undefined) {
      const role = fieldOf(call.input, n.role);
      if (!present(role)) continue;
      out.push({ action: n.action, passedRole: String(role), ...(n.passedTo ? { passedTo: n.passedTo } : {}) });
      continue;
    }
    out.push({ action: n.action });
  }
  return out;
}

/** IAM commands that act on one role named by the input's RoleName. */
const ROLE_COMMANDS = new Set(['CreateRole', 'DeleteRole', 'PutRolePolicy', 'DeleteRolePolicy', 'AttachRolePolicy', 'DetachRolePolicy', 'DeleteServiceLinkedRole', 'UpdateAssumeRolePolicy', 'TagRole']);

/**
 * The resource and condition-key values one of a call's actions is evaluated against, where a fix
 * scopes it: the role's ARN for role commands (its path from `pathOf`, "/" when unknown), the passed
 * role for iam:PassRole (with iam:PassedToService), the service for iam:CreateServiceLinkedRole.
 */
export function requestOf(
  call: Pick<PlannedCall, 'service' | 'command' | 'input'>,
  need: CallAction,
  where: { partition: string; account: string; pathOf?: (roleName: string) => string | undefined },
): { resource?: string; context?: Record<string, string> } {
  if (need.action === 'iam:PassRole' && need.passedRole) {
    return { resource: need.passedRole, ...(need.passedTo ? { context: { 'iam:PassedToService': need.passedTo } } : {}) };
  }
  if (call.service === 'iam' && call.command === 'CreateServiceLinkedRole') {
    const svc = String(fieldOf(call.input, 'AWSServiceName') ?? '');
    return { context: { 'iam:AWSServiceName': svc } };
  }
  if (call.service === 'iam' && ROLE_COMMANDS.has(call.command)) {
    const name = String(fieldOf(call.input, 'RoleName') ?? '');
    const path = (typeof call.input.Path === 'string' ? call.input.Path : undefined) ?? where.pathOf?.(name) ?? '/';
    return { resource: `arn:${where.partition}:iam::${where.account}:role${path}${name}` };
  }
  return {};
}

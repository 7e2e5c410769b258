/**
 * Risk from effects. Every call a fix can send (apply or undo) is in one table, from
 * "service:Command" to the class of its effect on the account, decided from what AWS documents the
 * call does; a few depend on the input (a bucket policy that adds a Deny restricts access, one that
 * only adds an Allow does not; RDS backups switched on from off or off from on cause an outage). A
 * planned action carries its class and the risk that follows; a plan's risk is the most severe of
 * its actions'. Nothing here is hand-set per fix: a fix's risk is what its calls do.
 *
 * A call that is not in the table is rated as the worst (destructive), so an unrated call can never
 * slip through a `--yes`; test/engine/effects.test.ts plans every fix and fails on any unrated call.
 */
import type { PlanAction, PlannedCall, Risk } from './model.js';

/**
 * What a call does to the account, least to most severe:
 * - read-only: changes nothing;
 * - additive: creates something new and touches nothing that exists;
 * - reconfiguring: changes a setting, no caller loses access and nothing new is billed;
 * - tightening: restricts access or a behaviour something may rely on, and can break a caller;
 * - costly: starts a service or feature that AWS bills by the account's size or activity (keeping
 *   data longer that is billed as storage already is reconfiguring, with the price in its sentence);
 * - disruptive: an outage, a reboot, or stops something being delivered or recorded;
 * - destructive: deletes data or history that cannot be brought back.
 */
export type EffectClass = 'read-only' | 'additive' | 'reconfiguring' | 'tightening' | 'costly' | 'disruptive' | 'destructive';
export const EFFECT_CLASSES: readonly EffectClass[] = ['read-only', 'additive', 'reconfiguring', 'tightening', 'costly', 'disruptive', 'destructive'];

/** The risk each class carries: what confirmation it needs (src/engine/risk.ts). */
export const RISK_OF_CLASS: Readonly<Record<EffectClass, Risk>> = {
  'read-only': 'safe',
  additive: 'safe',
  reconfiguring: 'safe',
  tightening: 'disruptive',
  costly: 'costly',
  disruptive: 'disruptive',
  destructive: 'irreversible',
};

/** Risks, least to most severe. */
export const RISK_ORDER: readonly Risk[] = ['safe', 'costly', 'disruptive', 'irreversible'];

export function maxRisk(...risks: readonly Risk[]): Risk {
  return risks.reduce<Risk>((m, r) => (RISK_ORDER.indexOf(r) > RISK_ORDER.indexOf(m) ? r : m), 'safe');
}

export interface Rating {
  readonly class: EffectClass;
  /** One sentence: what the call does that earns the class. */
  readonly because: string;
}

/** A rule: a fixed rating, or one read from the call's input (and, for a change, its recorded undo). */
type Rule = Rating | ((call: PlannedCall, undo: readonly PlannedCall[] | undefined) => Rating);

const r = (cls: EffectClass, because: string): Rating => ({ class: cls, because });

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

function statements(policy: unknown): Obj[] {
  let doc: unknown = policy;
  if (typeof policy === 'string') {
    try {
      doc = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  const s = obj(doc).Statement;
  return (Array.isArray(s) ? s : s ? [s] : []).map(obj);
}

/** PutBucketPolicy: compared with the policy its undo writes back (none when the undo deletes it). */
function bucketPolicy(call: PlannedCall, undo: readonly PlannedCall[] | undefined): Rating {
  const after = statements(call.input.Policy);
  const prior = undo?.find((u) => u.command === 'PutBucketPolicy');
  const before = prior ? statements(prior.input.Policy) : [];
  const key = (s: Obj) => JSON.stringify(s);
  const added = after.filter((s) => !before.some((b) => key(b) === key(s)));
  const removed = before.filter((b) => !after.some((s) => key(b) === key(s)));
  if (added.some((s) => s.Effect === 'Deny')) return r('tightening', 'The new bucket policy adds a Deny statement: callers it matches are refused from then on.');
  if (removed.some((s) => s.Effect === 'Allow')) return r('tightening', 'The new bucket policy drops an Allow statement: callers it let in are refused from then on.');
  return r('reconfiguring', 'The new bucket policy only adds or keeps Allow statements: no caller loses access.');
}

function publicAccessBlock(call: PlannedCall): Rating {
  const conf = obj(call.input.PublicAccessBlockConfiguration);
  return Object.values(conf).some((v) => v === true)
    ? r('tightening', 'Block Public Access refuses public ACLs and policies at once: anything served publicly (a website, shared downloads) stops being reachable.')
    : r('reconfiguring', 'Turning Block Public Access settings off refuses nothing.');
}

function bucketEncryption(call: PlannedCall): Rating {
  const rules = obj(call.input.ServerSideEncryptionConfiguration).Rules;
  const kms = (Array.isArray(rules) ? rules : []).some((x) => String(obj(obj(x).ApplyServerSideEncryptionByDefault).SSEAlgorithm ?? '').startsWith('aws:kms'));
  return kms
    ? r('tightening', 'New objects are encrypted with a KMS key: a reader without kms:Decrypt on that key (another account, an anonymous website visitor, a log-delivery service) can no longer read them.')
    : r('reconfiguring', 'New objects are encrypted with S3-managed keys (SSE-S3), which every reader that can read the bucket can read.');
}

function versioning(call: PlannedCall): Rating {
  const conf = obj(call.input.VersioningConfiguration);
  if (conf.MFADelete === 'Enabled') return r('tightening', 'MFA Delete refuses version deletions and versioning changes made without the root MFA device.');
  return conf.Status === 'Enabled'
    ? r('reconfiguring', 'S3 keeps every overwritten and deleted object as a noncurrent version (billed as storage until a lifecycle rule expires it); no caller is refused.')
    : r('reconfiguring', 'Suspending versioning keeps the versions already stored and stops keeping new ones.');
}

function objectLock(call: PlannedCall): Rating {
  const rule = obj(obj(obj(call.input.ObjectLockConfiguration).Rule).DefaultRetention);
  return rule.Mode === 'COMPLIANCE'
    ? r('tightening', 'Object Lock in compliance mode refuses any change or deletion of a new object, by anyone, until its retention ends.')
    : r('tightening', 'Object Lock refuses changes and deletions of new objects until their retention ends (governance mode: unless the caller may bypass it).');
}

function trailUpdate(call: PlannedCall): Rating {
  const i = call.input;
  if (typeof i.CloudWatchLogsLogGroupArn === 'string' && i.CloudWatchLogsLogGroupArn !== '') {
    return r('costly', 'The trail also delivers its events to CloudWatch Logs, which bills every gigabyte ingested and stored.');
  }
  if (i.CloudWatchLogsLogGroupArn === '') return r('disruptive', 'The trail stops delivering its events to CloudWatch Logs: metric filters and alarms on that log group see nothing more.');
  if (typeof i.KmsKeyId === 'string' && i.KmsKeyId !== '') return r('tightening', 'New log files are encrypted with a KMS key: a reader of the log bucket without kms:Decrypt on it can no longer read them.');
  if (i.IsMultiRegionTrail === false) return r('disruptive', 'The trail stops recording events outside its home region.');
  return r('reconfiguring', 'CloudTrail changes how the trail delivers (digest files, regions), and keeps recording.');
}

function retention(call: PlannedCall, undo: readonly PlannedCall[] | undefined): Rating {
  const days = Number(call.input.retentionInDays);
  const prior = undo?.find((u) => u.command === 'PutRetentionPolicy');
  if (undo?.some((u) => u.command === 'DeleteRetentionPolicy')) {
    return r('destructive', `The log group kept events forever; from now on CloudWatch Logs deletes every event older than ${days} days, for good.`);
  }
  if (prior && Number(prior.input.retentionInDays) > days) {
    return r('destructive', `The log group kept events for ${prior.input.retentionInDays} days; CloudWatch Logs now deletes those older than ${days} days, for good.`);
  }
  if (prior) return r('reconfiguring', `CloudWatch Logs keeps events longer (${days} days instead of ${prior.input.retentionInDays}); nothing is deleted sooner.`);
  return r('destructive', `CloudWatch Logs deletes events older than ${days} days, for good.`);
}

function rdsModify(call: PlannedCall, undo: readonly PlannedCall[] | undefined): Rating {
  const i = call.input;
  if (i.ApplyImmediately === true) {
    return r('disruptive', 'ApplyImmediately also applies every pending modification now (an instance class or storage change restarts the database).');
  }
  if (typeof i.BackupRetentionPeriod === 'number') {
    const was = undo?.find((u) => typeof u.input.BackupRetentionPeriod === 'number')?.input.BackupRetentionPeriod;
    if (i.BackupRetentionPeriod === 0) return r('destructive', 'Setting backup retention to 0 turns automated backups off and deletes the existing automated backups and point-in-time recovery.');
    if (was === 0 || was === undefined) return r('disruptive', 'Turning automated backups on from off causes an outage while RDS takes the first backup (RDS applies it in the next maintenance window unless told otherwise).');
    return r('reconfiguring', "RDS keeps automated backups for longer (backup storage beyond the size of the region's databases is billed as storage).");
  }
  if (i.DeletionProtection === true) return r('tightening', 'RDS refuses to delete the database until deletion protection is turned off: a teardown script that deletes it fails.');
  if (i.DeletionProtection === false) return r('reconfiguring', 'RDS lets the database be deleted again.');
  return r('disruptive', 'An RDS modification may restart the database in its next maintenance window.');
}

function dynamoTable(call: PlannedCall): Rating {
  if (call.input.DeletionProtectionEnabled === true) return r('tightening', 'DynamoDB refuses to delete the table until deletion protection is turned off: a teardown script that deletes it fails.');
  if (call.input.DeletionProtectionEnabled === false) return r('reconfiguring', 'DynamoDB lets the table be deleted again.');
  return r('disruptive', 'A table update can change capacity, indexes or streams that callers rely on.');
}

function pitr(call: PlannedCall): Rating {
  return obj(call.input.PointInTimeRecoverySpecification).PointInTimeRecoveryEnabled === true
    ? r('costly', 'Point-in-time recovery is billed per gigabyte of the table, every month.')
    : r('destructive', 'Turning point-in-time recovery off deletes the continuous backups taken so far: the table can no longer be restored to a time before.');
}

function efsBackup(call: PlannedCall): Rating {
  return obj(call.input.BackupPolicy).Status === 'ENABLED'
    ? r('costly', 'AWS Backup backs the file system up every day, billed per gigabyte stored.')
    : r('disruptive', 'AWS Backup stops the file system\'s daily backups (those already taken are kept).');
}

function passwordPolicy(call: PlannedCall): Rating {
  const i = call.input;
  if (i.HardExpiry === true || (i.AllowUsersToChangePassword === false && typeof i.MaxPasswordAge === 'number')) {
    return r('disruptive', 'Users whose password expires cannot set a new one themselves: they are locked out of the console until an administrator resets it.');
  }
  return r('tightening', 'New passwords must follow the stronger rules, and passwords older than the maximum age must be changed at the next console sign-in.');
}

function accessKey(call: PlannedCall): Rating {
  return call.input.Status === 'Inactive'
    ? r('tightening', 'Every request signed with the access key is refused from then on: whatever uses it (a pipeline, a script) stops working.')
    : r('reconfiguring', 'The access key works again.');
}

function subnetAttribute(call: PlannedCall): Rating {
  return obj(call.input.MapPublicIpOnLaunch).Value === false
    ? r('tightening', 'Instances launched in the subnet no longer get a public IP address: a launch that relies on one cannot be reached from the internet.')
    : r('reconfiguring', 'Instances launched in the subnet get a public IP address again (running ones keep theirs).');
}

function guardDutyUpdate(call: PlannedCall): Rating {
  return call.input.Enable === false
    ? r('disruptive', 'GuardDuty stops monitoring the region: no new findings.')
    : r('costly', 'GuardDuty monitors the region again, billed by the volume of events and logs it analyses.');
}

function patchTask(call: PlannedCall): Rating {
  const params = JSON.stringify(call.input.TaskInvocationParameters ?? call.input.Parameters ?? {});
  if (/"Install"/.test(params)) {
    return r('disruptive', `Patches are installed on the targeted instances on schedule${/RebootIfNeeded/.test(params) ? ', and they are restarted when a patch needs it' : ''}.`);
  }
  return r('reconfiguring', 'The instances are scanned for missing patches on schedule; nothing is installed.');
}

/**
 * The table: "service:Command" → how the call changes the account. Classes are decided from what
 * AWS documents each call does; the sentence is shown with the action in a plan.
 */
export const EFFECTS: Readonly<Record<string, Rule>> = {
  // Access Analyzer
  'accessanalyzer:CreateAnalyzer': r('additive', 'An account analyzer is created; it reads resource policies and changes none, at no charge.'),
  'accessanalyzer:DeleteAnalyzer': r('disruptive', 'The analyzer and its findings are deleted: external access is no longer reported.'),
  // Account
  'account:PutAlternateContact': r('reconfiguring', 'AWS sends security notices to this contact instead of (or as well as) the account e-mail.'),
  'account:DeleteAlternateContact': r('reconfiguring', 'AWS sends security notices to the account e-mail only.'),
  // AWS Backup
  'backup:CreateBackupVault': r('additive', 'An empty backup vault is created.'),
  'backup:CreateBackupPlan': r('additive', 'A backup plan is created; it backs nothing up until resources are assigned to it.'),
  'backup:CreateBackupSelection': r('costly', 'AWS Backup starts backing up the assigned resources on schedule, billed per gigabyte stored.'),
  'backup:DeleteBackupSelection': r('disruptive', 'AWS Backup stops backing up the assigned resources (the recovery points taken are kept).'),
  'backup:DeleteBackupPlan': r('disruptive', 'The backup plan is deleted: no more scheduled backups (the recovery points taken are kept).'),
  'backup:DeleteBackupVault': r('reconfiguring', 'The vault is deleted; AWS Backup refuses while it holds any recovery point.'),
  // CloudTrail
  'cloudtrail:CreateTrail': r('additive', "A new trail is created (the first trail's copy of management events is free; its log files are billed as S3 storage)."),
  'cloudtrail:StartLogging': r('reconfiguring', 'The trail starts recording API activity again.'),
  'cloudtrail:StopLogging': r('disruptive', 'The trail stops recording API activity: the audit log has a gap from then on.'),
  'cloudtrail:UpdateTrail': trailUpdate,
  'cloudtrail:DeleteTrail': r('disruptive', 'The trail is deleted and stops recording (the log files it delivered stay in their bucket).'),
  // CloudWatch
  'cloudwatch:PutMetricAlarm': r('additive', 'A new alarm is created ($0.10 a month each).'),
  'cloudwatch:DeleteAlarms': r('disruptive', 'The alarms are deleted: nobody is told when their condition happens.'),
  // Config
  'config:PutConfigurationRecorder': r('reconfiguring', 'The configuration recorder is defined; nothing is recorded or billed until it is started.'),
  'config:PutDeliveryChannel': r('reconfiguring', 'AWS Config is told where to deliver configuration snapshots.'),
  'config:StartConfigurationRecorder': r('costly', 'AWS Config records every configuration change of the recorded resources, billed per item recorded.'),
  'config:PutConformancePack': r('costly', 'AWS Config evaluates every rule of the conformance pack against the resources, billed per evaluation.'),
  'config:StopConfigurationRecorder': r('disruptive', 'AWS Config stops recording configuration changes: the history has a gap from then on.'),
  'config:DeleteConfigurationRecorder': r('disruptive', 'The configuration recorder is deleted: no more configuration history.'),
  'config:DeleteDeliveryChannel': r('disruptive', 'AWS Config stops delivering configuration snapshots.'),
  'config:DeleteConformancePack': r('disruptive', 'The conformance pack, its rules and their evaluation results are deleted.'),
  // DynamoDB
  'dynamodb:UpdateTable': dynamoTable,
  'dynamodb:UpdateContinuousBackups': pitr,
  // EC2
  'ec2:RevokeSecurityGroupIngress': r('tightening', 'The inbound rule is removed: connections it allowed are refused from then on.'),
  'ec2:RevokeSecurityGroupEgress': r('tightening', 'The outbound rule is removed: connections it allowed are refused from then on.'),
  'ec2:AuthorizeSecurityGroupIngress': r('reconfiguring', 'The inbound rule is added back: connections it allows are accepted again.'),
  'ec2:AuthorizeSecurityGroupEgress': r('reconfiguring', 'The outbound rule is added back: connections it allows are accepted again.'),
  'ec2:ModifySubnetAttribute': subnetAttribute,
  'ec2:EnableEbsEncryptionByDefault': r('reconfiguring', 'New EBS volumes in the region are encrypted; existing volumes are untouched (instance types without EBS encryption support can no longer be launched).'),
  'ec2:DisableEbsEncryptionByDefault': r('reconfiguring', 'New EBS volumes in the region are no longer encrypted by default.'),
  'ec2:CreateFlowLogs': r('costly', 'The VPC records every network flow to CloudWatch Logs, billed per gigabyte ingested and stored.'),
  'ec2:DeleteFlowLogs': r('disruptive', 'The VPC stops recording network flows (the records already delivered are kept).'),
  // EFS
  'efs:PutBackupPolicy': efsBackup,
  // GuardDuty
  'emr:PutBlockPublicAccessConfiguration': (call) =>
    call.input.BlockPublicAccessConfiguration && (call.input.BlockPublicAccessConfiguration as { BlockPublicSecurityGroupRules?: boolean }).BlockPublicSecurityGroupRules
      ? r('tightening', 'EMR refuses to start a cluster whose security groups allow inbound traffic from anywhere on a port not excepted; running clusters are not affected.')
      : r('reconfiguring', 'EMR starts clusters with public security-group rules again.'),
  'ecr:PutImageScanningConfiguration': r('reconfiguring', 'Whether images pushed to the repository are scanned changes; pushes, pulls and the images themselves are not affected.'),
  'guardduty:CreateDetector': r('costly', 'GuardDuty starts monitoring the region, billed by the volume of events and logs it analyses (after a 30-day trial).'),
  'guardduty:UpdateDetector': guardDutyUpdate,
  'guardduty:DeleteDetector': r('destructive', 'The detector and all its findings are deleted, for good.'),
  // IAM
  'iam:UpdateAccountPasswordPolicy': passwordPolicy,
  'iam:DeleteAccountPasswordPolicy': r('reconfiguring', "The account goes back to AWS's default password rules."),
  'iam:UpdateAccessKey': accessKey,
  'iam:DeleteLoginProfile': r('tightening', 'The user can no longer sign in to the console (their access keys are untouched).'),
  'iam:CreateGroup': r('additive', 'A new, empty group is created.'),
  'iam:CreatePolicy': r('additive', 'A new managed policy is created; it applies to no one until attached.'),
  'iam:AttachGroupPolicy': r('tightening', "Every member of the group gets the policy's statements at once, including any Deny."),
  'iam:DetachGroupPolicy': r('tightening', "The group's members lose the policy's statements at once, including any Allow they relied on."),
  'iam:AddUserToGroup': r('tightening', "The user gets the group's policies at once, including any Deny (the MFA group denies everything until the user signs in with MFA)."),
  'iam:RemoveUserFromGroup': r('reconfiguring', "The user no longer gets the group's policies."),
  'iam:DeleteGroup': r('reconfiguring', 'The group is deleted; IAM refuses while it has members or policies.'),
  'iam:DeletePolicy': r('reconfiguring', 'The managed policy is deleted; IAM refuses while it is attached to anyone.'),
  'iam:CreateRole': r('additive', 'A new role is created for a service to assume.'),
  'iam:PutRolePolicy': r('reconfiguring', "The role's inline policy is written: the service that assumes it may do what it allows."),
  'iam:AttachRolePolicy': r('reconfiguring', 'The role gets the managed policy: the service that assumes it may do what it allows.'),
  'iam:DeleteRolePolicy': r('tightening', "The role loses its inline policy: the service that assumes it can no longer do what it allowed."),
  'iam:DetachRolePolicy': r('tightening', 'The role loses the managed policy: the service that assumes it can no longer do what it allowed.'),
  'iam:DeleteRole': r('tightening', 'The role is deleted: a service that still assumes it stops working; IAM refuses while it has policies.'),
  'iam:CreateServiceLinkedRole': r('additive', 'The role the service uses on your behalf is created.'),
  'iam:DeleteServiceLinkedRole': r('reconfiguring', 'The service-linked role is deleted; IAM refuses while the service still uses it.'),
  // Inspector
  'inspector2:Enable': r('costly', 'Inspector scans the chosen resource types continuously, billed per instance, image and function scanned (after a 15-day trial).'),
  'inspector2:Disable': r('destructive', 'Inspector stops scanning those resource types, and the findings they produced are removed (after 24 hours), for good.'),
  // KMS
  'kms:CreateKey': r('additive', 'A new customer-managed key is created ($1 a month each).'),
  'kms:CreateAlias': r('additive', 'A new alias names the key.'),
  'kms:DeleteAlias': r('reconfiguring', 'The alias is removed; the key itself is untouched.'),
  'kms:EnableKeyRotation': r('reconfiguring', 'KMS rotates the key material every year and keeps the old material to decrypt what it encrypted.'),
  'kms:DisableKeyRotation': r('reconfiguring', 'KMS stops rotating the key material; nothing encrypted is affected.'),
  'kms:CancelKeyDeletion': r('reconfiguring', 'The key is no longer due for deletion; it stays disabled until enabled.'),
  'kms:EnableKey': r('reconfiguring', 'The key can be used to encrypt and decrypt again.'),
  'kms:DisableKey': r('disruptive', 'Every request to encrypt or decrypt with the key is refused until it is enabled again.'),
  'kms:ScheduleKeyDeletion': r('destructive', 'The key is deleted after the waiting period, and with it any way to read what it encrypted.'),
  // CloudWatch Logs
  'logs:CreateLogGroup': r('additive', 'An empty log group is created.'),
  'logs:PutRetentionPolicy': retention,
  'logs:DeleteRetentionPolicy': r('reconfiguring', 'The log group keeps events forever; nothing is deleted.'),
  'logs:PutMetricFilter': r('additive', 'A metric filter counts matching log events; nothing is changed in the logs.'),
  'logs:DeleteMetricFilter': r('disruptive', 'The metric filter is deleted: the alarm on its metric sees nothing more.'),
  // RDS
  'rds:ModifyDBInstance': rdsModify,
  'rds:ModifyDBCluster': rdsModify,
  // S3
  's3:CreateBucket': r('additive', 'A new, empty bucket is created.'),
  's3:PutPublicAccessBlock': publicAccessBlock,
  's3:DeletePublicAccessBlock': r('reconfiguring', "The bucket's Block Public Access settings are removed; its policy and ACLs decide again."),
  's3:PutBucketEncryption': bucketEncryption,
  's3:DeleteBucketEncryption': r('reconfiguring', 'New objects are encrypted with S3-managed keys (SSE-S3), the default for every bucket.'),
  's3:PutBucketVersioning': versioning,
  's3:PutObjectLockConfiguration': objectLock,
  's3:PutBucketTagging': r('reconfiguring', "The bucket's tags are replaced (tag-based access rules and cost reports read them)."),
  's3:PutBucketPolicy': bucketPolicy,
  's3:DeleteBucketPolicy': r('tightening', 'The bucket policy is removed: callers it let in are refused, and what it denied is decided by IAM alone.'),
  's3:PutBucketLogging': (call) =>
    obj(call.input.BucketLoggingStatus).LoggingEnabled
      ? r('reconfiguring', 'S3 delivers an access log of the bucket to the target bucket (log objects are billed as storage).')
      : r('disruptive', 'S3 stops delivering the access log of the bucket.'),
  's3control:PutPublicAccessBlock': publicAccessBlock,
  's3control:DeletePublicAccessBlock': r('reconfiguring', "The account's Block Public Access settings are removed; each bucket's own settings decide again."),
  // Security Hub
  'securityhub:EnableSecurityHub': r('costly', 'Security Hub runs its standards\' checks continuously, billed per check and per finding ingested (after a 30-day trial).'),
  'securityhub:DisableSecurityHub': r('destructive', "Security Hub stops, and its findings and insights are deleted after 90 days, for good."),
  // SNS
  'sns:CreateTopic': r('additive', 'A new topic is created.'),
  'sns:Subscribe': r('additive', 'The address is subscribed to the topic (it receives a message asking to confirm).'),
  'sns:Unsubscribe': r('disruptive', 'The address is unsubscribed from the topic: it is no longer told when an alarm fires.'),
  'sns:DeleteTopic': r('disruptive', 'The topic and its subscriptions are deleted: whatever publishes to it reaches nobody.'),
  // SSM
  'ssm:CreatePatchBaseline': r('additive', 'A new patch baseline is created; it applies to nothing until registered.'),
  'ssm:DeletePatchBaseline': r('reconfiguring', 'The patch baseline is deleted; SSM refuses while it is the default.'),
  'ssm:RegisterDefaultPatchBaseline': r('reconfiguring', 'Patch runs that name no baseline use this one from then on.'),
  'ssm:CreateAssociation': patchTask,
  'ssm:DeleteAssociation': r('disruptive', 'The association is deleted: its scheduled runs stop.'),
  'ssm:CreateMaintenanceWindow': r('additive', 'A new maintenance window is created; it runs nothing until tasks are registered.'),
  'ssm:DeleteMaintenanceWindow': r('disruptive', 'The maintenance window and its tasks are deleted: their scheduled runs stop.'),
  'ssm:RegisterTargetWithMaintenanceWindow': r('additive', 'Instances are named as targets of the window; nothing runs until a task is registered.'),
  'ssm:RegisterTaskWithMaintenanceWindow': patchTask,
};

/** A call the table does not rate: planning it is a bug, and a test fails on it. */
export class UnratedCall extends Error {
  constructor(readonly key: string) {
    super(`The call ${key} has no effect class in src/engine/effects.ts; rate it there from what AWS documents it does.`);
    this.name = 'UnratedCall';
  }
}

export const effectKey = (call: Pick<PlannedCall, 'service' | 'command'>): string => `${call.service}:${call.command}`;

/** The rating of one call, or UnratedCall when the table has no entry for it. */
export function rateCall(call: PlannedCall, undo?: readonly PlannedCall[]): Rating {
  const rule = EFFECTS[effectKey(call)];
  if (!rule) throw new UnratedCall(effectKey(call));
  return typeof rule === 'function' ? rule(call, undo) : rule;
}

/** What a rated action carries beside the call: its effect class, the risk that follows, and why. */
export interface ActionRisk {
  readonly effectClass: EffectClass;
  readonly risk: Risk;
  readonly riskBecause: string;
}

const UNRATED = (key: string): ActionRisk => ({
  effectClass: 'destructive',
  risk: 'irreversible',
  riskBecause: `The call ${key} is not in the table of effects, so it is treated as the most dangerous.`,
});

/**
 * Rates each action of a plan. A change to a resource that an earlier action of the same plan
 * creates touches nothing that existed, so it is additive (unless it starts a charge). With
 * `strict`, an unrated call throws UnratedCall; otherwise it is rated as destructive.
 */
export function rateActions(actions: readonly PlanAction[], opts: { readonly strict?: boolean } = {}): ActionRisk[] {
  const created = new Set<string>();
  return actions.map((a) => {
    let rating: Rating;
    try {
      rating = rateCall(a, a.undo);
    } catch (e) {
      if (opts.strict || !(e instanceof UnratedCall)) throw e;
      return UNRATED(e.key);
    }
    // Only what acts on the resource itself: a charge, or an effect on other things (a maintenance
    // window's task patching and restarting instances), stays as it is.
    if (created.has(`${a.region} ${a.resource}`) && (rating.class === 'reconfiguring' || rating.class === 'tightening' || rating.class === 'destructive')) {
      rating = { class: 'additive', because: `This plan creates ${a.resource}, so nothing that existed is changed (on an existing one: ${rating.because.replace(/\.$/, '')}).` };
    }
    if (a.effect === '+' && a.command.startsWith('Create')) created.add(`${a.region} ${a.resource}`);
    return { effectClass: rating.class, risk: RISK_OF_CLASS[rating.class], riskBecause: rating.because };
  });
}

/** The risk of a list of actions: the most severe of theirs (an unrated call counts as irreversible). */
export function riskOfActions(actions: readonly PlanAction[]): Risk {
  return maxRisk(...rateActions(actions).map((x) => x.risk));
}

/** The calls of a plan (its actions and every recorded undo call) that the table does not rate. */
export function unratedCalls(actions: readonly PlanAction[]): string[] {
  const calls = actions.flatMap((a): PlannedCall[] => [a, ...(a.undo ?? [])]);
  return [...new Set(calls.map(effectKey).filter((k) => !EFFECTS[k]))];
}

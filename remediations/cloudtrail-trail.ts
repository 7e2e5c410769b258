/**
 * A multi-region CloudTrail trail that records every management event: its own private bucket
 * (public access blocked, TLS only, a policy that lets only this trail write), log file validation,
 * encryption with a customer-managed KMS key (created with rotation unless one is named), and
 * StartLogging, without which a new trail records nothing. A multi-region trail that exists but was
 * stopped is only started again. A new log bucket keeps versions, is tagged as holding logs, is
 * under Object Lock for the log retention period (governance mode unless asked otherwise) and logs
 * its own access. Undo stops and deletes the trail; the bucket, its logs and the key stay (deleting
 * them would destroy the record the trail kept).
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read, readIn } from '../src/engine/outcome.js';
import { allTrails } from '../src/rules/cloudtrail.js';
import { keyPolicy, newKey } from './lib/kms.js';
import { deliveryPolicy, logBucketName, logTags } from './s3-access-logging.js';
import { denyNonTls, mergeStatement, newPrivateBucket, policyUndo } from './lib/s3.js';
import { OptionValues } from '../src/schemas/options.js';

export function trailBucketStatements(partition: string, account: string, bucket: string, trailArn: string) {
  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  return [
    {
      Sid: 'AWSCloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: bucketArn,
      Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
    },
    {
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${bucketArn}/AWSLogs/${account}/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
    },
    denyNonTls(partition, bucket),
  ];
}

export function trailKeyGrants(partition: string, account: string, trailArn: string) {
  const context = { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${account}:trail/*` };
  return [
    {
      Sid: 'AllowCloudTrailToEncryptLogs',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': trailArn }, StringLike: context },
    },
    { Sid: 'AllowCloudTrailToDescribeKey', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*' },
    {
      Sid: 'AllowAccountToReadLogs',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': account }, StringLike: context },
    },
  ];
}

export default defineRemediation({
  id: 'cloudtrail-trail',
  title: 'Record every API call in a multi-region CloudTrail trail',
  fixes: ['cloudtrail-multi-region'],
  leavesAlone: ['an existing multi-region trail (a stopped one is only started)', 'the log bucket, its logs and the key (undo)'],
  permissions: [
    'cloudtrail:CreateTrail',
    'cloudtrail:DeleteTrail',
    'cloudtrail:StartLogging',
    'cloudtrail:StopLogging',
    's3:CreateBucket',
    's3:PutBucketPublicAccessBlock',
    's3:PutEncryptionConfiguration',
    's3:PutBucketPolicy',
    's3:DeleteBucketPolicy',
    's3:PutBucketVersioning',
    's3:PutBucketTagging',
    's3:PutBucketObjectLockConfiguration',
    's3:PutBucketLogging',
    'kms:CreateKey',
    'kms:CreateAlias',
    'kms:DeleteAlias',
    'kms:EnableKeyRotation',
    'kms:DisableKeyRotation',
  ],
  needs: { global: ['s3.buckets'], regional: ['kms.keys'] },
  options: [
    { name: 'trail', description: 'the name of the trail', default: 'hipaa-wizard-trail' },
    { name: 'bucket', description: 'the bucket the trail writes to (created when missing)', default: 'hipaa-wizard-cloudtrail-{account}' },
    { name: 'kms-key', description: 'a KMS key alias to encrypt with (created, with rotation, when missing), or "none"', default: 'alias/hipaa-wizard-cloudtrail' },
    {
      name: 'object-lock',
      description: 'Object Lock on a new log bucket, for the log retention period: governance (users with s3:BypassGovernanceRetention can still delete), compliance (no one can), or none',
      default: 'governance',
      schema: OptionValues.oneOf(['governance', 'compliance', 'none']),
    },
  ],
  notes: ['The first copy of management events is free; a customer-managed KMS key costs about $1 a month plus requests, and the bucket bills for storage.'],
  plan(state, { options, settings }) {
    const { trails } = allTrails(state);
    const multi = trails.filter((t) => t.multiRegion);
    const good = multi.find((t) => t.status.ok && t.status.value.logging && t.selectors.ok && t.selectors.value.management === 'All');
    if (good) return [];
    const stopped = multi.find((t) => t.status.ok && !t.status.value.logging && t.selectors.ok && t.selectors.value.management === 'All');
    if (stopped) {
      return [
        {
          effect: '~',
          service: 'cloudtrail',
          command: 'StartLogging',
          input: { Name: stopped.arn },
          region: stopped.homeRegion,
          resource: `trail ${stopped.name}`,
          summary: `Start logging on the multi-region trail ${stopped.name}, which exists but records nothing.`,
          reversible: true,
          undo: [{ service: 'cloudtrail', command: 'StopLogging', input: { Name: stopped.arn }, region: stopped.homeRegion }],
        },
      ];
    }
    if (multi.length > 0) {
      throw new Error(`the multi-region trail ${multi[0]?.name} records only some management events; change its event selectors by hand (aws cloudtrail put-event-selectors) so no data event selector is lost`);
    }
    const { partition, accountId } = state.identity;
    const region = state.homeRegion;
    const name = options.trail ?? 'hipaa-wizard-trail';
    const bucket = (options.bucket ?? 'hipaa-wizard-cloudtrail-{account}').replace('{account}', accountId);
    const alias = options['kms-key'] ?? 'alias/hipaa-wizard-cloudtrail';
    const trailArn = `arn:${partition}:cloudtrail:${region}:${accountId}:trail/${name}`;
    const actions: PlanAction[] = [];
    const statements = trailBucketStatements(partition, accountId, bucket, trailArn);
    const existing = read(state, 's3.buckets').find((b) => b.name === bucket);
    if (!existing) {
      const lock = options['object-lock'] ?? 'governance';
      actions.push(
        ...newPrivateBucket(bucket, region, 'the CloudTrail log files', { Version: '2012-10-17', Statement: statements }, {
          tags: logTags(settings),
          versioning: true,
          ...(lock === 'none' ? {} : { objectLock: { mode: lock === 'compliance' ? ('COMPLIANCE' as const) : ('GOVERNANCE' as const), days: settings.logRetentionDays } }),
        }),
      );
      // The trail bucket logs its own access (cloudtrail-bucket-private) into the region's access-log bucket.
      const target = logBucketName(accountId, region);
      const targetBucket = read(state, 's3.buckets').find((b) => b.name === target);
      if (targetBucket && targetBucket.region !== region) throw new Error(`the access-log bucket ${target} is in ${targetBucket.region}, but the trail bucket would be in ${region}`);
      if (!targetBucket) actions.push(...newPrivateBucket(target, region, 'the S3 server access logs', deliveryPolicy(partition, target, accountId), { versioning: true, tags: logTags(settings) }));
      actions.push({
        effect: '~',
        service: 's3',
        command: 'PutBucketLogging',
        input: { Bucket: bucket, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: target, TargetPrefix: `${bucket}/` } } },
        region,
        resource: `bucket ${bucket}`,
        summary: `Log every request to ${bucket} into ${target}/${bucket}/.`,
        reversible: true,
        undo: [{ service: 's3', command: 'PutBucketLogging', input: { Bucket: bucket, BucketLoggingStatus: {} }, region }],
      });
    } else {
      if (!existing.policy.ok) throw new Error(`the policy of bucket ${bucket} could not be read (${existing.policy.error.message})`);
      let doc = existing.policy.value as Parameters<typeof mergeStatement>[0];
      for (const s of statements) doc = mergeStatement(doc, s) ?? doc;
      if (JSON.stringify(doc) !== JSON.stringify(existing.policy.value)) {
        actions.push({
          effect: '~',
          service: 's3',
          command: 'PutBucketPolicy',
          input: { Bucket: bucket, Policy: JSON.stringify(doc) },
          region: existing.region,
          resource: `bucket ${bucket}`,
          summary: `Add to the policy of ${bucket} the statements that let the trail ${name} write (the existing statements stay).`,
          reversible: true,
          undo: policyUndo(existing, existing.policy.value as Parameters<typeof policyUndo>[1]),
        });
      }
    }
    let kmsKeyId: string | undefined;
    if (alias !== 'none') {
      const fullAlias = alias.startsWith('alias/') ? alias : `alias/${alias}`;
      const key = readIn(state, 'kms.keys', region).find((k) => k.aliases.includes(fullAlias));
      kmsKeyId = `arn:${partition}:kms:${region}:${accountId}:${fullAlias}`;
      if (!key) {
        actions.push(...newKey(fullAlias, region, `encrypts the CloudTrail log files of trail ${name}.`, keyPolicy(partition, accountId, trailKeyGrants(partition, accountId, trailArn))));
      }
    }
    actions.push(
      {
        effect: '+',
        service: 'cloudtrail',
        command: 'CreateTrail',
        input: {
          Name: name,
          S3BucketName: bucket,
          IsMultiRegionTrail: true,
          IncludeGlobalServiceEvents: true,
          EnableLogFileValidation: true,
          ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
        },
        region,
        resource: `trail ${name}`,
        summary: `Create the multi-region trail ${name}, with log file validation${kmsKeyId ? ` and ${alias} encryption` : ''}, writing to ${bucket}.`,
        reversible: true,
        undo: [{ service: 'cloudtrail', command: 'DeleteTrail', input: { Name: trailArn }, region }],
      },
      {
        effect: '~',
        service: 'cloudtrail',
        command: 'StartLogging',
        input: { Name: trailArn },
        region,
        resource: `trail ${name}`,
        summary: `Start logging on ${name} (a new trail records nothing until it is started).`,
        reversible: true,
        undo: [{ service: 'cloudtrail', command: 'StopLogging', input: { Name: trailArn }, region }],
      },
    );
    return actions;
  },
});

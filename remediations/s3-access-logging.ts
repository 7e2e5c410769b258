/**
 * Turns on S3 server access logging for the buckets the check flags (the ePHI-tagged ones, or all
 * when none is tagged). Logs go to a log bucket in the same region (S3 requires it), created when
 * missing: private, encrypted with SSE-S3 (the only encryption log delivery supports), and with a
 * policy that lets only the S3 logging service of this account write. Each bucket logs under a
 * prefix named after it. Undo turns logging off; a log bucket it created stays, with the logs it holds.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import type { Settings } from '../src/engine/model.js';
import { classificationKeys } from '../steps/12-documentation/checks/data-classification-tags.js';
import { denyNonTls, failingBuckets, newPrivateBucket } from './lib/s3.js';

export const logBucketName = (account: string, region: string) => `hipaa-wizard-access-logs-${account}-${region}`;

export const deliveryPolicy = (partition: string, bucket: string, account: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'S3ServerAccessLogsPolicy',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `arn:${partition}:s3:::${bucket}/*`,
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    },
    denyNonTls(partition, bucket),
  ],
});

/** The tag that says a log bucket holds logs: the first classification key the settings use. */
export const logTags = (settings: Pick<Settings, 'phiTags'>): Record<string, string> => ({ [classificationKeys(settings)[0] ?? 'data-classification']: 'logs' });

export default defineRemediation({
  id: 's3-access-logging',
  title: 'Log every request to the ePHI buckets',
  fixes: ['s3-access-logging'],
  leavesAlone: ['buckets the check does not flag (only ePHI-tagged ones when any is tagged)', 'the log bucket itself', 'the log bucket and its logs (undo)'],
  permissions: [
    's3:PutBucketLogging',
    's3:CreateBucket',
    's3:PutBucketPublicAccessBlock',
    's3:PutEncryptionConfiguration',
    's3:PutBucketPolicy',
    's3:PutBucketVersioning',
    's3:PutBucketTagging',
  ],
  options: [{ name: 'target-bucket', description: 'the log bucket (one per region: {region} in the name is replaced); created when missing', default: 'hipaa-wizard-access-logs-{account}-{region}' }],
  notes: ['A log bucket never logs to itself; tag your ePHI buckets (for example phi=true) so the check looks at them only.'],
  plan(state, { options, failing, settings }) {
    const { partition, accountId } = state.identity;
    const pattern = options['target-bucket'] ?? 'hipaa-wizard-access-logs-{account}-{region}';
    const targetIn = (region: string) => pattern.replace('{account}', accountId).replace('{region}', region);
    const buckets = read(state, 's3.buckets');
    const scope = failingBuckets(buckets, failing('s3-access-logging'));
    const actions: PlanAction[] = [];
    const created = new Set<string>();
    for (const b of scope) {
      if (!b.logging.ok || b.logging.value !== null) continue;
      const target = targetIn(b.region);
      if (b.name === target) continue;
      const existing = buckets.find((x) => x.name === target);
      if (existing && existing.region !== b.region) throw new Error(`the log bucket ${target} is in ${existing.region}, but ${b.name} is in ${b.region}; S3 logs only to a bucket in the same region`);
      if (!existing && !created.has(target)) {
        created.add(target);
        actions.push(...newPrivateBucket(target, b.region, 'the S3 server access logs', deliveryPolicy(partition, target, accountId), { versioning: true, tags: logTags(settings) }));
      }
      actions.push({
        effect: '~',
        service: 's3',
        command: 'PutBucketLogging',
        input: { Bucket: b.name, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: target, TargetPrefix: `${b.name}/` } } },
        region: b.region,
        resource: `bucket ${b.name}`,
        summary: `Log every request to ${b.name} into ${target}/${b.name}/.`,
        reversible: true,
        undo: [{ service: 's3', command: 'PutBucketLogging', input: { Bucket: b.name, BucketLoggingStatus: {} }, region: b.region }],
      });
    }
    return actions;
  },
});

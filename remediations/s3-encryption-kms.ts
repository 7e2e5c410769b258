/**
 * Default encryption with SSE-KMS and a customer-managed key for exactly the buckets the checks
 * s3-default-encryption and s3-phi-cmk found failing. A bucket something depends on is left on its
 * encryption with a note (or given SSE-S3 when it has none): server access log and load balancer
 * log targets (SSE-S3 only), CloudTrail and AWS Config delivery buckets, and buckets read
 * anonymously (a website, a public policy or ACL). The key is named by alias
 * in each bucket's region; when no key has that alias, one is created with yearly rotation (unless
 * asked not to). S3 Bucket Keys keep the KMS request cost down. Existing objects keep their old
 * encryption. Undo restores each bucket's previous default encryption.
 */
import type { BucketEncryption, S3Bucket } from '../src/state/s3.js';
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction, PlannedCall } from '../src/engine/model.js';
import { read, readIn } from '../src/engine/outcome.js';
import type { PolicyDocument } from '../src/state/iam.js';
import { asList, principals, statements } from '../src/rules/policy.js';
import { keyPolicy, newKey } from './lib/kms.js';

/** Other AWS accounts an Allow statement of the bucket policy names. */
function crossAccountReaders(policy: PolicyDocument | null, account: string): string[] {
  const ids = statements(policy)
    .filter((st) => st.Effect === 'Allow')
    .flatMap((st) => principals(st).concat(asList((st.Principal as { AWS?: unknown } | undefined)?.AWS)))
    .map((p) => /^arn:[^:]+:iam::(\d{12}):/.exec(p)?.[1] ?? (/^\d{12}$/.test(p) ? p : undefined))
    .filter((x): x is string => !!x && x !== account);
  return [...new Set(ids)];
}
import { type BucketDependents, bucketDependents, failingBuckets, servedAnonymously } from './lib/s3.js';
import { OptionValues } from '../src/schemas/options.js';

/**
 * Why a bucket cannot take a customer-managed key as its default encryption without breaking what
 * writes to it or reads from it; undefined when it can.
 */
export function noKmsBecause(b: S3Bucket, d: BucketDependents, account = ''): string | undefined {
  if (d.accessLogSources.length > 0) return `it receives the server access logs of ${d.accessLogSources.join(', ')}, and S3 delivers access logs only to a bucket encrypted with SSE-S3`;
  if (d.loadBalancers.length > 0) return `it receives the access logs of load balancer ${d.loadBalancers.join(', ')}, which Elastic Load Balancing delivers only to a bucket encrypted with SSE-S3`;
  if (d.trails.length > 0) return `CloudTrail trail ${d.trails.join(', ')} delivers its log files to it; encrypt those logs with the trail's own KMS key instead (the check cloudtrail-kms), which keeps delivery working`;
  if (d.configChannels.length > 0) return `AWS Config delivery channel ${d.configChannels.join(', ')} writes to it, and Config could not use a key whose policy does not grant it`;
  const anon = servedAnonymously(b);
  if (anon.served) return `${anon.why}, and anonymous readers cannot use a KMS key`;
  const others = b.policy.ok ? crossAccountReaders(b.policy.value, account) : [];
  if (others.length > 0) return `its policy lets account ${others.join(', ')} use it, and that account could not decrypt with a key whose policy grants only this account`;
  return undefined;
}

const sseInput = (bucket: string, e: BucketEncryption) => ({
  Bucket: bucket,
  ServerSideEncryptionConfiguration: {
    Rules: [{ ApplyServerSideEncryptionByDefault: e.kmsKeyId ? { SSEAlgorithm: e.algorithm, KMSMasterKeyID: e.kmsKeyId } : { SSEAlgorithm: e.algorithm }, BucketKeyEnabled: e.bucketKeyEnabled }],
  },
});

export default defineRemediation({
  id: 's3-encryption-kms',
  title: 'Encrypt S3 buckets with a customer-managed KMS key',
  fixes: ['s3-default-encryption', 's3-phi-cmk'],
  leavesAlone: ['access-log and load-balancer log targets (SSE-S3 at most)', 'CloudTrail and AWS Config delivery buckets', 'buckets read anonymously or by another account', 'existing objects', 'the key (undo)'],
  permissions: ['s3:PutEncryptionConfiguration', 's3:GetEncryptionConfiguration', 'kms:CreateKey', 'kms:CreateAlias', 'kms:DeleteAlias', 'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'cloudtrail:DescribeTrails'],
  needs: { regional: ['kms.keys', 'cloudtrail.trails'] },
  options: [
    { name: 'kms-key', description: 'the alias of the customer-managed key to use in each region', default: 'alias/hipaa-wizard-s3' },
    { name: 'create-key', description: 'create the key (with rotation) where no key has that alias: yes or no', default: 'yes', schema: OptionValues.yesNo() },
  ],
  notes: [
    'Only new objects are encrypted with the key; copy existing objects in place (aws s3 cp --recursive with --sse aws:kms) to re-encrypt them.',
    'Whoever reads these buckets now also needs kms:Decrypt on the key; the key policy lets the account grant it through IAM.',
  ],
  plan(state, { options, failing, note }) {
    const alias = (options['kms-key'] ?? 'alias/hipaa-wizard-s3').replace(/^(?!alias\/)/, 'alias/');
    const create = (options['create-key'] ?? 'yes') === 'yes';
    const { partition, accountId } = state.identity;
    const buckets = read(state, 's3.buckets');
    const scope = failingBuckets(buckets, [...failing('s3-default-encryption'), ...failing('s3-phi-cmk')]);
    const dependents = bucketDependents(state);
    const actions: PlanAction[] = [];
    const keyIn = new Map<string, string>();
    const put = (b: S3Bucket, enc: BucketEncryption | null, to: BucketEncryption, summary: string) => {
      const undo: PlannedCall[] = enc
        ? [{ service: 's3', command: 'PutBucketEncryption', input: sseInput(b.name, enc), region: b.region }]
        : [{ service: 's3', command: 'DeleteBucketEncryption', input: { Bucket: b.name }, region: b.region }];
      actions.push({ effect: enc ? '~' : '+', service: 's3', command: 'PutBucketEncryption', input: sseInput(b.name, to), region: b.region, resource: `bucket ${b.name}`, summary, reversible: true, undo });
    };
    for (const b of scope) {
      if (!b.encryption.ok) continue;
      const enc = b.encryption.value;
      const why = noKmsBecause(b, dependents(b.name), accountId);
      if (why) {
        if (enc) note(`Bucket ${b.name} (${b.region}) keeps its current encryption: ${why}.`);
        else put(b, null, { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false }, `Encrypt new objects in ${b.name} (${b.region}) with SSE-S3, not a customer-managed key: ${why}.`);
        continue;
      }
      let keyArn = keyIn.get(b.region);
      if (!keyArn) {
        keyArn = `arn:${partition}:kms:${b.region}:${accountId}:${alias}`;
        if (!readIn(state, 'kms.keys', b.region).some((k) => k.aliases.includes(alias))) {
          if (!create) throw new Error(`no KMS key in ${b.region} has the alias ${alias}; create one or pass --option create-key=yes`);
          actions.push(...newKey(alias, b.region, 'encrypts S3 objects by default (hipaa-wizard).', keyPolicy(partition, accountId, [])));
        }
        keyIn.set(b.region, keyArn);
      }
      put(
        b,
        enc,
        { algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true },
        `Encrypt new objects in ${b.name} (${b.region}) with the customer-managed key ${alias}${enc ? ` instead of ${enc.algorithm === 'AES256' ? 'SSE-S3' : (enc.kmsKeyId ?? 'aws/s3')}` : ''}.`,
      );
    }
    return actions;
  },
});

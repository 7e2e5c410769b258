/**
 * Default encryption with SSE-KMS and a customer-managed key for every bucket without default
 * encryption, and for ePHI buckets still on SSE-S3 or an AWS-managed key. The key is named by alias
 * in each bucket's region; when no key has that alias, one is created with yearly rotation (unless
 * asked not to). S3 Bucket Keys keep the KMS request cost down. Existing objects keep their old
 * encryption. Undo restores each bucket's previous default encryption.
 */
import type { BucketEncryption } from '../src/aws/collectors/s3.js';
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction, PlannedCall } from '../src/engine/model.js';
import { read, readIn } from '../src/engine/outcome.js';
import { isPhi } from '../src/engine/phi.js';
import { keyOwner } from '../steps/05-encryption-at-rest/keys.js';
import { keyPolicy, newKey } from './lib/kms.js';

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
  risk: 'safe',
  permissions: ['s3:PutEncryptionConfiguration', 's3:GetEncryptionConfiguration', 'kms:CreateKey', 'kms:CreateAlias', 'kms:DeleteAlias', 'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'kms:ScheduleKeyDeletion'],
  needs: { regional: ['kms.keys'] },
  options: [
    { name: 'kms-key', description: 'the alias of the customer-managed key to use in each region', default: 'alias/hipaa-wizard-s3' },
    { name: 'create-key', description: 'create the key (with rotation) where no key has that alias: yes or no', default: 'yes' },
  ],
  notes: [
    'Only new objects are encrypted with the key; copy existing objects in place (aws s3 cp --recursive with --sse aws:kms) to re-encrypt them.',
    'Whoever reads these buckets now also needs kms:Decrypt on the key; the key policy lets the account grant it through IAM.',
  ],
  plan(state, { options, settings }) {
    const alias = (options['kms-key'] ?? 'alias/hipaa-wizard-s3').replace(/^(?!alias\/)/, 'alias/');
    const create = (options['create-key'] ?? 'yes') === 'yes';
    const { partition, accountId } = state.identity;
    const buckets = read(state, 's3.buckets');
    const phiTagged = buckets.some((b) => b.tags.ok && isPhi(b.tags.value, settings));
    const actions: PlanAction[] = [];
    const keyIn = new Map<string, string>();
    for (const b of buckets) {
      if (!b.encryption.ok) continue;
      const enc = b.encryption.value;
      const phi = !phiTagged || (b.tags.ok && isPhi(b.tags.value, settings));
      const keys = readIn(state, 'kms.keys', b.region);
      const usesCustomerKey = enc !== null && enc.algorithm !== 'AES256' && keyOwner(state, b.region, enc.kmsKeyId).kind === 'customer';
      if (enc && (!phi || usesCustomerKey)) continue;
      let keyArn = keyIn.get(b.region);
      if (!keyArn) {
        keyArn = `arn:${partition}:kms:${b.region}:${accountId}:${alias}`;
        if (!keys.some((k) => k.aliases.includes(alias))) {
          if (!create) throw new Error(`no KMS key in ${b.region} has the alias ${alias}; create one or pass --option create-key=yes`);
          actions.push(...newKey(actions.length + 1, alias, b.region, 'encrypts S3 objects by default (hipaa-wizard).', keyPolicy(partition, accountId, [])));
        }
        keyIn.set(b.region, keyArn);
      }
      const undo: PlannedCall[] = enc
        ? [{ service: 's3', command: 'PutBucketEncryption', input: sseInput(b.name, enc), region: b.region }]
        : [{ service: 's3', command: 'DeleteBucketEncryption', input: { Bucket: b.name }, region: b.region }];
      actions.push({
        effect: enc ? '~' : '+',
        service: 's3',
        command: 'PutBucketEncryption',
        input: sseInput(b.name, { algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true }),
        region: b.region,
        resource: `bucket ${b.name}`,
        summary: `Encrypt new objects in ${b.name} (${b.region}) with the customer-managed key ${alias}${enc ? ` instead of ${enc.algorithm === 'AES256' ? 'SSE-S3' : (enc.kmsKeyId ?? 'aws/s3')}` : ''}.`,
        reversible: true,
        undo,
      });
    }
    return actions;
  },
});

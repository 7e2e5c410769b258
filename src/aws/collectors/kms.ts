/**
 * KMS, per region: every key with its manager (AWS or customer), state, pending deletion date,
 * aliases, and, for enabled customer managed keys, whether automatic rotation is on and the key
 * policy (to tell key administrators apart from the people who use the key).
 */
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  type KeyMetadata,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { as, attempt, type CollectorContext, type CollectorSet, regionalCollector, toCollectError } from '../collector.js';
import { perScan } from './ec2.js';
import { mapLimit } from '../limit.js';
import type { PolicyDocument } from '../../state/iam.js';
import type { KmsKey } from '../../state/kms.js';

const NOT_READ = { ok: true as const, value: null };

/** The region's keys with their details, read once per scan (DynamoDB reuses them to tell AWS managed keys apart). */
export const listKeys = perScan(async (ctx: CollectorContext, region: string): Promise<KmsKey[]> => {
  const client = ctx.clients.get(KMSClient, region);
  const listed: { id: string; arn: string }[] = [];
  const aliases = new Map<string, string[]>();
  await as(
    'kms:ListKeys',
    (async () => {
      for await (const page of paginateListKeys({ client, pageSize: 1000 }, {})) {
        for (const k of page.Keys ?? []) if (k.KeyId) listed.push({ id: k.KeyId, arn: k.KeyArn ?? '' });
      }
    })(),
  );
  await as(
    'kms:ListAliases',
    (async () => {
      for await (const page of paginateListAliases({ client, pageSize: 100 }, {})) {
        for (const a of page.Aliases ?? []) {
          if (a.TargetKeyId && a.AliasName) aliases.set(a.TargetKeyId, [...(aliases.get(a.TargetKeyId) ?? []), a.AliasName]);
        }
      }
    })(),
  );
  return mapLimit(listed, 8, async ({ id, arn }): Promise<KmsKey> => {
    const base = { id, arn, aliases: aliases.get(id) ?? [] };
    let meta: KeyMetadata | undefined;
    try {
      meta = (await client.send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata;
    } catch (e) {
      const error = toCollectError(e, 'kms:DescribeKey');
      return {
        ...base,
        manager: null,
        state: null,
        keySpec: null,
        keyUsage: null,
        origin: null,
        deletionDate: null,
        description: '',
        error,
        rotation: { ok: false, error },
        policy: { ok: false, error },
      };
    }
    const manager = meta?.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER';
    const state = meta?.KeyState ?? null;
    const customerEnabled = manager === 'CUSTOMER' && state === 'Enabled';
    const rotatable = customerEnabled && meta?.KeySpec === 'SYMMETRIC_DEFAULT' && meta?.Origin === 'AWS_KMS';
    const [rotation, policy] = await Promise.all([
      rotatable
        ? attempt('kms:GetKeyRotationStatus', async () => (await client.send(new GetKeyRotationStatusCommand({ KeyId: id }))).KeyRotationEnabled ?? false)
        : Promise.resolve(NOT_READ),
      customerEnabled
        ? attempt('kms:GetKeyPolicy', async () => {
            const out = await client.send(new GetKeyPolicyCommand({ KeyId: id, PolicyName: 'default' }));
            return out.Policy ? (JSON.parse(out.Policy) as PolicyDocument) : null;
          })
        : Promise.resolve(NOT_READ),
    ]);
    return {
      ...base,
      arn: meta?.Arn ?? arn,
      manager,
      state,
      keySpec: meta?.KeySpec ?? null,
      keyUsage: meta?.KeyUsage ?? null,
      origin: meta?.Origin ?? null,
      deletionDate: meta?.DeletionDate ? new Date(meta.DeletionDate).toISOString() : null,
      description: meta?.Description ?? '',
      rotation,
      policy,
    };
  });
});

export const collectors: CollectorSet = {
  'kms.keys': regionalCollector(
    ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy'],
    (ctx, region) => listKeys(ctx, region),
  ),
};

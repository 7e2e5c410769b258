/** KMS as the model sees it: the `kms.keys` slice of each region. */
import type { KmsKey } from '../../../src/state/kms.js';
import type { ModelContext, ServiceModel } from './index.js';

type Key = { -readonly [K in keyof KmsKey]: KmsKey[K] } & { aliases: string[] };

const keysIn = (m: ModelContext) => m.regional<Key[]>('kms.keys');

/** A key by id, ARN or alias, or KMS's NotFoundException. */
export function keyOf(m: ModelContext, ref: string): Key {
  const k = keysIn(m).find((x) => x.id === ref || x.arn === ref || x.aliases.includes(ref) || ref.endsWith(`:${x.aliases.find((a) => ref.endsWith(a)) ?? '\0'}`));
  if (!k) throw m.error('NotFoundException', `Key '${ref}' does not exist`);
  return k;
}

export const kms: ServiceModel = {
  CreateKey(m, input) {
    const id = `${m.newId('0000aaaa-0000-4000-8000-')}`.padEnd(36, '0');
    const arn = `arn:${m.partition}:kms:${m.region}:${m.account}:key/${id}`;
    const key: Key = {
      id,
      arn,
      aliases: [],
      manager: 'CUSTOMER',
      state: 'Enabled',
      keySpec: input.KeySpec ?? 'SYMMETRIC_DEFAULT',
      keyUsage: input.KeyUsage ?? 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      deletionDate: null,
      description: input.Description ?? '',
      rotation: { ok: true, value: false },
      policy: { ok: true, value: input.Policy ? JSON.parse(input.Policy) : null },
    };
    keysIn(m).push(key);
    return { KeyMetadata: { KeyId: id, Arn: arn, KeyState: 'Enabled', KeyManager: 'CUSTOMER', Enabled: true } };
  },
  CreateAlias(m, input) {
    if (keysIn(m).some((k) => k.aliases.includes(input.AliasName))) throw m.error('AlreadyExistsException', `An alias with the name ${input.AliasName} already exists`);
    const k = keyOf(m, input.TargetKeyId);
    k.aliases = [...k.aliases, input.AliasName];
    return {};
  },
  DeleteAlias(m, input) {
    const k = keysIn(m).find((x) => x.aliases.includes(input.AliasName));
    if (!k) throw m.error('NotFoundException', `Alias ${input.AliasName} is not found.`);
    k.aliases = k.aliases.filter((a) => a !== input.AliasName);
    return {};
  },
  EnableKeyRotation(m, input) {
    keyOf(m, input.KeyId).rotation = { ok: true, value: true };
    return {};
  },
  DisableKeyRotation(m, input) {
    keyOf(m, input.KeyId).rotation = { ok: true, value: false };
    return {};
  },
  ScheduleKeyDeletion(m, input) {
    const k = keyOf(m, input.KeyId);
    k.state = 'PendingDeletion';
    return { KeyId: k.arn, KeyState: 'PendingDeletion', PendingWindowInDays: input.PendingWindowInDays ?? 30 };
  },
  CancelKeyDeletion(m, input) {
    const k = keyOf(m, input.KeyId);
    k.state = 'Disabled';
    k.deletionDate = null;
    return { KeyId: k.arn };
  },
};

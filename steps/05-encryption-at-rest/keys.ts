/** Tells customer managed KMS keys from AWS managed ones, for the checks that prefer your own keys. */
import type { KmsKey } from '../../src/state/kms.js';
import { type AccountState, type CollectError, regionalSlice } from '../../src/engine/state.js';

export type KeyOwner = { readonly kind: 'customer' | 'aws'; readonly label: string } | { readonly kind: 'unknown'; readonly error?: CollectError; readonly label: string };

const regionOf = (arn: string): string | undefined => (arn.startsWith('arn:') ? arn.split(':')[3] : undefined);
const accountOf = (arn: string): string | undefined => (arn.startsWith('arn:') ? arn.split(':')[4] : undefined);

/**
 * Who manages the key that `ref` names (a key ARN, key id, alias ARN or alias name), looked up in
 * the region's KMS keys. A key in another account is customer managed by definition.
 */
export function keyOwner(state: AccountState, region: string, ref: string | null): KeyOwner {
  if (!ref) return { kind: 'aws', label: 'the AWS managed key' };
  const alias = ref.includes('alias/') ? ref.slice(ref.indexOf('alias/')) : undefined;
  if (alias?.startsWith('alias/aws/')) return { kind: 'aws', label: alias };
  const account = accountOf(ref);
  if (account && account !== state.identity.accountId) return { kind: 'customer', label: `a key in account ${account}` };
  const where = regionOf(ref) ?? region;
  const slice = regionalSlice(state, 'kms.keys', where);
  if (!slice.ok) return { kind: 'unknown', error: slice.error, label: ref };
  const key = slice.value.find((k: KmsKey) => (alias ? k.aliases.includes(alias) : k.arn === ref || k.id === ref || ref.endsWith(`key/${k.id}`)));
  if (!key) return { kind: 'unknown', label: ref };
  const label = key.aliases[0] ?? key.id;
  if (key.manager === null) return { kind: 'unknown', error: key.error, label };
  return { kind: key.manager === 'AWS' ? 'aws' : 'customer', label };
}

/** Creating a customer-managed KMS key as plan actions: the key, its alias, and yearly rotation. */
import type { PlanAction } from '../../src/engine/model.js';
import { responseRef } from '../../src/engine/refs.js';

/** The name a plan gives the CreateKey of `alias` in `region`, for later actions to refer to the key AWS returns. */
export const keyRef = (alias: string, region: string): string => `key-${alias.replace(/^alias\//, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${region}`;

/**
 * Actions that create a symmetric key with `policy`, name it `alias`, and turn on rotation. The
 * CreateKey action is named keyRef(alias, region): later actions refer to the key id and ARN AWS
 * returns as responseRef(keyRef(alias, region), 'KeyMetadata.KeyId' | 'KeyMetadata.Arn'). Undo never deletes or disables the key: anything encrypted with it would
 * be lost for good once the key is gone, so creating it cannot be undone; undo takes back the alias
 * and the rotation only. Disabling or deleting the key later is a person's own decision.
 */
export function newKey(alias: string, region: string, description: string, policy: object): PlanAction[] {
  const ref = keyRef(alias, region);
  const keyId = responseRef(ref, 'KeyMetadata.KeyId');
  return [
    {
      ref,
      effect: '+',
      service: 'kms',
      command: 'CreateKey',
      input: { Description: description, KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', Policy: JSON.stringify(policy) },
      region,
      resource: `KMS key ${alias}`,
      summary: `Create a customer-managed KMS key in ${region}: ${description}`,
      reversible: false,
      irreversibleBecause: `the key stays: data encrypted with it while the fix was in place can only be read with it, and a deleted key cannot be recovered; disable or schedule the deletion of ${alias} yourself once nothing is encrypted with it`,
    },
    {
      effect: '+',
      service: 'kms',
      command: 'CreateAlias',
      input: { AliasName: alias, TargetKeyId: keyId },
      region,
      resource: `KMS key ${alias}`,
      summary: `Name the new key ${alias}.`,
      reversible: true,
      undo: [{ service: 'kms', command: 'DeleteAlias', input: { AliasName: alias }, region }],
    },
    {
      effect: '~',
      service: 'kms',
      command: 'EnableKeyRotation',
      input: { KeyId: keyId },
      region,
      resource: `KMS key ${alias}`,
      summary: `Rotate the key material of ${alias} every year.`,
      reversible: true,
      undo: [{ service: 'kms', command: 'DisableKeyRotation', input: { KeyId: keyId }, region }],
    },
  ];
}

/** A key policy: the account administers the key; `grants` add what services may do with it. */
export function keyPolicy(partition: string, account: string, grants: readonly object[]): object {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'EnableAccountAdministration', Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      ...grants,
    ],
  };
}

/** Creating a customer-managed KMS key as plan actions: the key, its alias, and yearly rotation. */
import type { PlanAction } from '../../src/engine/model.js';

/**
 * Actions that create a symmetric key with `policy`, name it `alias`, and turn on rotation. `first`
 * is the 1-based position the CreateKey action will have in the whole plan (later actions refer to
 * the key id AWS returns). Undo schedules the key's deletion after 7 days and removes the alias.
 */
export function newKey(first: number, alias: string, region: string, description: string, policy: object): PlanAction[] {
  const keyId = `{{step${first}.KeyMetadata.KeyId}}`;
  return [
    {
      effect: '+',
      service: 'kms',
      command: 'CreateKey',
      input: { Description: description, KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', Policy: JSON.stringify(policy) },
      region,
      resource: `KMS key ${alias}`,
      summary: `Create a customer-managed KMS key in ${region}: ${description}`,
      reversible: true,
      undo: [{ service: 'kms', command: 'ScheduleKeyDeletion', input: { KeyId: '{{self.KeyMetadata.KeyId}}', PendingWindowInDays: 7 }, region }],
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

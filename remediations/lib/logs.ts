/** Plan pieces for CloudWatch Logs shared by the fixes that deliver into a log group. */
import { readIn } from '../../src/engine/outcome.js';
import type { PlanAction, Settings } from '../../src/engine/model.js';
import type { AccountState } from '../../src/engine/state.js';
import { retentionAtLeast } from '../log-retention.js';
import { responseRef } from '../../src/engine/refs.js';
import { keyPolicy, keyRef, newKey } from './kms.js';

/** The alias of the key a log group this tool creates is encrypted with (one key per group). */
export const logKeyAlias = (group: string): string => `alias/hipaa-wizard-logs${group.startsWith('/') ? '' : '/'}${group.replace(/[^A-Za-z0-9/_-]/g, '-')}`;

/**
 * The actions that create `group` in `region`, encrypted with a customer-managed KMS key, with the
 * retention the settings ask for; none when the group exists already. `holds` names what the group
 * will keep ("the flow log records"). The log group refers to the key AWS creates by the key's name
 * in the plan (keyRef). A log group created
 * without a key would fail log-group-kms, which a fix must not leave behind; a key made for the
 * group earlier (its alias) is reused. The key's policy lets CloudWatch Logs in that region use it
 * for this account's log groups only. Undo keeps the key as it was made (alias and rotation too):
 * the log group it encrypts stays, and so must a key that can read it.
 */
export function ensureLogGroup(state: AccountState, region: string, group: string, settings: Settings, holds: string): PlanAction[] {
  if (readIn(state, 'logs.logGroups', region).some((g) => g.name === group)) return [];
  const { partition, accountId } = state.identity;
  const alias = logKeyAlias(group);
  const existing = readIn(state, 'kms.keys', region).find((k) => k.state === 'Enabled' && k.aliases.includes(alias));
  const policy = keyPolicy(partition, accountId, [
    {
      Sid: 'AllowCloudWatchLogs',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${accountId}:log-group:*` } },
    },
  ]);
  const keyActions = existing ? [] : keptWithGroup(region, group, alias, holds, newKey(alias, region, `encrypts the log group ${group} (hipaa-wizard).`, policy));
  const keyArn = existing ? existing.arn : responseRef(keyRef(alias, region), 'KeyMetadata.Arn');
  const actions: PlanAction[] = [
    ...keyActions,
    {
      effect: '+',
      service: 'logs',
      command: 'CreateLogGroup',
      input: { logGroupName: group, kmsKeyId: keyArn },
      region,
      resource: `log group ${group}`,
      summary: `Create the log group ${group} in ${region} for ${holds}, encrypted with the KMS key ${alias}.`,
      reversible: false,
      irreversibleBecause: `Undo leaves the log group ${group} in ${region} in place: deleting it would destroy ${holds} it collected.`,
    },
  ];
  const days = retentionAtLeast(settings.logRetentionDays);
  if (days) {
    actions.push({
      effect: '~',
      service: 'logs',
      command: 'PutRetentionPolicy',
      input: { logGroupName: group, retentionInDays: days },
      region,
      resource: `log group ${group}`,
      summary: `Keep ${holds} in ${group} (${region}) for ${days} days.`,
      reversible: false,
      irreversibleBecause: `Undo keeps the retention of ${group} in ${region}, so ${holds} it collected still expire on schedule rather than being deleted or kept forever.`,
    });
  }
  return actions;
}

/**
 * The key's actions made irreversible: undo keeps the log group `group` and what it holds, so the
 * key that encrypts them stays as it was made. Scheduling its deletion would make the records
 * unreadable for good; disabling its rotation would leave a kept key failing kms-rotation; deleting
 * its alias would leave it nameless and a later run unable to find it.
 */
function keptWithGroup(region: string, group: string, alias: string, holds: string, actions: PlanAction[]): PlanAction[] {
  const because: Record<string, string> = {
    CreateKey: `Undo leaves the KMS key ${alias} in ${region} in place: the log group ${group}, which undo also keeps, is encrypted with it, and without the key ${holds} it collected could never be read again.`,
    CreateAlias: `Undo keeps the alias ${alias} in ${region}, so the key that encrypts the kept log group ${group} can still be found by its name.`,
    EnableKeyRotation: `Undo keeps the yearly rotation of ${alias} in ${region}, the key that encrypts the kept log group ${group}.`,
  };
  return actions.map(({ undo: _undo, ...a }) => ({ ...a, reversible: false, irreversibleBecause: because[a.command] ?? a.irreversibleBecause }));
}

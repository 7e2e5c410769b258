/**
 * Cancels the scheduled deletion of customer-managed KMS keys, so data encrypted with them stays
 * readable. A cancelled key comes back disabled; the plan enables it again unless asked not to.
 * Undo disables the key and schedules its deletion again (at least 7 days out, as KMS requires).
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { daysBetween, readIn } from '../src/engine/outcome.js';
import { OptionValues } from '../src/schemas/options.js';

export default defineRemediation({
  id: 'cancel-key-deletion',
  title: 'Cancel the deletion of KMS keys',
  fixes: ['kms-pending-deletion'],
  leavesAlone: ['AWS-managed keys', 'a cancelled key stays disabled with enable=no'],
  permissions: ['kms:CancelKeyDeletion', 'kms:EnableKey', 'kms:DisableKey', 'kms:ScheduleKeyDeletion'],
  options: [{ name: 'enable', description: 'enable each key again after cancelling its deletion: yes or no', default: 'yes', schema: OptionValues.yesNo() }],
  plan(state, { now, options, failing }) {
    // One scope rule: only the keys the check failed.
    const failed = new Set(failing('kms-pending-deletion').map((r) => r.id));
    const enable = (options.enable ?? 'yes') === 'yes';
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const k of readIn(state, 'kms.keys', region)) {
        if (!failed.has(k.arn) || k.manager === 'AWS' || k.state !== 'PendingDeletion') continue;
        const name = k.aliases[0] ? `${k.aliases[0]} (${k.id})` : k.id;
        const left = k.deletionDate ? Math.ceil(-daysBetween(k.deletionDate, now)) : 30;
        const window = Math.min(30, Math.max(7, left));
        actions.push({
          effect: '~',
          service: 'kms',
          command: 'CancelKeyDeletion',
          input: { KeyId: k.arn },
          region,
          resource: `KMS key ${name}`,
          summary: `Cancel the deletion of KMS key ${name} in ${region}${k.deletionDate ? `, due ${k.deletionDate.slice(0, 10)}` : ''}.`,
          reversible: true,
          undo: [{ service: 'kms', command: 'ScheduleKeyDeletion', input: { KeyId: k.arn, PendingWindowInDays: window }, region }],
        });
        if (enable) {
          actions.push({
            effect: '~',
            service: 'kms',
            command: 'EnableKey',
            input: { KeyId: k.arn },
            region,
            resource: `KMS key ${name}`,
            summary: `Enable KMS key ${name} again (a cancelled key comes back disabled).`,
            reversible: true,
            undo: [{ service: 'kms', command: 'DisableKey', input: { KeyId: k.arn }, region }],
          });
        }
      }
    }
    return actions;
  },
});

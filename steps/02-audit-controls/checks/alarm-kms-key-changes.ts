import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-kms-key-changes',
    label: 'disabling or scheduled deletion of KMS keys',
    title: 'An alarm fires when a KMS key is disabled or scheduled for deletion',
    cis: '4.7',
    why: 'Disabling or deleting a customer managed key makes everything encrypted with it unreadable, backups included; an alarm gives time to cancel the deletion',
    test: (p) => /DisableKey/.test(p) && /ScheduleKeyDeletion/.test(p),
  }),
);

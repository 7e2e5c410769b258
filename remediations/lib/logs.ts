/** Plan pieces for CloudWatch Logs shared by the fixes that deliver into a log group. */
import { readIn } from '../../src/engine/outcome.js';
import type { PlanAction, Settings } from '../../src/engine/model.js';
import type { AccountState } from '../../src/engine/state.js';
import { retentionAtLeast } from '../log-retention.js';

/**
 * The actions that create `group` in `region` with the retention the settings ask for, or none when
 * the group exists already. `holds` names what the group will keep ("the flow log records").
 */
export function ensureLogGroup(state: AccountState, region: string, group: string, settings: Settings, holds: string): PlanAction[] {
  if (readIn(state, 'logs.logGroups', region).some((g) => g.name === group)) return [];
  const actions: PlanAction[] = [
    {
      effect: '+',
      service: 'logs',
      command: 'CreateLogGroup',
      input: { logGroupName: group },
      region,
      resource: `log group ${group}`,
      summary: `Create the log group ${group} in ${region} for ${holds}.`,
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

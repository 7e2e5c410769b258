/**
 * Sets CloudWatch Logs retention on every log group that keeps events for less than the required
 * period, to the shortest period CloudWatch offers that meets it (365 days by default, --log-retention-days). Log groups
 * that keep events forever already pass and are left alone. Undo puts each old period back.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

/** The retention periods PutRetentionPolicy accepts, in days. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** The shortest accepted period of at least `days`; undefined when longer than ten years (then: never expire). */
export const retentionAtLeast = (days: number): number | undefined => RETENTION_DAYS.find((d) => d >= days);

export default defineRemediation({
  id: 'log-retention',
  title: 'Keep CloudWatch logs for the required period',
  fixes: ['log-group-retention'],
  leavesAlone: ['log groups that keep events forever', 'log groups already kept long enough'],
  permissions: ['logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:DescribeLogGroups'],
  notes: ['Longer retention means more stored log data, which CloudWatch Logs bills per GB-month.'],
  plan(state, { settings, failing }) {
    // One scope rule: only the log groups the check failed.
    const failed = new Set(failing('log-group-retention').map((r) => r.id));
    const target = retentionAtLeast(settings.logRetentionDays);
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const g of readIn(state, 'logs.logGroups', region)) {
        if (!failed.has(g.arn || g.name) || g.retentionDays === null || g.retentionDays >= settings.logRetentionDays) continue;
        const resource = `log group ${g.name}`;
        if (target === undefined) {
          actions.push({
            effect: '~',
            service: 'logs',
            command: 'DeleteRetentionPolicy',
            input: { logGroupName: g.name },
            region,
            resource,
            summary: `Keep the events of log group ${g.name} forever (was ${g.retentionDays} days).`,
            reversible: true,
            undo: [{ service: 'logs', command: 'PutRetentionPolicy', input: { logGroupName: g.name, retentionInDays: g.retentionDays }, region }],
          });
          continue;
        }
        actions.push({
          effect: '~',
          service: 'logs',
          command: 'PutRetentionPolicy',
          input: { logGroupName: g.name, retentionInDays: target },
          region,
          resource,
          summary: `Keep the events of log group ${g.name} for ${target} days (was ${g.retentionDays}).`,
          reversible: true,
          undo: [{ service: 'logs', command: 'PutRetentionPolicy', input: { logGroupName: g.name, retentionInDays: g.retentionDays }, region }],
        });
      }
    }
    return actions;
  },
});

/**
 * The CIS alarm set beside security-alarms: one check per change a CloudTrail metric filter should
 * watch. The rule is the one security-alarms applies: a metric filter on a log group a trail sends its
 * events to, whose metric has an enabled alarm notifying an SNS topic with a confirmed subscriber.
 */
import type { CheckDef, Outcome } from '../../src/engine/model.js';
import { failed, passed, readIn } from '../../src/engine/outcome.js';
import type { AccountState } from '../../src/engine/state.js';
import { allTrails } from '../../src/rules/cloudtrail.js';

/** The log groups CloudTrail trails deliver to, in the scanned regions. */
export function trailLogGroups(state: AccountState): { region: string; name: string }[] {
  const { trails } = allTrails(state);
  return [
    ...new Map(
      trails
        .filter((t) => t.cloudWatchLogGroupArn)
        .map((t) => {
          const arn = t.cloudWatchLogGroupArn as string;
          const region = arn.split(':')[3] ?? t.homeRegion;
          const name = (arn.split(':log-group:')[1] ?? '').replace(/:\*$/, '');
          return [`${region}/${name}`, { region, name }] as const;
        }),
    ).values(),
  ].filter((g) => state.regions.includes(g.region));
}

/** Whether a notifying alarm watches events matching `test` on a trail's log group; unreadable slices stop the check as unknown. */
export function watched(state: AccountState, label: string, test: (pattern: string) => boolean): Outcome {
  const groups = trailLogGroups(state);
  if (groups.length === 0) {
    return failed(`No CloudTrail trail sends its events to a CloudWatch log group in ${state.regions.join(', ')}, so no alarm can watch for ${label}.`);
  }
  for (const g of groups) {
    const filters = readIn(state, 'logs.metricFilters', g.region).filter((f) => f.logGroupName === g.name && test(f.pattern));
    if (filters.length === 0) continue;
    const alarms = readIn(state, 'cloudwatch.alarms', g.region);
    const subs = readIn(state, 'sns.subscriptions', g.region);
    const reaches = (arn: string) => arn.startsWith('arn:') && arn.split(':')[2] === 'sns' && subs.some((s) => s.topicArn === arn && s.confirmed);
    for (const f of filters) {
      const alarm = alarms.find(
        (a) => a.actionsEnabled && a.alarmActions.some(reaches) && a.metrics.some((m) => f.metrics.some((fm) => fm.name === m.name && fm.namespace === m.namespace)),
      );
      if (alarm) return passed(`Metric filter ${f.name} on log group ${g.name} in ${g.region} watches ${label}, and alarm ${alarm.name} notifies a confirmed subscriber.`);
    }
    return failed(
      `Metric filter ${filters.map((f) => f.name).join(', ')} on log group ${g.name} in ${g.region} watches ${label}, but no enabled alarm on it notifies an SNS topic with a confirmed subscriber.`,
    );
  }
  return failed(`No metric filter on CloudTrail log group ${groups.map((g) => `${g.name} (${g.region})`).join(', ')} watches ${label}.`);
}

/** One CIS alarm check. */
export function cisAlarm(o: { id: string; label: string; title: string; why: string; cis: string; test: (pattern: string) => boolean; loginRelated?: boolean }): CheckDef {
  return {
    id: o.id,
    title: o.title,
    severity: 'medium',
    hipaa: o.loginRelated ? { section: '164.308(a)(5)(ii)(C)', obligation: 'addressable' } : { section: '164.312(b)', obligation: 'required' },
    hitrust: ['09.ab', '09.ad'],
    permissions: ['cloudtrail:DescribeTrails', 'logs:DescribeMetricFilters', 'cloudwatch:DescribeAlarms', 'sns:ListSubscriptions'],
    needs: { regional: ['cloudtrail.trails', 'logs.metricFilters', 'cloudwatch.alarms', 'sns.subscriptions'] },
    why: `${o.why} (CIS AWS Foundations ${o.cis}.)`,
    evaluate: (state) => watched(state, o.label, o.test),
  };
}

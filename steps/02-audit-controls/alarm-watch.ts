/**
 * The CIS alarm set beside security-alarms: one check per change a CloudTrail metric filter should
 * watch (src/rules/alarms.ts holds the set and the rule). The rule is the one security-alarms applies:
 * a metric filter on a log group a trail sends its events to, whose metric has an enabled alarm
 * notifying an SNS topic with a confirmed subscriber.
 */
import type { CheckDef } from '../../src/engine/model.js';
import { type CisAlarm, cisAlarmOf, watched } from '../../src/rules/alarms.js';

/** One CIS alarm check. */
export function cisAlarm(id: string): CheckDef {
  const o: CisAlarm = cisAlarmOf(id);
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

/**
 * CloudWatch alarms as the model sees them: the `cloudwatch.alarms` slice of each region.
 * PutMetricAlarm creates the alarm or replaces the one of that name (AWS's documented behaviour);
 * DeleteAlarms fails with ResourceNotFound when a named alarm does not exist, and deletes none then.
 */
import type { MetricAlarm } from '../../../src/state/cloudwatch.js';
import type { ModelContext, ServiceModel } from './index.js';

type Alarm = { -readonly [K in keyof MetricAlarm]: MetricAlarm[K] };
const alarms = (m: ModelContext) => m.regional<Alarm[]>('cloudwatch.alarms');

export const cloudwatch: ServiceModel = {
  PutMetricAlarm(m, input) {
    if (!input.AlarmName || !input.ComparisonOperator || input.EvaluationPeriods === undefined) throw m.error('ValidationError', 'AlarmName, ComparisonOperator and EvaluationPeriods are required.');
    const list = alarms(m);
    const alarm: Alarm = {
      name: input.AlarmName,
      arn: `arn:${m.partition}:cloudwatch:${m.region}:${m.account}:alarm:${input.AlarmName}`,
      metrics: input.MetricName ? [{ name: input.MetricName, namespace: input.Namespace }] : (input.Metrics ?? []).filter((x: { MetricStat?: unknown }) => x.MetricStat).map((x: { MetricStat: { Metric: { MetricName: string; Namespace: string } } }) => ({ name: x.MetricStat.Metric.MetricName, namespace: x.MetricStat.Metric.Namespace })),
      actionsEnabled: input.ActionsEnabled !== false,
      alarmActions: input.AlarmActions ?? [],
      state: 'INSUFFICIENT_DATA',
    };
    const at = list.findIndex((a) => a.name === input.AlarmName);
    if (at >= 0) list[at] = alarm;
    else list.push(alarm);
    return {};
  },
  DeleteAlarms(m, input) {
    const list = alarms(m);
    const names: string[] = input.AlarmNames ?? [];
    const missing = names.find((n) => !list.some((a) => a.name === n));
    if (missing) throw m.error('ResourceNotFound', `An alarm named ${missing} does not exist.`, 404);
    m.setRegional(
      'cloudwatch.alarms',
      list.filter((a) => !names.includes(a.name)),
    );
    return {};
  },
};

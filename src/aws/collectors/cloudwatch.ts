/** CloudWatch, per region: metric alarms, with the metrics they watch and whether they notify anyone. */
import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { MetricAlarm } from '../../state/cloudwatch.js';

export const collectors: CollectorSet = {
  'cloudwatch.alarms': regionalCollector(['cloudwatch:DescribeAlarms'], async (ctx, region) => {
    const out: MetricAlarm[] = [];
    const pages = paginateDescribeAlarms({ client: ctx.clients.get(CloudWatchClient, region), pageSize: 100 }, { AlarmTypes: ['MetricAlarm'] });
    for await (const page of pages) {
      for (const a of page.MetricAlarms ?? []) {
        const metrics = a.MetricName
          ? [{ name: a.MetricName, namespace: a.Namespace ?? '' }]
          : (a.Metrics ?? []).flatMap((m) => (m.MetricStat?.Metric?.MetricName ? [{ name: m.MetricStat.Metric.MetricName, namespace: m.MetricStat.Metric.Namespace ?? '' }] : []));
        out.push({
          name: a.AlarmName ?? '',
          arn: a.AlarmArn ?? '',
          metrics,
          actionsEnabled: a.ActionsEnabled ?? false,
          alarmActions: a.AlarmActions ?? [],
          state: a.StateValue ?? 'INSUFFICIENT_DATA',
        });
      }
    }
    return out;
  }),
};

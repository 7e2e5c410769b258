/** CloudWatch Logs, per region: log groups (retention, KMS key, size) and metric filters. */
import { CloudWatchLogsClient, paginateDescribeLogGroups, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { LogGroup, MetricFilter } from '../../state/logs.js';

export const collectors: CollectorSet = {
  'logs.logGroups': regionalCollector(['logs:DescribeLogGroups'], async (ctx, region) => {
    const out: LogGroup[] = [];
    for await (const page of paginateDescribeLogGroups({ client: ctx.clients.get(CloudWatchLogsClient, region), pageSize: 50 }, {})) {
      for (const g of page.logGroups ?? []) {
        out.push({
          name: g.logGroupName ?? '',
          arn: (g.arn ?? '').replace(/:\*$/, ''),
          retentionDays: g.retentionInDays ?? null,
          kmsKeyId: g.kmsKeyId ?? null,
          storedBytes: g.storedBytes ?? 0,
          createdAt: g.creationTime ? new Date(g.creationTime).toISOString() : null,
        });
      }
    }
    return out;
  }),

  'logs.metricFilters': regionalCollector(['logs:DescribeMetricFilters'], async (ctx, region) => {
    const out: MetricFilter[] = [];
    // A metric filter belongs to a log group: a region with none has no filters to list. When the
    // log groups could not be read, the filters are listed anyway.
    const groups = await ctx.regional('logs.logGroups', region).catch(() => undefined);
    if (groups && groups.length === 0) return out;
    for await (const page of paginateDescribeMetricFilters({ client: ctx.clients.get(CloudWatchLogsClient, region), pageSize: 50 }, {})) {
      for (const f of page.metricFilters ?? []) {
        out.push({
          name: f.filterName ?? '',
          logGroupName: f.logGroupName ?? '',
          pattern: f.filterPattern ?? '',
          metrics: (f.metricTransformations ?? []).map((m) => ({ name: m.metricName ?? '', namespace: m.metricNamespace ?? '' })),
        });
      }
    }
    return out;
  }, ['logs.logGroups']),
};

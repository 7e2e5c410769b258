/** CloudWatch Logs as the model sees it: the `logs.logGroups` slice of each region. */
import type { LogGroup } from '../../../src/state/logs.js';
import type { ModelContext, ServiceModel } from './index.js';

type Group = { -readonly [K in keyof LogGroup]: LogGroup[K] };
const RETENTION = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);

function groupOf(m: ModelContext, name: string): Group {
  const g = m.regional<Group[]>('logs.logGroups').find((x) => x.name === name);
  if (!g) throw m.error('ResourceNotFoundException', 'The specified log group does not exist.');
  return g;
}

export const logs: ServiceModel = {
  CreateLogGroup(m, input) {
    const groups = m.regional<Group[]>('logs.logGroups');
    if (groups.some((g) => g.name === input.logGroupName)) throw m.error('ResourceAlreadyExistsException', 'The specified log group already exists');
    const arn = `arn:${m.partition}:logs:${m.region}:${m.account}:log-group:${input.logGroupName}`;
    if (input.kmsKeyId) {
      // CloudWatch Logs checks at once that the key exists in the region and that its policy lets logs.<region>.amazonaws.com use it.
      const keys = m.state.regional[m.region]?.['kms.keys'];
      const key = keys?.ok ? (keys.value as { arn: string; state: string; policy: { ok: boolean; value?: { Statement?: { Principal?: { Service?: string } }[] } } }[]).find((k) => k.arn === input.kmsKeyId) : undefined;
      const allows = key?.policy.ok && (key.policy.value?.Statement ?? []).some((st) => st.Principal?.Service === `logs.${m.region}.amazonaws.com`);
      if (key?.state !== 'Enabled' || !allows) throw m.error('AccessDeniedException', `The specified KMS key does not exist or is not allowed to be used with Arn '${arn}'`);
    }
    groups.push({ name: input.logGroupName, arn, retentionDays: null, kmsKeyId: input.kmsKeyId ?? null, storedBytes: 0, createdAt: null });
    return {};
  },
  /** Deleting a group deletes every event it holds, for good. */
  DeleteLogGroup(m, input) {
    const groups = m.regional<Group[]>('logs.logGroups');
    groupOf(m, input.logGroupName);
    m.setRegional(
      'logs.logGroups',
      groups.filter((g) => g.name !== input.logGroupName),
    );
    return {};
  },
  PutRetentionPolicy(m, input) {
    if (!RETENTION.has(input.retentionInDays)) throw m.error('InvalidParameterException', `1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint`);
    groupOf(m, input.logGroupName).retentionDays = input.retentionInDays;
    return {};
  },
  /** Creates the filter or replaces the one of that name on the group (at most 100 per group). */
  PutMetricFilter(m, input) {
    groupOf(m, input.logGroupName);
    const filters = m.regional<{ name: string; logGroupName: string; pattern: string; metrics: { name: string; namespace: string }[] }[]>('logs.metricFilters');
    const f = {
      name: input.filterName,
      logGroupName: input.logGroupName,
      pattern: input.filterPattern,
      metrics: (input.metricTransformations ?? []).map((t: { metricName: string; metricNamespace: string }) => ({ name: t.metricName, namespace: t.metricNamespace })),
    };
    const at = filters.findIndex((x) => x.name === f.name && x.logGroupName === f.logGroupName);
    if (at >= 0) filters[at] = f;
    else filters.push(f);
    return {};
  },
  DeleteMetricFilter(m, input) {
    const filters = m.regional<{ name: string; logGroupName: string }[]>('logs.metricFilters');
    if (!filters.some((x) => x.name === input.filterName && x.logGroupName === input.logGroupName)) throw m.error('ResourceNotFoundException', 'The specified metric filter does not exist.');
    m.setRegional(
      'logs.metricFilters',
      filters.filter((x) => !(x.name === input.filterName && x.logGroupName === input.logGroupName)),
    );
    return {};
  },
  DeleteRetentionPolicy(m, input) {
    groupOf(m, input.logGroupName).retentionDays = null;
    return {};
  },
};

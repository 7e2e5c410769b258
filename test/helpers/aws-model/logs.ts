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
    groups.push({ name: input.logGroupName, arn: `arn:${m.partition}:logs:${m.region}:${m.account}:log-group:${input.logGroupName}`, retentionDays: null, kmsKeyId: null, storedBytes: 0, createdAt: null });
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
  DeleteRetentionPolicy(m, input) {
    groupOf(m, input.logGroupName).retentionDays = null;
    return {};
  },
};

/**
 * Issue 17, "no call a check does not need": a second call whose answer the first makes certain is
 * not sent. A region without a Config recorder is not asked for the recorders' status; a region
 * without log groups is not asked for metric filters (they belong to log groups). When the first
 * call fails, the second is still sent, so a refusal never turns into "none".
 */
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';

const logs = mockClient(CloudWatchLogsClient);
const config = mockClient(ConfigServiceClient);
afterAll(() => {
  logs.restore();
  config.restore();
});
beforeEach(() => {
  logs.reset();
  config.reset();
});

const IDENTITY = { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/scanner', partition: 'aws' };
const denied = (action: string) =>
  Object.assign(new Error(`User: arn:aws:iam::111122223333:user/scanner is not authorized to perform: ${action}`), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });

async function collect(regional: string[]) {
  const clients = new ClientFactory();
  const c = new Collection({ clients, identity: IDENTITY, homeRegion: 'us-east-1', regions: ['us-east-1'] });
  await c.collect({ regional });
  clients.destroy();
  return c.state().regional['us-east-1'] ?? {};
}

describe('AWS Config', () => {
  it('does not ask for the recorders’ status where there is no recorder, and still reads the delivery channels', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] });
    const state = await collect(['config.recorders']);
    expect(config.commandCalls(DescribeConfigurationRecorderStatusCommand)).toHaveLength(0);
    expect(state['config.recorders']).toMatchObject({ ok: true, value: { recorders: [], deliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] } });
  });

  it('asks for the status when a recorder exists, and reads it into the recorder', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default', roleARN: 'arn:aws:iam::111122223333:role/config', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } }] });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    const state = await collect(['config.recorders']);
    expect(config.commandCalls(DescribeConfigurationRecorderStatusCommand)).toHaveLength(1);
    expect(state['config.recorders']).toMatchObject({ ok: true, value: { recorders: [{ name: 'default', recording: true, lastStatus: 'Success' }] } });
  });
});

describe('CloudWatch Logs', () => {
  it('does not list metric filters in a region without log groups', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
    const state = await collect(['logs.metricFilters']);
    expect(logs.commandCalls(DescribeMetricFiltersCommand)).toHaveLength(0);
    expect(state['logs.metricFilters']).toEqual({ ok: true, value: [] });
  });

  it('lists them where there are log groups', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: 'trail', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:trail:*' }] });
    logs.on(DescribeMetricFiltersCommand).resolves({ metricFilters: [{ filterName: 'root', logGroupName: 'trail', filterPattern: '{ $.userIdentity.type = "Root" }', metricTransformations: [{ metricName: 'Root', metricNamespace: 'CIS', metricValue: '1' }] }] });
    const state = await collect(['logs.metricFilters']);
    expect(state['logs.metricFilters']).toMatchObject({ ok: true, value: [{ name: 'root', logGroupName: 'trail' }] });
  });

  it('still lists them when the log groups cannot be read: a refusal is not "no log groups"', async () => {
    logs.on(DescribeLogGroupsCommand).rejects(denied('logs:DescribeLogGroups'));
    logs.on(DescribeMetricFiltersCommand).resolves({ metricFilters: [{ filterName: 'root', logGroupName: 'trail', filterPattern: 'x', metricTransformations: [] }] });
    const state = await collect(['logs.metricFilters']);
    expect(logs.commandCalls(DescribeMetricFiltersCommand)).toHaveLength(1);
    expect(state['logs.metricFilters']).toMatchObject({ ok: true, value: [{ name: 'root' }] });
  });
});

/** AWS Config, per region: configuration recorders (what they record, whether they run) and delivery channels. */
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { as, type CollectorSet, regionalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import type {} from '../../state/config.js';

const MISSING_RECORDER = ['NoSuchConfigurationRecorderException'];

export const collectors: CollectorSet = {
  'config.recorders': regionalCollector(
    ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', 'config:DescribeDeliveryChannels'],
    async (ctx, region) => {
      const client = ctx.clients.get(ConfigServiceClient, region);
      // The recorders' status is asked only when there is a recorder (most small accounts in most
      // regions have none). The delivery channels are read either way: a channel can outlive its
      // recorder, and the fixes that touch buckets must know which bucket Config delivers to.
      const [[recorders, statuses], channels] = await Promise.all([
        as('config:DescribeConfigurationRecorders', orIfMissing(() => client.send(new DescribeConfigurationRecordersCommand({})), MISSING_RECORDER, null)).then(
          async (found) =>
            [
              found,
              (found?.ConfigurationRecorders ?? []).length > 0
                ? await as('config:DescribeConfigurationRecorderStatus', orIfMissing(() => client.send(new DescribeConfigurationRecorderStatusCommand({})), MISSING_RECORDER, null))
                : null,
            ] as const,
        ),
        as('config:DescribeDeliveryChannels', orIfMissing(() => client.send(new DescribeDeliveryChannelsCommand({})), ['NoSuchDeliveryChannelException'], null)),
      ]);
      return {
        recorders: (recorders?.ConfigurationRecorders ?? []).map((r) => {
          const status = statuses?.ConfigurationRecordersStatus?.find((s) => s.name === r.name);
          const strategy = r.recordingGroup?.recordingStrategy?.useOnly;
          return {
            name: r.name ?? '',
            allSupported: (r.recordingGroup?.allSupported ?? false) || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES' || strategy === 'EXCLUSION_BY_RESOURCE_TYPES',
            includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes ?? false,
            recording: status?.recording ?? false,
            lastStatus: status?.lastStatus ?? null,
            lastErrorCode: status?.lastErrorCode ?? null,
            serviceLinked: r.recordingScope === 'INTERNAL' || Boolean(r.servicePrincipal) || (r.name ?? '').startsWith('AWSConfigurationRecorderFor'),
          };
        }),
        deliveryChannels: (channels?.DeliveryChannels ?? []).map((c) => ({ name: c.name ?? '', s3BucketName: c.s3BucketName ?? null })),
      };
    },
  ),
};

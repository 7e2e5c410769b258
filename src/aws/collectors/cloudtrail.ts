/**
 * CloudTrail, per region: the trails that apply there (a multi-region trail shows up in every
 * region), each with its status and event selectors. A trail's status and selectors are read once
 * per scan, from its home region, however many regions show it.
 */
import {
  type AdvancedEventSelector,
  CloudTrailClient,
  DescribeTrailsCommand,
  type EventSelector,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import { attempt, type CollectorContext, type CollectorSet, regionalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import type { TrailSelectors, Trail } from '../../state/cloudtrail.js';

const iso = (d: Date | string | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** Reduces classic and advanced event selectors to what the checks ask. */
export function summarizeSelectors(classic: readonly EventSelector[] | undefined, advanced: readonly AdvancedEventSelector[] | undefined): TrailSelectors {
  let read = false;
  let write = false;
  let s3DataAll = false;
  let s3DataReadAll = false;
  const buckets = new Set<string>();
  const readBuckets = new Set<string>();
  const addArn = (value: string, reads: boolean) => {
    const m = /^arn:[^:]+:s3:::([^/]+)/.exec(value);
    if (m?.[1]) {
      buckets.add(m[1]);
      if (reads) readBuckets.add(m[1]);
    } else if (/^arn:[^:]+:s3(:::)?$/.test(value)) {
      s3DataAll = true;
      if (reads) s3DataReadAll = true;
    }
  };
  for (const s of classic ?? []) {
    if (s.IncludeManagementEvents !== false) {
      const rw = s.ReadWriteType ?? 'All';
      if (rw === 'All' || rw === 'ReadOnly') read = true;
      if (rw === 'All' || rw === 'WriteOnly') write = true;
    }
    // ReadWriteType applies to the selector's data events as well: WriteOnly records no GetObject.
    const dataReads = (s.ReadWriteType ?? 'All') !== 'WriteOnly';
    for (const d of s.DataResources ?? []) if (d.Type === 'AWS::S3::Object') for (const v of d.Values ?? []) addArn(v, dataReads);
  }
  for (const s of advanced ?? []) {
    const field = (name: string) => s.FieldSelectors?.find((f) => f.Field === name);
    const category = field('eventCategory')?.Equals ?? [];
    const readOnly = field('readOnly')?.Equals;
    if (category.includes('Management')) {
      if (!readOnly || readOnly.includes('true')) read = true;
      if (!readOnly || readOnly.includes('false')) write = true;
    }
    if (category.includes('Data') && (field('resources.type')?.Equals ?? []).includes('AWS::S3::Object')) {
      const arn = field('resources.ARN');
      const prefixes = [...(arn?.StartsWith ?? []), ...(arn?.Equals ?? [])];
      // readOnly = false (or readOnly != true) keeps only write events: reads are not recorded.
      const ro = field('readOnly');
      const dataReads = !(ro?.Equals?.length && !ro.Equals.includes('true')) && !ro?.NotEquals?.includes('true');
      if (prefixes.length === 0) {
        s3DataAll = true;
        if (dataReads) s3DataReadAll = true;
      }
      for (const p of prefixes) addArn(p, dataReads);
    }
  }
  const management = read && write ? 'All' : read ? 'ReadOnly' : write ? 'WriteOnly' : 'None';
  return { management, s3DataAll, s3DataBuckets: [...buckets].sort(), s3DataReadAll, s3DataReadBuckets: [...readBuckets].sort() };
}

type Details = Pick<Trail, 'status' | 'selectors'>;
/** One scan's trail details, keyed by ARN: shared by every region that shows the trail. */
const detailCache = new WeakMap<CollectorContext, Map<string, Promise<Details>>>();

function details(ctx: CollectorContext, arn: string, homeRegion: string): Promise<Details> {
  let cache = detailCache.get(ctx);
  if (!cache) {
    cache = new Map();
    detailCache.set(ctx, cache);
  }
  let found = cache.get(arn);
  if (!found) {
    const client = ctx.clients.get(CloudTrailClient, homeRegion);
    found = Promise.all([
      attempt('cloudtrail:GetTrailStatus', async () => {
        const s = await client.send(new GetTrailStatusCommand({ Name: arn }));
        return {
          logging: s.IsLogging ?? false,
          latestDeliveryTime: iso(s.LatestDeliveryTime),
          latestDeliveryError: s.LatestDeliveryError || null,
          latestCloudWatchLogsDeliveryTime: iso(s.LatestCloudWatchLogsDeliveryTime),
          latestCloudWatchLogsDeliveryError: s.LatestCloudWatchLogsDeliveryError || null,
        };
      }),
      attempt('cloudtrail:GetEventSelectors', async () => {
        const s = await client.send(new GetEventSelectorsCommand({ TrailName: arn }));
        return summarizeSelectors(s.EventSelectors, s.AdvancedEventSelectors);
      }),
    ]).then(([status, selectors]) => ({ status, selectors }));
    cache.set(arn, found);
  }
  return found;
}

export const collectors: CollectorSet = {
  'cloudtrail.trails': regionalCollector(
    ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
    async (ctx, region) => {
      const client = ctx.clients.get(CloudTrailClient, region);
      const out = await orIfMissing(() => client.send(new DescribeTrailsCommand({ includeShadowTrails: true })), ['TrailNotFoundException'], {
        trailList: [],
        $metadata: {},
      }).catch((e) => {
        if (e && typeof e === 'object') (e as { $action?: string }).$action ??= 'cloudtrail:DescribeTrails';
        throw e;
      });
      return Promise.all(
        (out.trailList ?? []).map(async (t) => {
          const arn = t.TrailARN ?? '';
          const homeRegion = t.HomeRegion ?? region;
          return {
            name: t.Name ?? '',
            arn,
            homeRegion,
            multiRegion: t.IsMultiRegionTrail ?? false,
            organization: t.IsOrganizationTrail ?? false,
            s3BucketName: t.S3BucketName ?? null,
            logFileValidation: t.LogFileValidationEnabled ?? false,
            kmsKeyId: t.KmsKeyId ?? null,
            cloudWatchLogGroupArn: t.CloudWatchLogsLogGroupArn ?? null,
            ...(await details(ctx, arn, homeRegion)),
          };
        }),
      );
    },
  ),
};

/**
 * The Resource Groups Tagging API, per region: the tags of every data store the API knows (S3
 * buckets, RDS, DynamoDB, EFS, EBS, Backup vaults…), for the data-classification checks. The API
 * lists only resources that carry or once carried a tag; the classification check also reads the
 * services' own inventories so an untagged store is not missed.
 */
import { ResourceGroupsTaggingAPIClient, paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { TaggedResource } from '../../state/tagging.js';

/** The resource types that hold data at rest. */
export const DATA_STORE_TYPES = [
  's3:bucket',
  'rds:db',
  'rds:cluster',
  'dynamodb:table',
  'elasticfilesystem:file-system',
  'ec2:volume',
  'redshift:cluster',
  'elasticache:cluster',
  'es:domain',
  'fsx:file-system',
];

export const collectors: CollectorSet = {
  'tagging.dataStores': regionalCollector(['tag:GetResources'], async (ctx, region) => {
    const client = ctx.clients.get(ResourceGroupsTaggingAPIClient, region);
    const types = region === ctx.homeRegion ? DATA_STORE_TYPES : DATA_STORE_TYPES.filter((t) => t !== 's3:bucket');
    const out: TaggedResource[] = [];
    for await (const page of paginateGetResources({ client }, { ResourceTypeFilters: types, ResourcesPerPage: 100 })) {
      for (const r of page.ResourceTagMappingList ?? []) {
        out.push({
          arn: r.ResourceARN ?? '',
          tags: Object.fromEntries((r.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key as string, t.Value ?? ''])),
        });
      }
    }
    return out;
  }),
};

/**
 * DynamoDB, per region: every table with its encryption (AWS owned, AWS managed or customer
 * managed key), point-in-time recovery, deletion protection and tags.
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  type DescribeTableCommandOutput,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { errorName } from '../errors.js';
import { as, attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';
import { listKeys } from './kms.js';
import type { DynamoTable } from '../../state/dynamodb.js';

export const collectors: CollectorSet = {
  'dynamodb.tables': regionalCollector(
    // The KMS reads tell an AWS managed key from a customer managed one (the same reads as kms.keys, shared per scan).
    ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:ListTagsOfResource', 'kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy'],
    async (ctx, region) => {
      const client = ctx.clients.get(DynamoDBClient, region);
      const names: string[] = [];
      await as(
        'dynamodb:ListTables',
        (async () => {
          for await (const page of paginateListTables({ client, pageSize: 100 }, {})) names.push(...(page.TableNames ?? []));
        })(),
      );
      let keyManagers: Map<string, string | null> | undefined;
      try {
        keyManagers = new Map((await listKeys(ctx, region)).map((k) => [k.arn, k.manager]));
      } catch {
        keyManagers = undefined; // without KMS's answer a KMS key counts as customer managed
      }
      const tables = await mapLimit(names, 6, async (name): Promise<DynamoTable | null> => {
        let described: DescribeTableCommandOutput;
        try {
          described = await as('dynamodb:DescribeTable', client.send(new DescribeTableCommand({ TableName: name })));
        } catch (e) {
          if (errorName(e) === 'ResourceNotFoundException') return null; // deleted since the listing
          throw e;
        }
        const t = described.Table;
        const arn = t?.TableArn ?? `arn:${ctx.identity.partition}:dynamodb:${region}:${ctx.identity.accountId}:table/${name}`;
        const sse = t?.SSEDescription;
        const kmsOn = sse?.Status === 'ENABLED' || sse?.Status === 'UPDATING';
        // DescribeTable gives only the key's ARN: KMS says whether AWS or the customer manages it.
        const manager = kmsOn && sse?.KMSMasterKeyArn ? keyManagers?.get(sse.KMSMasterKeyArn) : undefined;
        const sseType: DynamoTable['sseType'] = !kmsOn ? 'AES256-owned' : manager === 'AWS' ? 'KMS-aws' : 'KMS-customer';
        const [pitr, tags] = await Promise.all([
          attempt('dynamodb:DescribeContinuousBackups', async () => {
            const out = await client.send(new DescribeContinuousBackupsCommand({ TableName: name }));
            return out.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED';
          }),
          attempt('dynamodb:ListTagsOfResource', async () => {
            const found: Record<string, string> = {};
            let NextToken: string | undefined;
            do {
              const out = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken }));
              for (const tag of out.Tags ?? []) if (tag.Key) found[tag.Key] = tag.Value ?? '';
              NextToken = out.NextToken;
            } while (NextToken);
            return found;
          }),
        ]);
        return {
          name,
          arn,
          sseType,
          kmsKeyArn: sse?.KMSMasterKeyArn ?? null,
          pitr,
          deletionProtection: t?.DeletionProtectionEnabled ?? false,
          tags,
        };
      });
      return tables.filter((t): t is DynamoTable => t !== null);
    },
  ),
};

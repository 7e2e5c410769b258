/**
 * SNS topics, SQS queues, Kinesis data streams and Secrets Manager secrets, per region: each with
 * the KMS key that encrypts it and its tags, so checks can ask for a customer managed key where the
 * resource is tagged as holding ePHI.
 */
import { KinesisClient, DescribeStreamSummaryCommand, ListTagsForStreamCommand, paginateListStreams } from '@aws-sdk/client-kinesis';
import { GetTopicAttributesCommand, ListTagsForResourceCommand, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueueTagsCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import type { KeyedResource } from '../../state/messaging.js';
import { as, attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';
import { listSecrets } from './secretsmanager.js';

const tagMap = (tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key).map((t) => [t.Key as string, t.Value ?? '']));

async function drain<T>(action: string, pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  await as(
    action,
    (async () => {
      for await (const p of pages) out.push(p);
    })(),
  );
  return out;
}

export const collectors: CollectorSet = {
  'messaging.snsTopics': regionalCollector(['sns:ListTopics', 'sns:GetTopicAttributes', 'sns:ListTagsForResource'], async (ctx, region) => {
    const client = ctx.clients.get(SNSClient, region);
    const arns = (await drain('sns:ListTopics', paginateListTopics({ client }, {}))).flatMap((p) => (p.Topics ?? []).map((t) => t.TopicArn ?? '')).filter(Boolean);
    return mapLimit(arns, 6, async (arn): Promise<KeyedResource> => {
      const attrs = await as('sns:GetTopicAttributes', client.send(new GetTopicAttributesCommand({ TopicArn: arn })));
      const key = attrs.Attributes?.KmsMasterKeyId || null;
      const tags = await attempt('sns:ListTagsForResource', async () => tagMap((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags));
      return { name: arn.split(':').pop() ?? arn, arn, kmsKeyId: key, encrypted: key !== null, tags };
    });
  }),
  'messaging.sqsQueues': regionalCollector(['sqs:ListQueues', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags'], async (ctx, region) => {
    const client = ctx.clients.get(SQSClient, region);
    const urls = (await drain('sqs:ListQueues', paginateListQueues({ client, pageSize: 1000 }, {}))).flatMap((p) => p.QueueUrls ?? []);
    return mapLimit(urls, 6, async (url): Promise<KeyedResource> => {
      const out = await as(
        'sqs:GetQueueAttributes',
        client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn', 'KmsMasterKeyId', 'SqsManagedSseEnabled'] })),
      );
      const a = out.Attributes ?? {};
      const key = a.KmsMasterKeyId || null;
      const tags = await attempt('sqs:ListQueueTags', async () => (await client.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {});
      return { name: url.split('/').pop() ?? url, arn: a.QueueArn ?? url, kmsKeyId: key, encrypted: key !== null || a.SqsManagedSseEnabled === 'true', tags };
    });
  }),
  'messaging.kinesisStreams': regionalCollector(['kinesis:ListStreams', 'kinesis:DescribeStreamSummary', 'kinesis:ListTagsForStream'], async (ctx, region) => {
    const client = ctx.clients.get(KinesisClient, region);
    const streams = (await drain('kinesis:ListStreams', paginateListStreams({ client, pageSize: 100 }, {}))).flatMap((p) => p.StreamSummaries ?? []);
    return mapLimit(streams, 4, async (s): Promise<KeyedResource> => {
      const name = s.StreamName ?? '';
      const d = (await as('kinesis:DescribeStreamSummary', client.send(new DescribeStreamSummaryCommand({ StreamName: name })))).StreamDescriptionSummary;
      const kms = d?.EncryptionType === 'KMS';
      const tags = await attempt('kinesis:ListTagsForStream', async () => tagMap((await client.send(new ListTagsForStreamCommand({ StreamName: name }))).Tags));
      return { name, arn: s.StreamARN ?? d?.StreamARN ?? '', kmsKeyId: kms ? (d?.KeyId ?? null) : null, encrypted: kms, tags };
    });
  }),
  'messaging.secrets': regionalCollector(['secretsmanager:ListSecrets'], async (ctx, region) => {
    // The same listing secretsmanager.secrets reads, fetched once per scan. Every secret is encrypted;
    // without KmsKeyId it uses the AWS managed key aws/secretsmanager.
    const secrets = await as('secretsmanager:ListSecrets', listSecrets(ctx, region));
    return secrets.map((s): KeyedResource => ({ name: s.Name ?? '', arn: s.ARN ?? '', kmsKeyId: s.KmsKeyId ?? null, encrypted: true, tags: { ok: true, value: tagMap(s.Tags) } }));
  }),
};

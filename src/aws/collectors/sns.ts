/**
 * SNS, per region: every subscription with its topic and whether the endpoint confirmed it (a
 * pending subscription delivers nothing).
 */
import { SNSClient, paginateListSubscriptions } from '@aws-sdk/client-sns';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { SnsSubscription } from '../../state/sns.js';

export const collectors: CollectorSet = {
  'sns.subscriptions': regionalCollector(['sns:ListSubscriptions'], async (ctx, region) => {
    const client = ctx.clients.get(SNSClient, region);
    const out: SnsSubscription[] = [];
    for await (const page of paginateListSubscriptions({ client }, {})) {
      for (const s of page.Subscriptions ?? []) {
        out.push({
          topicArn: s.TopicArn ?? '',
          protocol: s.Protocol ?? '',
          endpoint: s.Endpoint ?? '',
          confirmed: (s.SubscriptionArn ?? '').startsWith('arn:'),
        });
      }
    }
    return out;
  }),
};

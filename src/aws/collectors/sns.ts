/**
 * SNS, per region: every subscription with its topic and whether the endpoint confirmed it (a
 * pending subscription delivers nothing).
 */
import { SNSClient, paginateListSubscriptions } from '@aws-sdk/client-sns';
import { type CollectorSet, regionalCollector } from '../collector.js';

export interface SnsSubscription {
  readonly topicArn: string;
  /** email, sms, https, lambda, sqs, … */
  readonly protocol: string;
  readonly endpoint: string;
  /** False while the subscription waits for confirmation ("PendingConfirmation"). */
  readonly confirmed: boolean;
}

declare module '../../engine/state.js' {
  interface RegionalSlices {
    'sns.subscriptions': readonly SnsSubscription[];
  }
}

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

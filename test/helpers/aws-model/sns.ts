/**
 * SNS as the model sees it: the `sns.subscriptions` slice of each region. Topics are not a slice
 * (the collector lists subscriptions), so the model keeps them beside the state. As SNS documents:
 * CreateTopic is idempotent by name (it returns the existing topic's ARN); Subscribe to a missing
 * topic fails with NotFound; an e-mail subscription waits for the recipient's confirmation, and its
 * Subscribe returns "pending confirmation" instead of an ARN unless ReturnSubscriptionArn is true;
 * Unsubscribe of "pending confirmation" is an InvalidParameter; DeleteTopic deletes its subscriptions.
 */
import type { SnsSubscription } from '../../../src/state/sns.js';
import type { ModelContext, ServiceModel } from './index.js';

type Sub = { -readonly [K in keyof SnsSubscription]: SnsSubscription[K] };
interface Side {
  topics: Set<string>;
  /** Subscription ARN → the subscription in the slice. */
  arns: Map<string, Sub>;
}
const sides = new WeakMap<object, Side>();
function side(m: ModelContext): Side {
  let s = sides.get(m.state);
  if (!s) {
    s = { topics: new Set(), arns: new Map() };
    // Topics that have subscriptions in the state before exist.
    for (const region of Object.keys(m.state.regional)) {
      const subs = m.state.regional[region]?.['sns.subscriptions'];
      if (subs?.ok) for (const x of subs.value as Sub[]) s.topics.add(x.topicArn);
    }
    sides.set(m.state, s);
  }
  return s;
}
const subs = (m: ModelContext) => m.regional<Sub[]>('sns.subscriptions');

/** The topics the model knows (for tests: a topic without subscribers is not in the state). */
export function topicsOf(state: object): readonly string[] {
  return [...(sides.get(state)?.topics ?? [])].sort();
}

export const sns: ServiceModel = {
  CreateTopic(m, input) {
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(input.Name ?? '')) throw m.error('InvalidParameter', 'Invalid parameter: Topic Name');
    const arn = `arn:${m.partition}:sns:${m.region}:${m.account}:${input.Name}`;
    side(m).topics.add(arn);
    return { TopicArn: arn };
  },
  DeleteTopic(m, input) {
    const s = side(m);
    s.topics.delete(input.TopicArn);
    m.setRegional(
      'sns.subscriptions',
      subs(m).filter((x) => x.topicArn !== input.TopicArn),
    );
    for (const [arn, x] of s.arns) if (x.topicArn === input.TopicArn) s.arns.delete(arn);
    return {};
  },
  Subscribe(m, input) {
    const s = side(m);
    if (!s.topics.has(input.TopicArn)) throw m.error('NotFound', 'Topic does not exist', 404);
    const list = subs(m);
    const found = list.find((x) => x.topicArn === input.TopicArn && x.protocol === input.Protocol && x.endpoint === input.Endpoint);
    const sub: Sub = found ?? { topicArn: input.TopicArn, protocol: input.Protocol, endpoint: input.Endpoint, confirmed: !['email', 'email-json', 'http', 'https'].includes(input.Protocol) };
    if (!found) list.push(sub);
    let arn = [...s.arns].find(([, x]) => x === sub)?.[0];
    if (!arn) {
      arn = `${input.TopicArn}:${m.newId('sub-')}`;
      s.arns.set(arn, sub);
    }
    return { SubscriptionArn: sub.confirmed || input.ReturnSubscriptionArn === true ? arn : 'pending confirmation' };
  },
  Unsubscribe(m, input) {
    const s = side(m);
    if (!/^arn:/.test(input.SubscriptionArn ?? '')) throw m.error('InvalidParameter', 'Invalid parameter: SubscriptionArn');
    const sub = s.arns.get(input.SubscriptionArn);
    if (!sub) throw m.error('NotFound', 'Subscription does not exist', 404);
    s.arns.delete(input.SubscriptionArn);
    for (const region of Object.keys(m.state.regional)) {
      const r = m.state.regional[region]?.['sns.subscriptions'];
      if (r?.ok) r.value = (r.value as Sub[]).filter((x) => x !== sub);
    }
    return {};
  },
};

/** The recipient clicks the link: the subscription is confirmed (for tests). */
export function confirmAll(state: object): void {
  for (const x of sides.get(state)?.arns.values() ?? []) x.confirmed = true;
}

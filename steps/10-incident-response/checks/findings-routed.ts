import type { EventRule } from '../../../src/state/events.js';
import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, summarize, unreadableResource } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';

const SOURCES = ['aws.guardduty', 'aws.securityhub'];

/** The finding sources an enabled rule's pattern matches (a "prefix: aws." matches both). */
export function sourcesOf(rule: EventRule): string[] {
  if (!rule.enabled || !rule.pattern) return [];
  const raw = rule.pattern.source;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return SOURCES.filter((s) =>
    list.some((x) => x === s || (typeof x === 'object' && x !== null && typeof (x as { prefix?: unknown }).prefix === 'string' && s.startsWith((x as { prefix: string }).prefix))),
  );
}

/** The service named in an ARN ("sns", "lambda", …), or "" for anything that is not an ARN. */
const serviceOf = (arn: string): string => (arn.startsWith('arn:') ? (arn.split(':')[2] ?? '') : '');

/** Target services, other than SNS, through which EventBridge can put a finding in front of a person or a responder. */
const ROUTING_TARGETS: Readonly<Record<string, string>> = {
  lambda: 'Lambda function',
  sqs: 'SQS queue',
  events: 'EventBridge destination',
  kinesis: 'Kinesis stream',
  firehose: 'Firehose stream',
  states: 'Step Functions state machine',
  'ssm-incidents': 'Incident Manager response plan',
  ssm: 'Systems Manager target',
};

function routedElsewhere(t: { readonly rule: string; readonly arn: string }, region: string): ResourceResult {
  const kind = t.arn.includes(':api-destination/') ? 'API destination' : t.arn.includes(':event-bus/') ? 'event bus' : (ROUTING_TARGETS[serviceOf(t.arn)] ?? 'target');
  return {
    id: t.arn,
    region,
    status: 'pass',
    detail: `Rule ${t.rule} in ${region} sends findings to the ${kind} ${t.arn.split(':').slice(5).join(':')}; make sure it alerts a person.`,
  };
}

export default defineCheck({
  id: 'findings-routed',
  title: 'Security findings reach a person through a confirmed notification',
  severity: 'high',
  hipaa: { section: '164.308(a)(6)(ii)', obligation: 'required' },
  hitrust: ['11.a', '11.c'],
  needs: { regional: ['guardduty.detectors', 'securityhub.hub', 'events.rules', 'sns.subscriptions'] },
  why: 'Detection only helps if someone hears about it: an EventBridge rule must send GuardDuty or Security Hub findings to an SNS topic whose subscription was confirmed, or to a function, queue, stream, incident plan or HTTP endpoint that alerts someone, or the alert lands nowhere.',
  evaluate(state) {
    const resources = perRegion(state, 'events.rules', (rules, region): ResourceResult[] => {
      const detectors = regionalSlice(state, 'guardduty.detectors', region);
      const hub = regionalSlice(state, 'securityhub.hub', region);
      const producing = (detectors.ok && detectors.value.some((d) => d.status === 'ENABLED')) || (hub.ok && hub.value !== null);
      const id = `finding alerts in ${region}`;
      if (!producing) return [{ id, region, status: 'pass', detail: `Neither GuardDuty nor Security Hub is on in ${region}, so there is nothing to route.` }];
      const routed = rules.filter((r) => sourcesOf(r).length > 0);
      if (routed.length === 0) {
        return [{ id, region, status: 'fail', detail: `No enabled EventBridge rule in ${region} forwards GuardDuty or Security Hub findings.` }];
      }
      const all = routed.flatMap((r) => r.targets.map((t) => ({ rule: r.name, arn: t.arn })));
      if (all.length === 0) {
        return [{ id, region, status: 'fail', detail: `Rule ${listNames(routed.map((r) => r.name))} in ${region} matches GuardDuty or Security Hub findings but has no target, so they go nowhere.` }];
      }
      const topics = all.filter((t) => serviceOf(t.arn) === 'sns');
      // A finding also reaches people through a function, a queue, a stream, an incident-manager plan, an
      // HTTP endpoint (API destination) or another event bus (often a central security account); this
      // account cannot see who reads those, so they count as routed with a sentence naming the target.
      const other = all.find((t) => ROUTING_TARGETS[serviceOf(t.arn)] !== undefined);
      if (topics.length === 0) {
        if (other) return [routedElsewhere(other, region)];
        return [{ id, region, status: 'fail', detail: `Rule ${routed[0]?.name} in ${region} forwards findings only to ${all[0]?.arn}, which stores them but alerts no one.` }];
      }
      const unseen: ResourceResult[] = [];
      for (const t of topics) {
        const [topicRegion = region, topicAccount] = t.arn.split(':').slice(3, 5);
        if (topicAccount && topicAccount !== state.identity.accountId) {
          unseen.push({ id: t.arn, region, status: 'unknown', detail: `Rule ${t.rule} in ${region} sends findings to a topic in account ${topicAccount}, whose subscriptions this account cannot see.` });
          continue;
        }
        const subs = regionalSlice(state, 'sns.subscriptions', topicRegion);
        if (!subs.ok) {
          unseen.push(unreadableResource(`topic ${t.arn.split(':').pop()}`, topicRegion, subs.error));
          continue;
        }
        const confirmed = subs.value.find((x) => x.topicArn === t.arn && x.confirmed);
        if (confirmed) {
          return [{ id: t.arn, region, status: 'pass', detail: `Rule ${t.rule} in ${region} sends findings to ${t.arn.split(':').pop()}, delivered by ${confirmed.protocol} to ${confirmed.endpoint}.` }];
        }
      }
      if (other) return [routedElsewhere(other, region)];
      if (unseen.length) return unseen;
      const t = topics[0];
      return [{ id: t?.arn ?? id, region, status: 'fail', detail: `Rule ${t?.rule} in ${region} sends findings to topic ${t?.arn.split(':').pop()}, which has no confirmed subscription.` }];
    });
    return summarize(resources, {
      pass: () => `GuardDuty and Security Hub findings reach a confirmed subscriber in every region where they are produced.`,
      fail: (bad) => `Security findings do not reach anyone: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

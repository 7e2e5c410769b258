/**
 * EventBridge, per region: the rules on the default event bus with their event patterns and
 * targets, so a check can tell whether GuardDuty or Security Hub findings reach anyone.
 */
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { type CollectorSet, as, regionalCollector } from '../collector.js';
import type { EventRule } from '../../state/events.js';

function parse(pattern: string | undefined): Record<string, unknown> | null {
  if (!pattern) return null;
  try {
    const v: unknown = JSON.parse(pattern);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const collectors: CollectorSet = {
  'events.rules': regionalCollector(['events:ListRules', 'events:ListTargetsByRule'], async (ctx, region) => {
    const client = ctx.clients.get(EventBridgeClient, region);
    const out: EventRule[] = [];
    let next: string | undefined;
    do {
      const page = await as('events:ListRules', client.send(new ListRulesCommand({ NextToken: next, Limit: 100 })));
      for (const r of page.Rules ?? []) {
        const targets: { id: string; arn: string }[] = [];
        let tnext: string | undefined;
        do {
          const t = await as('events:ListTargetsByRule', client.send(new ListTargetsByRuleCommand({ Rule: r.Name, NextToken: tnext, Limit: 100 })));
          for (const x of t.Targets ?? []) targets.push({ id: x.Id ?? '', arn: x.Arn ?? '' });
          tnext = t.NextToken;
        } while (tnext);
        out.push({ name: r.Name ?? '', arn: r.Arn ?? '', enabled: r.State === 'ENABLED', pattern: parse(r.EventPattern), targets });
      }
      next = page.NextToken;
    } while (next);
    return out;
  }),
};

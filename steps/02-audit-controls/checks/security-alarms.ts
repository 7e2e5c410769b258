import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { failed, listNames, readIn, summarize } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';

/** The three events an alarm must watch, and how their CloudTrail filter patterns are recognised. */
export const SECURITY_EVENTS = [
  { key: 'root-use', label: 'root user activity', test: (p: string) => /userIdentity\.type\s*=\s*"?Root"?/i.test(p) },
  { key: 'console-failures', label: 'failed console sign-ins', test: (p: string) => /ConsoleLogin/i.test(p) && /Failed authentication/i.test(p) },
  { key: 'unauthorized-calls', label: 'unauthorized API calls', test: (p: string) => /UnauthorizedOperation|AccessDenied/i.test(p) },
] as const;

export default defineCheck({
  id: 'security-alarms',
  title: 'Alarms fire on root use, failed sign-ins and unauthorized calls',
  severity: 'high',
  hipaa: { section: '164.308(a)(5)(ii)(C)', obligation: 'addressable' },
  hitrust: ['09.ab', '09.ad', '06.i'],
  needs: { regional: ['cloudtrail.trails', 'logs.metricFilters', 'cloudwatch.alarms', 'sns.subscriptions'] },
  why: 'Logs nobody reads do not detect anything; a metric filter with an alarm turns a root sign-in or a burst of access denials into a message to a person within minutes.',
  evaluate(state) {
    const { trails } = allTrails(state);
    const groups = [
      ...new Map(
        trails
          .filter((t) => t.cloudWatchLogGroupArn)
          .map((t) => {
            const arn = t.cloudWatchLogGroupArn!;
            const region = arn.split(':')[3] ?? t.homeRegion;
            const name = (arn.split(':log-group:')[1] ?? '').replace(/:\*$/, '');
            return [`${region}/${name}`, { region, name }] as const;
          }),
      ).values(),
    ].filter((g) => state.regions.includes(g.region));
    if (groups.length === 0) {
      return failed(`No CloudTrail trail sends its events to a CloudWatch log group in ${state.regions.join(', ')}, so no metric filter or alarm can watch for root use, failed sign-ins or unauthorized calls.`);
    }
    const resources: ResourceResult[] = [];
    for (const event of SECURITY_EVENTS) {
      let found: string | undefined;
      let region = groups[0]!.region;
      for (const g of groups) {
        const filters = readIn(state, 'logs.metricFilters', g.region).filter((f) => f.logGroupName === g.name && event.test(f.pattern));
        const alarms = readIn(state, 'cloudwatch.alarms', g.region);
        // An alarm notifies someone only through an SNS topic with a confirmed subscription: a pending
        // one ("PendingConfirmation") delivers nothing. Other actions (Auto Scaling, EC2, Systems Manager
        // OpsItems) change resources or open items nobody is told about, so they do not count.
        const subs = filters.length ? readIn(state, 'sns.subscriptions', g.region) : [];
        const reaches = (arn: string) => arn.startsWith('arn:') && arn.split(':')[2] === 'sns' && subs.some((s) => s.topicArn === arn && s.confirmed);
        for (const f of filters) {
          const alarm = alarms.find(
            (a) => a.actionsEnabled && a.alarmActions.some(reaches) && a.metrics.some((m) => f.metrics.some((fm) => fm.name === m.name && fm.namespace === m.namespace)),
          );
          if (alarm) {
            found = `filter ${f.name} with alarm ${alarm.name}`;
            region = g.region;
            break;
          }
        }
        if (found) break;
      }
      resources.push({
        id: `alarm for ${event.label}`,
        region,
        status: found ? 'pass' : 'fail',
        detail: found ? `${event.label} in ${region}: ${found}.` : `No metric filter with an alarm notifying an SNS topic with a confirmed subscriber watches ${event.label} on log group ${groups.map((g) => `${g.name} (${g.region})`).join(', ')}.`,
      });
    }
    return summarize(resources, {
      pass: () => `Alarms that notify someone watch root use, failed console sign-ins and unauthorized API calls on ${groups[0]!.name} in ${groups[0]!.region}.`,
      fail: (f) => `No notifying alarm watches ${listNames(f.map((r) => r.id.replace(/^alarm for /, '')))} on CloudTrail log group ${groups[0]!.name} in ${groups[0]!.region}.`,
    });
  },
});

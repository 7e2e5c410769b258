/**
 * Metric filters and alarms on the CloudTrail log group for root use, failed console sign-ins and
 * unauthorized API calls, notifying an SNS topic (and an e-mail address when given). How the trail is
 * connected, the topic chosen and the undo kept harmless is shared with cis-alarms (lib/alarms.ts).
 */
import { defineRemediation } from '../src/engine/define.js';
import { readIn } from '../src/engine/outcome.js';
import { SECURITY_EVENTS } from '../steps/02-audit-controls/checks/security-alarms.js';
import { ALARM_FIX_PARTS, planTrailAlarms } from './lib/alarms.js';

export const ALARM_PATTERNS: Record<(typeof SECURITY_EVENTS)[number]['key'], { filter: string; pattern: string; metric: string }> = {
  'root-use': {
    filter: 'hipaa-wizard-root-use',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    metric: 'RootAccountUse',
  },
  'console-failures': {
    filter: 'hipaa-wizard-console-sign-in-failures',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    metric: 'ConsoleSignInFailures',
  },
  'unauthorized-calls': {
    filter: 'hipaa-wizard-unauthorized-api-calls',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    metric: 'UnauthorizedAPICalls',
  },
};

export default defineRemediation({
  id: 'security-alarms',
  title: 'Alarm on root use, failed sign-ins and unauthorized calls',
  fixes: ['security-alarms'],
  ...ALARM_FIX_PARTS,
  plan(state, { options, settings }) {
    return planTrailAlarms(state, options, settings, ({ region, group, connected }) => {
      const filters = connected ? readIn(state, 'logs.metricFilters', region).filter((f) => f.logGroupName === group) : [];
      const alarms = connected ? readIn(state, 'cloudwatch.alarms', region) : [];
      return SECURITY_EVENTS.filter(
        (e) =>
          !filters.some(
            (f) =>
              e.test(f.pattern) &&
              alarms.some((a) => a.actionsEnabled && a.alarmActions.length > 0 && a.metrics.some((m) => f.metrics.some((fm) => fm.name === m.name && fm.namespace === m.namespace))),
          ),
      ).map((e) => ({ ...ALARM_PATTERNS[e.key], label: e.label }));
    });
  },
});

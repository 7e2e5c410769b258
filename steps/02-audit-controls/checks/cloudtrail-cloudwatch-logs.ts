import { defineCheck } from '../../../src/engine/define.js';
import { daysBetween, failed, passed } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';

export default defineCheck({
  id: 'cloudtrail-cloudwatch-logs',
  title: 'CloudTrail delivers events to CloudWatch Logs',
  severity: 'medium',
  hipaa: { section: '164.308(a)(1)(ii)(D)', obligation: 'required' },
  hitrust: ['09.ab', '09.ad'],
  needs: { regional: ['cloudtrail.trails'] },
  why: 'Logs that sit only in an S3 bucket are read after the fact, if ever; in CloudWatch Logs they can feed metric filters and alarms, which is how activity review becomes routine.',
  evaluate(state, { now }) {
    const { trails, unreadable } = allTrails(state);
    const logging = trails.filter((t) => t.status.ok && t.status.value.logging);
    const resources = logging.map((t) => {
      const s = t.status.ok ? t.status.value : null;
      const last = s?.latestCloudWatchLogsDeliveryTime;
      const fresh = t.cloudWatchLogGroupArn && last && daysBetween(last, now) <= 1 && !s?.latestCloudWatchLogsDeliveryError;
      const detail = !t.cloudWatchLogGroupArn
        ? `Trail ${t.name} (home ${t.homeRegion}) sends nothing to CloudWatch Logs.`
        : fresh
          ? `Trail ${t.name} (home ${t.homeRegion}) delivers to ${t.cloudWatchLogGroupArn.split(':log-group:')[1]?.replace(/:\*$/, '') ?? t.cloudWatchLogGroupArn}.`
          : `Trail ${t.name} (home ${t.homeRegion}) names a log group, but its last delivery ${last ? `was ${daysBetween(last, now)} days ago` : 'never happened'}${s?.latestCloudWatchLogsDeliveryError ? ` (${s.latestCloudWatchLogsDeliveryError})` : ''}.`;
      return { id: t.arn, region: t.homeRegion, status: fresh ? ('pass' as const) : ('fail' as const), detail };
    });
    const delivering = resources.filter((r) => r.status === 'pass');
    if (delivering.length > 0) return passed(delivering[0]!.detail, resources);
    if (unreadable.length > 0 || trails.some((t) => !t.status.ok)) {
      const missing = [...unreadable.flatMap((u) => (u.missing ? [u.missing] : [])), ...trails.flatMap((t) => (!t.status.ok && t.status.error.action ? [t.status.error.action] : []))];
      return { status: 'unknown', message: 'Could not read every trail and its status, so delivery to CloudWatch Logs could not be confirmed.', resources: [...resources, ...unreadable], missing: [...new Set(missing)] };
    }
    if (logging.length === 0) return failed(`No logging CloudTrail trail exists in ${state.regions.join(', ')}, so nothing reaches CloudWatch Logs.`, resources);
    return failed(`No logging trail delivers to CloudWatch Logs: ${resources.map((r) => r.detail.replace(/\.$/, '')).join('; ')}.`, resources);
  },
});

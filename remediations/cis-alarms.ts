/**
 * The CIS AWS Foundations alarm set: a metric filter with the benchmark's pattern and an alarm for
 * each change the CIS alarm checks find unwatched (IAM policy, CloudTrail, Config, KMS key, S3 bucket
 * policy, security group, network ACL, gateway, route table, VPC and Organizations changes, and
 * console sign-ins without MFA), on the trail's log group, notifying the same topic as
 * security-alarms. Which alarms are missing is the checks' own rule (src/rules/alarms.ts `watched`),
 * so the plan covers exactly the checks that fail. The trail, the topic and the undo are shared with
 * security-alarms (lib/alarms.ts).
 */
import { defineRemediation } from '../src/engine/define.js';
import { CIS_ALARMS, watched } from '../src/rules/alarms.js';
import { ALARM_FIX_PARTS, planTrailAlarms } from './lib/alarms.js';

export default defineRemediation({
  id: 'cis-alarms',
  title: 'Alarm on the changes the CIS benchmark watches (IAM policies, trails, keys, network)',
  fixes: CIS_ALARMS.map((a) => a.id),
  ...ALARM_FIX_PARTS,
  plan(state, { options, settings }) {
    const missing = CIS_ALARMS.filter((a) => watched(state, a.label, a.test).status === 'fail');
    return planTrailAlarms(state, options, settings, () =>
      missing.map((a) => ({ filter: `hipaa-wizard-${a.id.replace(/^alarm-/, 'cis-')}`, pattern: a.pattern, metric: a.metric, label: a.label })),
    );
  },
});

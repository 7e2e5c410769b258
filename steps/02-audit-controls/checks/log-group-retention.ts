import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'log-group-retention',
  title: 'Log groups keep events for the retention period',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab', '09.ad', '09.ae'],
  needs: { regional: ['logs.logGroups'] },
  why: 'Audit controls must let you examine activity (§164.312(b)), and an incident is often discovered months after it began; a log group that deletes events after a month cannot show what happened. Log groups keep events at least --log-retention-days (default 365) or never expire. Six years is how long HIPAA documentation is kept (§164.316(b)(2)(i)), a policy for your records, not a rule for every log group.',
  evaluate(state, { settings }) {
    const min = settings.logRetentionDays;
    const resources = perRegion(state, 'logs.logGroups', (groups, region) =>
      groups.map((g) => ({
        id: g.arn || g.name,
        region,
        status: g.retentionDays === null || g.retentionDays >= min ? ('pass' as const) : ('fail' as const),
        detail:
          g.retentionDays === null
            ? `Log group ${g.name} in ${region} keeps events forever.`
            : `Log group ${g.name} in ${region} keeps events ${g.retentionDays} days${g.retentionDays < min ? `, below the ${min} required` : ''}.`,
      })),
    );
    return summarize(resources, {
      pass: (n) => `Every log group keeps events at least ${min} days or forever (${plural(n, 'log group')} checked).`,
      fail: (f) =>
        `${f.length} log group${f.length === 1 ? ' keeps' : 's keep'} events for less than ${min} days: ${listNames(
          f.map((r) => r.detail.replace(/^Log group (\S+) in (\S+) keeps events (\d+) days.*$/, '$1 in $2 ($3 days)')),
        )}.`,
      none: `There are no CloudWatch log groups in ${state.regions.join(', ')}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { failed, listNames, summarize, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';

export default defineCheck({
  id: 'trail-log-validation',
  title: 'CloudTrail log file validation is on',
  severity: 'medium',
  hipaa: { section: '164.312(c)(2)', obligation: 'addressable' },
  hitrust: ['09.ab', '10.c'],
  needs: { regional: ['cloudtrail.trails'] },
  why: 'With validation on, CloudTrail signs an hourly digest of every log file, so anyone can prove later that no log was edited or removed; without it, a tampered log looks like any other.',
  evaluate(state) {
    const { trails, unreadable } = allTrails(state);
    if (trails.length === 0 && unreadable.length === 0) {
      return failed(`No CloudTrail trail exists in ${state.regions.join(', ')}, so no signed log digests are produced.`);
    }
    const resources = [
      ...unreadable,
      ...trails.map((t) => ({
        id: t.arn,
        region: t.homeRegion,
        status: t.logFileValidation ? ('pass' as const) : ('fail' as const),
        detail: t.logFileValidation
          ? `Trail ${t.name} (home ${t.homeRegion}) signs digests of its log files.`
          : `Trail ${t.name} (home ${t.homeRegion}) does not validate its log files, so tampering would go unnoticed.`,
      })),
    ];
    return summarize(resources, {
      pass: (n) => `Every trail signs digests of its log files (${plural(n, 'trail')} checked).`,
      fail: (f) => `Log file validation is off for ${listNames(f.map((r) => `trail ${r.id.split('/').pop()} (home ${r.region})`))}, so edited or deleted log files could not be detected.`,
    });
  },
});

/**
 * Turns on log file validation for every trail without it: CloudTrail then writes a signed digest
 * every hour, so a log file edited or deleted afterwards can be detected (aws cloudtrail
 * validate-logs). Undo turns validation off again.
 */
import { defineRemediation } from '../src/engine/define.js';
import { allTrails } from '../src/rules/cloudtrail.js';

export default defineRemediation({
  id: 'trail-log-validation',
  title: 'Sign CloudTrail log files so tampering shows',
  fixes: ['trail-log-validation'],
  permissions: ['cloudtrail:UpdateTrail'],
  plan(state, { failing }) {
    // One scope rule: only the trails the check failed.
    const failed = new Set(failing('trail-log-validation').map((r) => r.id));
    return allTrails(state)
      .trails.filter((t) => failed.has(t.arn) && !t.logFileValidation)
      .map((t) => ({
        effect: '~' as const,
        service: 'cloudtrail',
        command: 'UpdateTrail',
        input: { Name: t.arn, EnableLogFileValidation: true },
        region: t.homeRegion,
        resource: `trail ${t.name}`,
        summary: `Turn on log file validation for trail ${t.name} (home ${t.homeRegion}).`,
        reversible: true,
        undo: [{ service: 'cloudtrail', command: 'UpdateTrail', input: { Name: t.arn, EnableLogFileValidation: false }, region: t.homeRegion }],
      }));
  },
});

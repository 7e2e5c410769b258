import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { perRegion, plural, readIn, summarize } from '../../../src/engine/outcome.js';
import { noPhiTagged } from '../../../src/engine/phi.js';
import { type AccountState, regionalSlice } from '../../../src/engine/state.js';
import type { BackupPlan } from '../../../src/state/backup.js';
import { phiResourcesIn, plansFor } from '../phi-resources.js';
import { intervalHours } from '../../../src/rules/backup-schedule.js';

export default defineCheck({
  id: 'backup-ephi-coverage',
  title: 'Every resource holding ePHI is in a backup plan and was backed up recently',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  needs: {
    global: ['s3.buckets'],
    regional: ['backup.plans', 'backup.protectedResources', 'backup.recoveryPoints', 'rds.instances', 'rds.clusters', 'dynamodb.tables', 'efs.fileSystems', 'ec2.instances'],
  },
  why: 'A backup plan protects only what its selections name, and only once it has run; a database added after the plan was written, or whose backups have been failing, is often the one with no copy when it is needed.',
  evaluate(state, { settings, now }) {
    const resources = perRegion(state, 'backup.plans', (plans, region): ResourceResult[] => {
      const { found, unknown } = phiResourcesIn(state, region, settings);
      if (found.length === 0) return unknown;
      const last = lastBackups(state, region);
      const results = found.map((r): ResourceResult => {
        const what = `${r.kind} ${r.name} in ${region}`;
        const hit = plansFor(plans, r);
        if (hit.plans.length === 0) {
          if (hit.unreadable) {
            return { id: r.arn, region, status: 'unknown', detail: `${what}: the selections of plan ${hit.unreadable} could not be read.`, missing: 'backup:ListBackupSelections' };
          }
          if (last.has(r.arn)) return { id: r.arn, region, status: 'fail', detail: `${what} has old backups, but no current plan selects it.` };
          return { id: r.arn, region, status: 'fail', detail: `${what} is in no backup plan.` };
        }
        // The plan that runs most often sets how fresh the newest recovery point must be.
        const best = hit.plans.map((p) => ({ plan: p, hours: planIntervalHours(p) })).sort((a, b) => a.hours - b.hours)[0] as { plan: BackupPlan; hours: number };
        const allowedHours = best.hours + GRACE_HOURS;
        const newest = last.get(r.arn);
        const by = `backup plan ${best.plan.name}`;
        if (!newest) return { id: r.arn, region, status: 'fail', detail: `${what} is selected by ${by} but has no recovery point yet.` };
        const ageHours = (now.getTime() - new Date(newest).getTime()) / 3_600_000;
        if (ageHours > allowedHours) {
          return {
            id: r.arn,
            region,
            status: 'fail',
            detail: `${what} is selected by ${by} but its newest recovery point is ${age(ageHours)} old; the plan runs ${every(best.hours)}, so one should be no older than ${age(allowedHours)}.`,
          };
        }
        return { id: r.arn, region, status: 'pass', detail: `${what} is selected by ${by} and was last backed up ${age(ageHours)} ago.` };
      });
      return [...results, ...unknown];
    });
    if (resources.length === 0) return noPhiTagged('database, table, file system, instance or bucket', state.regions.join(', '), 'backup coverage', settings);
    return summarize(resources, {
      pass: (n) => `Every resource tagged as holding ePHI is selected by an AWS Backup plan and has a recent recovery point (${plural(n, 'resource')} checked).`,
      fail: (bad) => {
        const told = bad.slice(0, 3).map((r) => r.detail.replace(/\.$/, ''));
        const more = bad.length > 3 ? `; and ${bad.length - 3} more` : '';
        return `${plural(bad.length, 'resource')} holding ePHI ${bad.length === 1 ? 'has' : 'have'} no recent backup: ${told.join('; ')}${more}.`;
      },
    });
  },
});

/** Backups start within a window after their scheduled time and may take hours: allow a day beyond the schedule. */
const GRACE_HOURS = 24;
/** A schedule expression this tool cannot read is given a week, AWS Backup's longest common cadence. */
const UNREADABLE_SCHEDULE_HOURS = 7 * 24;

/** Hours between runs of the plan's most frequent rule (continuous backup: daily snapshots as well). */
function planIntervalHours(plan: BackupPlan): number {
  const hours = plan.rules.map((rule) => (rule.continuous ? 24 : (intervalHours(rule.schedule) ?? UNREADABLE_SCHEDULE_HOURS)));
  return hours.length ? Math.min(...hours) : UNREADABLE_SCHEDULE_HOURS;
}

/** The newest backup time of each resource: AWS Backup's LastBackupTime, or a newer completed recovery point. */
function lastBackups(state: AccountState, region: string): Map<string, string> {
  const out = new Map<string, string>();
  const keep = (arn: string, at: string | null) => {
    if (!at) return;
    const seen = out.get(arn);
    if (!seen || new Date(at) > new Date(seen)) out.set(arn, at);
  };
  for (const p of readIn(state, 'backup.protectedResources', region)) keep(p.arn, p.lastBackup);
  const points = regionalSlice(state, 'backup.recoveryPoints', region);
  if (points.ok) for (const rp of points.value) if (rp.status === 'COMPLETED') keep(rp.resourceArn, rp.createdAt);
  return out;
}

function age(hours: number): string {
  if (hours < 1) return 'less than an hour';
  return hours < 48 ? plural(Math.round(hours), 'hour') : plural(Math.floor(hours / 24), 'day');
}

function every(hours: number): string {
  if (Math.abs(hours - 24) < 0.01) return 'daily';
  if (Math.abs(hours - 168) < 0.5) return 'weekly';
  return hours < 48 ? `every ${Math.round(hours * 10) / 10} hours` : `about every ${Math.round(hours / 24)} days`;
}

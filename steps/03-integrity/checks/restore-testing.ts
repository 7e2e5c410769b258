import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { daysBetween, listNames, perRegion, readIn, summarize } from '../../../src/engine/outcome.js';

/** A restore testing plan that has not run for this long is treated as not running. */
export const STALE_RESTORE_TEST_DAYS = 35;

export default defineCheck({
  id: 'restore-testing',
  title: 'Backups are verified by scheduled restore tests',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(D)', obligation: 'addressable' },
  hitrust: ['09.l', '12.e'],
  needs: { regional: ['backup.vaults', 'backup.restoreTestingPlans'] },
  why: 'A backup proves nothing until it is restored: corrupted, incomplete or unreadable recovery points are found only by restoring them, and AWS Backup restore testing does that on a schedule.',
  evaluate(state, { now }) {
    const resources = perRegion(state, 'backup.vaults', (vaults, region): ResourceResult[] => {
      const points = vaults.reduce((n, v) => n + v.recoveryPoints, 0);
      if (points === 0) return [];
      const plans = readIn(state, 'backup.restoreTestingPlans', region);
      const id = `restore testing in ${region}`;
      if (plans.length === 0) return [{ id, region, status: 'fail', detail: `No restore testing plan checks the backups in ${region}.` }];
      const ran = plans.filter((p) => p.lastRun && daysBetween(p.lastRun, now) <= STALE_RESTORE_TEST_DAYS);
      if (ran.length === 0) {
        const p = plans[0];
        const when = p?.lastRun ? `last ran ${daysBetween(p.lastRun, now)} days ago` : 'has never run';
        return [{ id: p?.arn ?? id, region, status: 'fail', detail: `Restore testing plan ${p?.name} in ${region} ${when}.` }];
      }
      return [{ id: ran[0]?.arn ?? id, region, status: 'pass', detail: `Restore testing plan ${ran[0]?.name} in ${region} last ran ${daysBetween(ran[0]?.lastRun ?? now, now)} days ago.` }];
    });
    return summarize(resources, {
      none: `No backup vault in ${state.regions.join(', ')} holds recovery points, so there is nothing to restore-test yet.`,
      pass: () => `Restore tests ran within ${STALE_RESTORE_TEST_DAYS} days in every region that holds backups.`,
      fail: (bad) => `Backups are not proven restorable: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

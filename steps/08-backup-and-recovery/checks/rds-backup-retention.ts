import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, readIn, summarize } from '../../../src/engine/outcome.js';

/** The shortest automated-backup window worth having: a week of point-in-time restore. */
export const MIN_RDS_BACKUP_DAYS = 7;

export default defineCheck({
  id: 'rds-backup-retention',
  title: 'RDS databases keep at least a week of automated backups',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  needs: { regional: ['rds.instances', 'rds.clusters'] },
  why: 'Automated backups let you restore a database to any second in the window; with a short window (or none) a corruption noticed on Monday cannot be undone from Friday.',
  evaluate(state) {
    const min = MIN_RDS_BACKUP_DAYS;
    const resources = perRegion(state, 'rds.instances', (instances, region) => {
      const judge = (arn: string, label: string, days: number): ResourceResult =>
        days === 0
          ? { id: arn, region, status: 'fail', detail: `${label} in ${region} has automated backups turned off.` }
          : days < min
            ? { id: arn, region, status: 'fail', detail: `${label} in ${region} keeps automated backups only ${plural(days, 'day')}.` }
            : { id: arn, region, status: 'pass', detail: `${label} in ${region} keeps automated backups ${days} days.` };
      return [
        ...instances.filter((i) => !i.clusterId).map((i) => judge(i.arn, `Database ${i.id}`, i.backupRetentionPeriod)),
        ...readIn(state, 'rds.clusters', region).map((c) => judge(c.arn, `Cluster ${c.id}`, c.backupRetentionPeriod)),
      ];
    });
    return summarize(resources, {
      none: `No RDS database exists in ${state.regions.join(', ')}.`,
      pass: (n) => `Every RDS database keeps at least ${min} days of automated backups (${plural(n, 'database')} checked).`,
      fail: (bad) => `${plural(bad.length, 'RDS database')} ${bad.length === 1 ? 'keeps' : 'keep'} less than ${min} days of automated backups: ${listNames(bad.map((r) => r.detail.replace(/^(Database|Cluster) /, '').replace(/\.$/, '')))}.`,
    });
  },
});

/**
 * How often an AWS Backup rule runs, from its schedule expression. Pure; shared by the backup checks.
 * AWS Backup cron has six fields: minutes hours day-of-month month day-of-week year.
 */
import type { BackupRule } from '../state/backup.js';

const ANY = new Set(['*', '?']);

function count(field: string, span: number): number {
  if (ANY.has(field)) return span;
  return field.split(',').reduce((n, part) => {
    const step = /^(?:\*|\d+)\/(\d+)$/.exec(part);
    if (step) return n + Math.ceil(span / Number(step[1]));
    const range = /^(\w+)-(\w+)$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      return n + (Number.isFinite(a) && Number.isFinite(b) ? b - a + 1 : 5); // MON-FRI and the like
    }
    return n + 1;
  }, 0);
}

/** Hours between runs (an average); null when the expression cannot be read. */
export function intervalHours(schedule: string | null): number | null {
  if (!schedule) return 24; // AWS Backup's default: daily at 05:00 UTC
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/i.exec(schedule.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = (rate[2] ?? '').toLowerCase();
    return unit.startsWith('minute') ? n / 60 : unit.startsWith('hour') ? n : n * 24;
  }
  const cron = /^cron\((.*)\)$/i.exec(schedule.trim());
  if (!cron) return null;
  const fields = (cron[1] ?? '').trim().split(/\s+/);
  if (fields.length !== 6) return null;
  const [, hours = '*', dom = '*', month = '*', dow = '*'] = fields;
  const perDay = count(hours, 24);
  const days = !ANY.has(dom) ? (count(dom, 31) * 12) / 365 : !ANY.has(dow) ? count(dow, 7) / 7 : 1; // share of days it runs
  const monthShare = ANY.has(month) ? 1 : count(month, 12) / 12;
  const runsPerDay = perDay * days * monthShare;
  return runsPerDay > 0 ? 24 / runsPerDay : null;
}

/** True when a rule runs at least once a day (continuous backup counts). */
export function isDaily(rule: BackupRule): boolean {
  if (rule.continuous) return true;
  const h = intervalHours(rule.schedule);
  return h !== null && h <= 24.0001;
}

/** "daily", "every 12 hours", "weekly", "about every 3 days". */
export function describeInterval(rule: BackupRule): string {
  if (rule.continuous) return 'continuously';
  const h = intervalHours(rule.schedule);
  if (h === null) return `on an unreadable schedule (${rule.schedule})`;
  if (Math.abs(h - 24) < 0.01) return 'daily';
  if (h < 24) return `every ${Math.round(h * 10) / 10} hours`;
  if (Math.abs(h - 168) < 0.5) return 'weekly';
  return `about every ${Math.round(h / 24)} days`;
}

/** How long a rule keeps what it backs up: the longest of the rule's and its copies' retention; null = until deleted. */
export function keptDays(rule: BackupRule): number | null {
  const all = [rule.deleteAfterDays, ...rule.copies.map((c) => c.deleteAfterDays)];
  if (all.some((d) => d === null)) return null;
  return Math.max(...(all as number[]));
}

/** Words the Markdown and HTML renderings share, so both say the same thing the same way. */
import type { Status } from '../engine/model.js';
import type { Mode } from '../session/source.js';
import type { DueItem, ReportDocument } from './model.js';

export const STATUS_TEXT: Readonly<Record<Status, string>> = {
  fail: 'FAIL',
  unknown: 'UNKNOWN',
  manual: 'MANUAL',
  accepted: 'ACCEPTED',
  pass: 'PASS',
};

/** What each status means, for the legend. */
export const STATUS_MEANING: Readonly<Record<Status, string>> = {
  fail: 'a gap to fix or decide on',
  unknown: 'could not be read (a missing permission or an error)',
  manual: 'needs a person to attest',
  accepted: 'a recorded decision covers it',
  pass: 'in place',
};

export const MODE_LABEL: Readonly<Record<Mode, string>> = {
  live: 'Live scan',
  snapshot: 'Snapshot',
  demo: 'Demo account',
};

export const DUE_KIND_LABEL: Readonly<Record<DueItem['kind'], string>> = {
  'decision-review': 'decision review',
  'attestation-lapse': 'attestation lapses',
  'baa-expiry': 'BAA expires',
};

export function accountLabel(doc: ReportDocument): string {
  const { account } = doc.scan;
  return account.alias ? `${account.id} (${account.alias})` : account.id;
}

/** "in 12 days", "today", "3 days overdue". */
export function dueWhen(item: DueItem): string {
  if (item.overdue) return `${-item.daysLeft} day${item.daysLeft === -1 ? '' : 's'} overdue`;
  if (item.daysLeft === 0) return 'today';
  return `in ${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'}`;
}

/** Where the records came from and whether they verify, in one line. */
export function recordsLine(doc: ReportDocument): string {
  const r = doc.records;
  const where = r.dir ? `${r.dir}${r.includesDemoSamples ? ' over the demo sample records' : ''}` : r.includesDemoSamples ? 'the demo sample records' : 'none';
  const reach = r.entries ? `; ${r.entries} entr${r.entries === 1 ? 'y' : 'ies'}${r.since ? ` since ${r.since.slice(0, 10)}` : ''}` : '';
  if (r.dir && r.entries === 0 && r.verified) return `${where}; no entries yet`;
  return `${where}${reach}; ${r.verified ? 'the hash chain verifies' : 'FAILS VERIFICATION'}${headText(doc)}`;
}

/** The register's head for an auditor to compare with an anchor (`records verify --anchors`); empty when nothing is recorded. */
export function headText(doc: ReportDocument): string {
  const h = doc.records.head;
  if (!h) return '';
  return `; ${doc.records.verified ? 'head' : 'last verified entry'} ${h.id} (seq ${h.seq}), SHA-256 ${h.hash}`;
}

/** Sentences for the warning shown when the records folder fails verification; empty when it verifies. */
export function recordsWarning(doc: ReportDocument): string[] {
  const errors = doc.records.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return [];
  return [
    `The records folder fails verification: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}`,
    `${doc.records.untrusted} entr${doc.records.untrusted === 1 ? 'y' : 'ies'} after the first error ${doc.records.untrusted === 1 ? 'is' : 'are'} not used in this report; run "hipaa-wizard records verify" for the details.`,
  ];
}

/**
 * The findings as CSV for a spreadsheet: one row per check and resource, with every column an
 * auditor filters on. Written by csv-stringify (quoting, embedded commas, quotes and line breaks,
 * formulas neutralised), never by joining strings.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportDocument } from './model.js';
import { findingRows, fixCommand } from './rows.js';

export const CSV_COLUMNS = [
  'Account',
  'Account alias',
  'Region',
  'Step',
  'Step title',
  'Check id',
  'Kind',
  'Title',
  'Status',
  'Severity',
  'HIPAA section',
  'R/A',
  'HIPAA title',
  'HITRUST',
  'Resource',
  'Detail',
  'Missing permission',
  'Decision id',
  'Decision status',
  'Decision reason',
  'Decided by',
  'Review date',
  'Decision lapsed',
  'Fix id',
  'Fix command',
] as const;

/** The findings of one account, or of several (an organization scan), under one header. */
export function renderCsv(docs: ReportDocument | readonly ReportDocument[]): string {
  const all: readonly ReportDocument[] = Array.isArray(docs) ? docs : [docs as ReportDocument];
  const records = all.flatMap(findingRows).map((row) => {
    const f = row.finding;
    const d = f.decision;
    return [
      row.accountId,
      row.accountAlias ?? '',
      row.region ?? (row.resource ? 'global' : ''),
      row.category.number,
      row.category.title,
      f.id,
      f.kind,
      f.title,
      row.status,
      row.severity,
      f.hipaa.section,
      row.obligationFlag,
      f.hipaa.title,
      f.hitrust.join('; '),
      row.resource?.id ?? '',
      row.detail,
      row.resource?.missingPermission ?? f.missingPermissions.join('; '),
      d?.id ?? '',
      d?.status ?? '',
      d?.reason ?? '',
      d?.decidedBy ?? '',
      d?.reviewBy ?? '',
      d ? (d.lapsed ? 'yes' : 'no') : '',
      f.remediation?.id ?? '',
      fixCommand(f) ?? '',
    ];
  });
  // A byte-order mark so Excel reads the file as UTF-8 (names with accents, "§"). escape_formulas
  // prefixes a quote to a cell starting with = + - @ (an IAM user may be called "=HYPERLINK(…)"),
  // so a spreadsheet shows it as text instead of running it.
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...records], { record_delimiter: 'windows', escape_formulas: true })}`;
}

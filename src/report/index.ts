/**
 * Reports an auditor can take: `renderReport(format, input)` builds the one report document and
 * renders it as Markdown, HTML or JSON. Pure: the caller collects, runs the checks and reads the
 * records; the wizard's summary screen and `hipaa-wizard report` both come through here.
 */
import { isoDay } from '../lib/time.js';
import { renderAsff } from './asff.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderOcsf } from './ocsf.js';
import type { FullRecordsView } from '../records/view.js';
import { buildReport, type ReportDocument, type ReportInput, type ReportRecords } from './model.js';

export type ReportFormat = 'md' | 'html' | 'json' | 'ocsf' | 'asff' | 'csv' | 'junit';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'ocsf', 'asff', 'csv', 'junit'];
/** The formats security tools read, one entry per check and resource; \`scan --format\` offers them too. */
export const FINDINGS_FORMATS = ['ocsf', 'asff', 'csv', 'junit'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];
export const isFindingsFormat = (s: string): s is FindingsFormat => (FINDINGS_FORMATS as readonly string[]).includes(s);

export const isReportFormat = (s: string): s is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(s);

export function renderDocument(format: ReportFormat, doc: ReportDocument): string {
  if (format === 'html') return renderHtml(doc);
  if (format === 'json') return renderJson(doc);
  if (isFindingsFormat(format)) return renderFindings(format, [doc]);
  return renderMarkdown(doc);
}

/** The findings of one or more accounts' reports (an organization scan) in one of the formats security tools read. */
export function renderFindings(format: FindingsFormat, docs: readonly ReportDocument[]): string {
  if (format === 'ocsf') return renderOcsf(docs);
  if (format === 'asff') return `${JSON.stringify(docs.flatMap((d) => renderAsff(d)), null, 2)}\n`;
  if (format === 'csv') return renderCsv(docs);
  return renderJunit(docs);
}

export function renderReport(format: ReportFormat, input: ReportInput): string {
  return renderDocument(format, buildReport(input));
}

/** The records part of a report's input, from a loaded records view (the wizard and the command share it). */
export function recordsForReport(view: FullRecordsView, dir?: string, includesDemoSamples = false): ReportRecords {
  const entries = view.entries();
  const last = entries.at(-1);
  return {
    decisions: view.decisions(),
    attestations: view.attestations(),
    vendors: view.vendors(),
    journal: view.journal(),
    dir,
    includesDemoSamples,
    // entries() holds the entries before the first verification error; the untrusted ones were read too.
    integrity: {
      entries: entries.length + view.untrusted(),
      since: entries[0]?.at ?? null,
      problems: view.problems(),
      untrusted: view.untrusted(),
      head: last ? { seq: last.seq, id: last.id, hash: last.hash } : null,
    },
  };
}

const FILE_EXTENSION: Readonly<Record<ReportFormat, string>> = { md: 'md', html: 'html', json: 'json', ocsf: 'ocsf.json', asff: 'asff.json', csv: 'csv', junit: 'xml' };

/** A file name that sorts by date: "hipaa-report-210987654321-2026-11-24.html". */
export function reportFileName(format: ReportFormat, accountId: string, now: Date): string {
  return `hipaa-report-${accountId}-${isoDay(now)}.${FILE_EXTENSION[format]}`;
}

export { buildReport, REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from './model.js';
export type { ReportDocument, ReportInput, ReportRecords } from './model.js';

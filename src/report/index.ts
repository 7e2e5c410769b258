/**
 * Reports an auditor can take: `renderReport(format, input)` builds the one report document and
 * renders it as Markdown, HTML or JSON. Pure: the caller collects, runs the checks and reads the
 * records; the wizard's summary screen and `hipaa-wizard report` both come through here.
 */
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { FullRecordsView } from '../records/view.js';
import { buildReport, type ReportDocument, type ReportInput, type ReportRecords } from './model.js';

export type ReportFormat = 'md' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json'];

export const isReportFormat = (s: string): s is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(s);

export function renderDocument(format: ReportFormat, doc: ReportDocument): string {
  if (format === 'html') return renderHtml(doc);
  if (format === 'json') return renderJson(doc);
  return renderMarkdown(doc);
}

export function renderReport(format: ReportFormat, input: ReportInput): string {
  return renderDocument(format, buildReport(input));
}

/** The records part of a report's input, from a loaded records view (the wizard and the command share it). */
export function recordsForReport(view: FullRecordsView, dir?: string, includesDemoSamples = false): ReportRecords {
  const entries = view.entries();
  return {
    decisions: view.decisions(),
    attestations: view.attestations(),
    vendors: view.vendors(),
    journal: view.journal(),
    dir,
    includesDemoSamples,
    // entries() holds the entries before the first verification error; the untrusted ones were read too.
    integrity: { entries: entries.length + view.untrusted(), since: entries[0]?.at ?? null, problems: view.problems(), untrusted: view.untrusted() },
  };
}

/** A file name that sorts by date: "hipaa-report-210987654321-2026-11-24.html". */
export function reportFileName(format: ReportFormat, accountId: string, now: Date): string {
  return `hipaa-report-${accountId}-${now.toISOString().slice(0, 10)}.${format}`;
}

export { buildReport, REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from './model.js';
export type { ReportDocument, ReportInput, ReportRecords } from './model.js';

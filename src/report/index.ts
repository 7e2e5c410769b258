/**
 * Reports an auditor can take: `renderReport(format, input)` builds the one report document and
 * renders it as Markdown, HTML or JSON. Pure: the caller collects, runs the checks and reads the
 * records; the wizard's summary screen and `hipaa-wizard report` both come through here.
 */
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { buildReport, type ReportDocument, type ReportInput } from './model.js';

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

/** A file name that sorts by date: "hipaa-report-210987654321-2026-11-24.html". */
export function reportFileName(format: ReportFormat, accountId: string, now: Date): string {
  return `hipaa-report-${accountId}-${now.toISOString().slice(0, 10)}.${format}`;
}

export { buildReport, REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from './model.js';
export type { ReportDocument, ReportInput, ReportRecords } from './model.js';

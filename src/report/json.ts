/**
 * The report as JSON: the report document as is, with a pointer to its schema. Programs (a GRC
 * tool, a diff between two months) read this; schema/report.schema.json describes every field and
 * docs/report-schema.md explains how the version changes.
 */
import { REPORT_SCHEMA_ID, type ReportDocument } from './model.js';

export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify({ $schema: REPORT_SCHEMA_ID, ...doc }, null, 2)}\n`;
}

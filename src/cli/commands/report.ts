/**
 * `hipaa-wizard report --format md|html|json|ocsf|asff|csv|junit [-o FILE]`: the evidence an auditor takes away. It
 * scans like `scan` (live, snapshot or demo), reads the records folder, and renders one report
 * document. The report goes to stdout, or atomically to FILE; the format follows FILE's extension
 * when --format is not given. It exits 0 once written: failing findings are the report's content.
 */
import type { Command } from 'commander';
import { catalogWithRisks } from '../../engine/plan.js';
import { loadRegistry } from '../../engine/registry.js';
import { needsOf, runAll } from '../../engine/runner.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { loadRecordsView, recordsWarnings } from '../../records/view.js';
import { writeReportFile } from '../../report/file.js';
import { isReportFormat, type ReportFormat, recordsForReport, renderReport } from '../../report/index.js';
import { openSource } from '../../session/source.js';
import { type CommonOptions, evalContext, selectSteps, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { progressReporter } from '../progress.js';

interface ReportOptions extends CommonOptions {
  format?: string;
  output?: string;
  dueWithin: string;
}

const EXTENSIONS: Readonly<Record<string, ReportFormat>> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', json: 'json', csv: 'csv', xml: 'junit' };

const FORMAT_NAME: Readonly<Record<ReportFormat, string>> = {
  md: 'Markdown',
  html: 'HTML',
  json: 'JSON',
  ocsf: 'OCSF',
  asff: 'Security Hub (ASFF)',
  csv: 'CSV',
  junit: 'JUnit XML',
};

/** The format: --format, else the output file's extension, else Markdown. */
export function reportFormat(format: string | undefined, output: string | undefined): ReportFormat {
  if (format !== undefined) {
    if (!isReportFormat(format)) throw new UsageError(`--format must be md, html, json, ocsf, asff, csv or junit, not "${format}".`);
    return format;
  }
  const ext = output?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || 'md';
}

export function registerReport(program: Command): void {
  withCommonOptions(
    program
      .command('report')
      .description('write a report for an auditor: per-category status, findings, decisions, attestations, journal (Markdown, HTML or JSON)')
      .option('--format <format>', 'md, html, json, or one entry per check and resource: ocsf, asff, csv, junit (default: from the -o file name, else md)')
      .option('-o, --output <file>', 'write the report to this file instead of stdout')
      .option('--due-within <days>', 'list reviews, lapsing attestations and BAA expiries due within this many days', '60'),
  ).action(async (o: ReportOptions) => {
    const format = reportFormat(o.format, o.output);
    const dueWithinDays = Number(o.dueWithin);
    if (!Number.isInteger(dueWithinDays) || dueWithinDays < 0) throw new UsageError(`--due-within must be a whole number of days, not "${o.dueWithin}".`);
    const now = evalContext(o).now;
    const base = o.demo ? await loadDemoRecords(now) : undefined;
    const records = await loadRecordsView(o.records, base);
    for (const w of recordsWarnings(records)) process.stderr.write(`warning: ${w}\n`);
    const ctx = evalContext(o, records);
    const registry = await loadRegistry();
    const steps = selectSteps(registry, o);
    const source = await openSource(sourceOptions(o));
    try {
      for (const w of source.warnings) process.stderr.write(`warning: ${w}\n`);
      const progress = progressReporter(process.stderr);
      const state = await source.collect(needsOf(steps.flatMap((s) => registry.checksOf(s.id))), progress.event);
      progress.end();
      const findings = runAll(registry, state, ctx, steps);
      const text = renderReport(format, {
        mode: source.mode,
        state,
        steps,
        findings,
        records: recordsForReport(records, o.records, base !== undefined),
        catalog: catalogWithRisks(registry, state, ctx),
        settings: ctx.settings,
        now: ctx.now,
        dueWithinDays,
        snapshotFile: o.snapshot,
      });
      if (!o.output) {
        process.stdout.write(text);
        return;
      }
      await writeReportFile(o.output, text);
      const failing = findings.filter((f) => f.status === 'fail').length;
      process.stderr.write(
        `Wrote the ${FORMAT_NAME[format]} report on account ${state.identity.accountId} (${findings.length} findings, ${failing} failing, in ${steps.length} categories) to ${o.output}.\n`,
      );
    } finally {
      source.close();
    }
  });
}

/** `hipaa-wizard scan`: every check, non-interactive; the summary on stdout, progress on stderr. */
import type { Command } from 'commander';
import { loadRegistry } from '../../engine/registry.js';
import { needsOf, runAll } from '../../engine/runner.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { loadRecordsView, recordsWarnings } from '../../records/view.js';
import { openSource } from '../../session/source.js';
import { type CommonOptions, evalContext, selectSteps, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { scanJson, scanText } from '../scan-output.js';
import { colorEnabled, painter } from '../style.js';
import { progressReporter } from '../progress.js';

export function registerScan(program: Command): void {
  withCommonOptions(
    program
      .command('scan')
      .description('check the account against every category and print the findings (exit 1 when something fails)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (o: CommonOptions & { format: string }) => {
    if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
    const clock = evalContext(o);
    const records = await loadRecordsView(o.records, o.demo ? await loadDemoRecords(clock.now) : undefined);
    for (const w of recordsWarnings(records)) process.stderr.write(`warning: ${w}\n`);
    const ctx = { ...clock, records };
    const registry = await loadRegistry();
    const steps = selectSteps(registry, o);
    const source = await openSource(sourceOptions(o));
    try {
      for (const w of source.warnings) process.stderr.write(`warning: ${w}\n`);
      const checks = steps.flatMap((s) => registry.checksOf(s.id));
      const progress = progressReporter(process.stderr);
      const state = await source.collect(needsOf(checks), progress.event);
      progress.end();
      const findings = runAll(registry, state, ctx, steps);
      const result = { mode: source.mode, state, steps, findings, generatedAt: ctx.now.toISOString() };
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(scanJson(result), null, 2)}\n` : scanText(result, painter(colorEnabled()), process.stdout.columns || 100));
      process.exitCode = findings.some((f) => f.status === 'fail') ? 1 : 0;
    } finally {
      source.close();
    }
  });
}

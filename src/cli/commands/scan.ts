/** `hipaa-wizard scan`: every check, non-interactive; the summary on stdout, progress on stderr. */
import type { Command } from 'commander';
import { loadRegistry } from '../../engine/registry.js';
import { needsOf, runAll } from '../../engine/runner.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { loadRecordsView, recordsWarnings } from '../../records/view.js';
import { openSource } from '../../session/source.js';
import { type CommonOptions, evalContext, selectSteps, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { scanJson, scanText } from '../../report/scan-output.js';
import { colorEnabled, painter } from '../../report/style.js';
import { progressReporter } from '../progress.js';
import { partialScanProblem } from '../../aws/errors.js';
// The organization walk loads STS, Organizations and EC2 clients: imported only when --org is given.
import type { AccountScanValue, OrgFlags } from '../../session/org.js';
import type { EvalContext, StepDef } from '../../engine/model.js';
import type { Registry } from '../../engine/registry.js';
import { countStatuses } from '../../engine/runner.js';
import { VERSION } from '../../version.js';

export function registerScan(program: Command): void {
  withCommonOptions(
    program
      .command('scan')
      .description('check the account against every category and print the findings (exit 1 when something fails)')
      .option('--format <format>', 'text or json', 'text')
      .option('--org', 'scan every ACTIVE account of the AWS Organization, assuming --role-name in each')
      .option('--accounts <ids>', 'with --org: only these comma-separated account ids')
      .option('--role-name <name>', 'with --org: the read-only role to assume in each account (default HipaaWizardReadOnly)')
      .option('--external-id <id>', "with --org: the external id the role's trust policy requires")
      .option('--concurrency <n>', 'with --org: accounts scanned at once (default 4)'),
  ).action(async (o: CommonOptions & OrgFlags & { format: string }) => {
    if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
    const clock = evalContext(o);
    const records = await loadRecordsView(o.records, o.demo ? await loadDemoRecords(clock.now) : undefined);
    for (const w of recordsWarnings(records)) process.stderr.write(`warning: ${w}\n`);
    const ctx = { ...clock, records };
    const registry = await loadRegistry();
    const steps = selectSteps(registry, o);
    if (o.org || o.accounts) {
      process.exitCode = await scanOrg(o, { registry, steps, ctx });
      return;
    }
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
      // Credentials that expired mid-scan: the findings above are partial; say so and exit 2.
      const partial = partialScanProblem(source.clients?.expiredError, state);
      if (partial) {
        process.stderr.write(`hipaa-wizard: ${partial} Refresh the credentials and scan again.\n`);
        process.exitCode = 2;
      }
    } finally {
      source.close();
    }
  });
}

/** scan --org: every member account through its assumed role; one combined output. */
async function scanOrg(o: CommonOptions & OrgFlags & { format: string }, run: { registry: Registry; steps: readonly StepDef[]; ctx: EvalContext }): Promise<number> {
  const { orgExitCode, orgJson, orgOptions, orgText, walkOrganization } = await import('../../session/org.js');
  const org = orgOptions(o);
  const { openLiveSource } = await import('../../session/live.js');
  const paint = painter(colorEnabled());
  const needs = needsOf(run.steps.flatMap((s) => run.registry.checksOf(s.id)));
  const result = await walkOrganization<AccountScanValue>(
    sourceOptions(o),
    org,
    openLiveSource,
    async (source) => {
      const state = await source.collect(needs);
      const findings = runAll(run.registry, state, run.ctx, run.steps);
      const scan = { mode: source.mode, state, steps: run.steps, findings, generatedAt: run.ctx.now.toISOString() };
      return {
        counts: countStatuses(findings),
        ...(o.format === 'json' ? { json: scanJson(scan) } : { text: scanText(scan, paint, process.stdout.columns || 100) }),
        partial: partialScanProblem(source.clients?.expiredError, state),
      };
    },
    (account, phase, problem) => {
      const who = `${account.id}${account.name ? ` (${account.name})` : ''}`;
      process.stderr.write(phase === 'start' ? `Scanning account ${who}…\n` : problem ? `Account ${who} not scanned: ${problem}\n` : `Account ${who} scanned.\n`);
    },
  );
  process.stdout.write(o.format === 'json' ? `${JSON.stringify(orgJson(result, run.ctx.now.toISOString(), VERSION), null, 2)}\n` : orgText(result, (s) => paint('bold', s)));
  return orgExitCode(result);
}

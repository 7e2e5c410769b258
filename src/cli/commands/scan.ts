/** `hipaa-wizard scan`: every check, non-interactive; the summary on stdout, progress on stderr. */
import type { Command } from 'commander';
import { loadRegistry } from '../../engine/registry.js';
import { needsOf, runAll } from '../../engine/runner.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { loadRecordsView, recordsWarnings } from '../../records/view.js';
import { openSource } from '../../session/source.js';
import { type CommonOptions, evalContext, selectSteps, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { type ScanResult, scanJson, scanText } from '../../report/scan-output.js';
import { colorEnabled, painter } from '../../report/style.js';
import { progressReporter } from '../progress.js';
// The organization walk loads STS, Organizations and EC2 clients: imported only when --org is given.
import type { AccountScanValue, OrgFlags } from '../../session/org.js';
import type { EvalContext, StepDef } from '../../engine/model.js';
import type { Registry } from '../../engine/registry.js';
import { countStatuses } from '../../engine/runner.js';
import { VERSION } from '../../version.js';
import { buildReport, isFindingsFormat, type ReportDocument, recordsForReport, renderFindings } from '../../report/index.js';
import type { LiveSource } from '../../session/source.js';
import type { FullRecordsView } from '../../records/view.js';
import { renderAsff } from '../../report/asff.js';

export function registerScan(program: Command): void {
  withCommonOptions(
    program
      .command('scan')
      .description('check the account against every category and print the findings (exit 1 when something fails)')
      .option('--format <format>', 'text, json, or one entry per check and resource: ocsf, asff, csv, junit', 'text')
      .option('--send-to-security-hub', 'import the findings into AWS Security Hub (needs securityhub:BatchImportFindings and BatchUpdateFindings; see permissions --send-to-security-hub)')
      .option('--org', 'scan every ACTIVE account of the AWS Organization, assuming --role-name in each')
      .option('--accounts <ids>', 'with --org: only these comma-separated account ids')
      .option('--role-name <name>', 'with --org: the read-only role to assume in each account (default HipaaWizardReadOnly)')
      .option('--external-id <id>', "with --org: the external id the role's trust policy requires")
      .option('--concurrency <n>', 'with --org: accounts scanned at once (default 4)'),
  ).action(async (o: CommonOptions & OrgFlags & { format: string; sendToSecurityHub?: boolean }) => {
    if (o.format !== 'text' && o.format !== 'json' && !isFindingsFormat(o.format))
      throw new UsageError(`--format must be text, json, ocsf, asff, csv or junit, not "${o.format}".`);
    if (o.sendToSecurityHub && (o.demo || o.snapshot))
      throw new UsageError(`--send-to-security-hub sends findings to the live account's Security Hub; it cannot be used with --${o.demo ? 'demo' : 'snapshot'}.`);
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
    const opening = o.demo || o.snapshot ? undefined : waitingTicker(process.stderr);
    opening?.waitingFor('sts:GetCallerIdentity (who you are)');
    const source = await openSource({ ...sourceOptions(o), onOpeningCall: (call) => opening?.waitingFor(call) }).finally(() => opening?.stop());
    try {
      for (const w of source.warnings) process.stderr.write(`warning: ${w}\n`);
      const checks = steps.flatMap((s) => registry.checksOf(s.id));
      const progress = progressReporter(process.stderr);
      const waiting = source.mode === 'live' ? waitingTicker(process.stderr) : undefined;
      const inFlight: string[] = [];
      const state = await source
        .collect(needsOf(checks), (e) => {
          const name = e.region ? `${e.key} in ${e.region}` : e.key;
          if (e.type === 'start') inFlight.push(name);
          else inFlight.splice(inFlight.indexOf(name) >>> 0, 1);
          waiting?.waitingFor(inFlight[0] ? `the ${inFlight[0]} read` : undefined, inFlight.length - 1);
          progress.event(e);
        })
        .finally(() => waiting?.stop());
      progress.end();
      const findings = runAll(registry, state, ctx, steps);
      const result = { mode: source.mode, state, steps, findings, generatedAt: ctx.now.toISOString() };
      // The formats security tools read are renderings of the report document (decisions included).
      const doc = isFindingsFormat(o.format) || o.sendToSecurityHub ? findingsDocument(o, { ...result, records, registry, ctx }) : undefined;
      process.stdout.write(
        doc && isFindingsFormat(o.format)
          ? renderFindings(o.format, [doc])
          : o.format === 'json'
            ? `${JSON.stringify(scanJson(result), null, 2)}\n`
            : scanText(result, painter(colorEnabled()), process.stdout.columns || 100),
      );
      process.exitCode = findings.some((f) => f.status === 'fail') ? 1 : 0;
      if (doc && o.sendToSecurityHub && source.mode === 'live' && !(await sendFindings(source, doc))) process.exitCode = 2;
      // Credentials that expired mid-scan: the findings above are partial; say so and exit 2.
      const partial = source.partialProblem(state);
      if (partial) {
        process.stderr.write(`hipaa-wizard: ${partial} Refresh the credentials and scan again.\n`);
        process.exitCode = 2;
      }
    } finally {
      source.close();
    }
  });
}

interface DocumentInput extends ScanResult {
  readonly records: FullRecordsView;
  readonly registry: Registry;
  readonly ctx: EvalContext;
}

/** The report document the findings formats and the Security Hub import are rendered from. */
function findingsDocument(o: CommonOptions, x: DocumentInput): ReportDocument {
  return buildReport({
    mode: x.mode,
    state: x.state,
    steps: x.steps,
    findings: x.findings,
    records: recordsForReport(x.records, o.records, o.demo === true),
    catalog: x.registry,
    settings: x.ctx.settings,
    now: x.ctx.now,
    dueWithinDays: 60,
    snapshotFile: o.snapshot,
  });
}

/** Imports one account's findings into its Security Hub; false when some were not imported. Sentences go to stderr. */
async function sendFindings(source: LiveSource, doc: ReportDocument, label = ''): Promise<boolean> {
  const { sendToSecurityHub } = await import('../../session/securityhub.js');
  const sent = await sendToSecurityHub(source, renderAsff(doc));
  for (const p of sent.problems) process.stderr.write(`hipaa-wizard: ${label}${p}\n`);
  process.stderr.write(`${label}${sent.summary}\n`);
  return sent.ok;
}

/** scan --org: every member account through its assumed role; one combined output. */
async function scanOrg(
  o: CommonOptions & OrgFlags & { format: string; sendToSecurityHub?: boolean },
  run: { registry: Registry; steps: readonly StepDef[]; ctx: EvalContext & { records: FullRecordsView } },
): Promise<number> {
  const { orgExitCode, orgJson, orgOptions, orgSummary, streamOrgText, walkOrganization } = await import('../../session/org.js');
  const org = orgOptions(o);
  const { openLiveSource } = await import('../../session/live.js');
  const paint = painter(colorEnabled());
  const bold = (s: string) => paint('bold', s);
  const text = o.format !== 'json' && !isFindingsFormat(o.format);
  const needs = needsOf(run.steps.flatMap((s) => run.registry.checksOf(s.id)));
  // Each account's report document, for the findings formats and the import into its own Security Hub.
  const docs = new Map<string, ReportDocument>();
  let notSent = false;
  const result = await walkOrganization<AccountScanValue>(
    sourceOptions(o),
    org,
    openLiveSource,
    async (source, account) => {
      const state = await source.collect(needs);
      const findings = runAll(run.registry, state, run.ctx, run.steps);
      const scan = { mode: source.mode, state, steps: run.steps, findings, generatedAt: run.ctx.now.toISOString() };
      if (isFindingsFormat(o.format) || o.sendToSecurityHub) {
        const doc = findingsDocument(o, { ...scan, records: run.ctx.records, registry: run.registry, ctx: run.ctx });
        docs.set(account.id, doc);
        // BatchImportFindings must come from the account the findings are about: its assumed role.
        if (o.sendToSecurityHub && source.mode === 'live' && !(await sendFindings(source, doc, `account ${account.id}: `))) notSent = true;
      }
      return {
        counts: countStatuses(findings),
        ...(o.format === 'json' ? { json: scanJson(scan) } : { text: scanText(scan, paint, process.stdout.columns || 100) }),
        partial: source.partialProblem(state),
      };
    },
    (account, phase, problem) => {
      const who = `${account.id}${account.name ? ` (${account.name})` : ''}`;
      process.stderr.write(phase === 'start' ? `Scanning account ${who}…\n` : problem ? `Account ${who} not scanned: ${problem}\n` : `Account ${who} scanned.\n`);
    },
    // The text is written as the accounts finish, in the list's order; JSON and the findings
    // formats are one document each, written at the end.
    text ? streamOrgText((s) => process.stdout.write(s), bold) : undefined,
  );
  if (isFindingsFormat(o.format)) {
    // Every scanned account's findings in one document, in the order the accounts were listed.
    const ordered = result.outcomes.flatMap((x) => (x.status === 'scanned' ? [docs.get(x.account.id)] : [])).filter((d): d is ReportDocument => d !== undefined);
    process.stdout.write(renderFindings(o.format, ordered));
  } else
    process.stdout.write(o.format === 'json' ? `${JSON.stringify(orgJson(result, run.ctx.now.toISOString(), VERSION), null, 2)}\n` : orgSummary(result, bold));
  const code = orgExitCode(result);
  return notSent ? 2 : code;
}

/**
 * A call that takes long (a hung endpoint, a slow network) is said on stderr in our words: the
 * seconds waited and what is waited on, once a second after the first two seconds of silence.
 * On a terminal the line is redrawn in place; on a pipe each second is a line.
 */
export function waitingTicker(stream: NodeJS.WriteStream, quietMs = 2_000): { waitingFor(what: string | undefined, others?: number): void; stop(): void } {
  let what: string | undefined;
  let more = 0;
  let since = Date.now();
  let shown = false;
  const tty = Boolean(stream.isTTY);
  const timer = setInterval(() => {
    if (!what) return;
    const waited = Date.now() - since;
    if (waited < quietMs) return;
    const line = `Still waiting after ${Math.floor(waited / 1000)} s for AWS to answer ${what}${more > 0 ? ` (and ${more} other read${more === 1 ? '' : 's'})` : ''}.`;
    stream.write(tty ? `\r\u001b[2K${line}` : `${line}\n`);
    shown = true;
  }, 1_000);
  timer.unref();
  return {
    waitingFor(next, others = 0) {
      if (next !== what) since = Date.now();
      what = next;
      more = others;
    },
    stop() {
      clearInterval(timer);
      if (tty && shown) stream.write('\r\u001b[2K');
    },
  };
}

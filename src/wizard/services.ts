/**
 * The walk's work, without any view: open the account, run a step's checks one by one as their
 * data arrives, plan and apply a fix, save decisions and attestations, remember where the person
 * was. The Ink wizard and the plain prompts both drive it, so they walk the same way.
 * Nothing here imports Ink, Inquirer or the AWS SDK; the SDK loads inside the source when a step
 * first needs a client.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../lib/files.js';
import { shellQuote as q } from '../lib/shell.js';
import { renderPlanText } from '../report/plan-output.js';
import { painter } from '../report/style.js';
import type { AttestationDef, EvalContext, Finding, Plan, Settings } from '../engine/model.js';
import { makePlan, needsOfFix, PlanError } from '../engine/plan.js';
import type { Registry } from '../engine/registry.js';
import { proposedRuleCount } from '../records/proposed-rule.js';
import type { FullRecordsView } from '../records/view.js';
import { writeReportFile } from '../report/file.js';
import { recordsForReport, renderReport, reportFileName } from '../report/index.js';
import { needsOf, runAll, runAttestation, runCheck } from '../engine/runner.js';
import type { AccountState, CollectError } from '../engine/state.js';
import { recordsFolderProblem } from '../session/records-check.js';
import { type Source, type SourceOptions, StartupError, openSource } from '../session/source.js';
import { confirmationRule } from '../engine/risk.js';
import { type FormState, attestationFields, attestationForm, attestationProblem, decisionForm, decisionProblem } from '../ui/forms.js';
import { PositionSchema } from '../schemas/position.js';
import { conforms, parseJson } from '../schemas/schema.js';
import type { ActionProgress, ApplyResult, Confirmation, PlanPreview, Position, Recorded, ReportWritten, SessionInfo, StepOutline, SummaryFacts } from './state.js';

export interface WalkServices {
  readonly registry: Registry;
  readonly recordsDir: string;
  /** What is being opened, for the first frame: the demo and a snapshot make no AWS call. */
  readonly opening: 'demo' | 'snapshot' | 'live';
  /** The flags that name this account to the other commands (--demo, --snapshot FILE, --profile …). */
  readonly sourceArgs: readonly string[];
  now(): Date;
  /** `onCall` hears each AWS call opening a live account waits on (the connecting screen names it). */
  open(reconnect: boolean, onCall?: (call: string) => void): Promise<{ session: SessionInfo; position?: Position }>;
  runStep(stepId: string, events?: StepEvents): Promise<{ findings: Finding[]; trouble?: string }>;
  preview(remediationId: string): Promise<PlanPreview>;
  apply(plan: Plan, onProgress?: (index: number, status: ActionProgress['status'], message?: string) => void): Promise<ApplyResult>;
  openForm(finding: Finding, kind: 'decision' | 'attestation'): Promise<FormState>;
  /** Saves a form to the records folder; throws FormProblem with one sentence when it cannot. */
  saveForm(form: FormState, finding: Finding): Promise<{ recorded: Recorded; where: string }>;
  savePosition(position: Position): Promise<void>;
  /** Facts for the summary from the records folder. */
  summaryFacts(): Promise<SummaryFacts>;
  /**
   * Writes the HTML report into the report folder. Demo and snapshot: every step, evaluated on the
   * whole state. Live: only `checked` (the steps checked this session), from what was already read.
   * Throws FormProblem with one sentence when it cannot.
   */
  writeReport(checked: readonly string[]): Promise<ReportWritten>;
  /** Every step's checks at once, as the scan command reports them (the plain mode's fallback). */
  scanAll(): Promise<{ state: AccountState; findings: Finding[]; mode: Source['mode']; generatedAt: string }>;
  close(): void;
}

export interface StepEvents {
  started?(id: string): void;
  done?(finding: Finding): void;
}

/** A form that cannot be saved as filled in; the message is for the person. */
export class FormProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormProblem';
  }
}

/** Records access, from the records folder module (src/records). */
export interface RecordsPort {
  load(dir: string, mode: Source['mode'], now: Date): Promise<FullRecordsView>;
  decide(dir: string, input: DecisionInput): Promise<void>;
  attest(dir: string, input: AttestationInput): Promise<void>;
}

export interface DecisionInput {
  readonly subject: string;
  readonly status: string;
  readonly reason: string;
  readonly alternative?: string;
  readonly decidedBy: string;
  readonly reviewBy: string;
  /** The account the decision was made on: it accepts findings there only, never on another account. */
  readonly accounts?: readonly string[];
}

export interface AttestationInput {
  readonly attestation: string;
  readonly answer: 'yes' | 'no' | 'partial';
  readonly fields: Record<string, string>;
  readonly attestedBy: string;
}

/** Plan execution, from the apply module (src/engine/apply.ts). */
export type ApplyPort = (
  plan: Plan,
  env: { source: Source; registry: Registry; ctx: EvalContext; recordsDir: string; onProgress: (index: number, status: ActionProgress['status'], message?: string) => void },
) => Promise<ApplyResult>;

export interface WalkOptions {
  readonly registry: Registry;
  readonly source: SourceOptions;
  readonly recordsDir: string;
  readonly settings: Settings;
  readonly now?: () => Date;
  readonly records: RecordsPort;
  readonly apply: ApplyPort;
  /** Who records decisions and attestations, offered as the default owner in forms. */
  readonly owner?: string;
  /** Tests hand in a prepared source (mocked clients); the default opens one from `source`. */
  readonly openSource?: (options: SourceOptions) => Promise<Source>;
  /** Where the summary writes the HTML report: the folder the wizard was started in unless given. */
  readonly reportDir?: string;
}

export const POSITION_FILE = 'wizard-position.json';

/** The outline of every step, for the view: ids and titles of its checks and attestations. */
export function outline(registry: Registry): StepOutline[] {
  return registry.steps.map((s) => ({
    id: s.id,
    number: s.number,
    title: s.title,
    shortTitle: s.shortTitle,
    intro: s.intro,
    hipaa: s.hipaa,
    hitrust: s.hitrust,
    items: [
      ...registry.checksOf(s.id).map((c) => ({ id: c.id, title: c.title, kind: 'check' as const, remediation: registry.remediationFor(c.id)?.id })),
      ...registry.attestationsOf(s.id).map((a) => ({ id: a.id, title: a.title, kind: 'attestation' as const })),
    ],
  }));
}

/** Why a state's slices for these needs may be stale: the network or the credentials failed. */
export function troubleIn(state: AccountState, needs: { global: readonly string[]; regional: readonly string[] }): string | undefined {
  const errors: CollectError[] = [];
  const g = state.global as Record<string, { ok: boolean; error?: CollectError } | undefined>;
  for (const k of needs.global) {
    const r = g[k];
    if (r && !r.ok && r.error) errors.push(r.error);
  }
  for (const region of state.regions) {
    const slices = (state.regional[region] ?? {}) as Record<string, { ok: boolean; error?: CollectError } | undefined>;
    for (const k of needs.regional) {
      const r = slices[k];
      if (r && !r.ok && r.error) errors.push(r.error);
    }
  }
  const lost = errors.find((e) => e.kind === 'credentials') ?? errors.find((e) => e.kind === 'network');
  if (!lost) return undefined;
  return lost.kind === 'credentials'
    ? `The AWS credentials stopped working (${lost.message.replace(/\.$/, '')}), so some results are unknown.`
    : `AWS could not be reached (${lost.message.replace(/\.$/, '')}), so some results are unknown.`;
}

/** The confirmation a fix's risk calls for: the one rule in src/engine/risk.ts. */
export function confirmationFor(plan: Plan): Confirmation {
  return confirmationRule(plan);
}

export function createWalk(options: WalkOptions): WalkServices {
  const { registry, recordsDir } = options;
  const now = options.now ?? (() => new Date());
  const open = options.openSource ?? openSource;
  let source: Source | undefined;
  let session: SessionInfo | undefined;
  // Quitting while the account is being opened stops its calls at once, rather than after their timeouts.
  const stop = new AbortController();
  let saving: Promise<void> = Promise.resolve();

  const need = (): Source => {
    if (!source) throw new StartupError('The account is not open yet.');
    return source;
  };
  const reportDir = resolve(options.reportDir ?? '.');
  const loadRecords = (at: Date) => options.records.load(recordsDir, need().mode, at);
  const context = async (): Promise<EvalContext> => {
    const at = now();
    return { now: at, settings: options.settings, records: await loadRecords(at) };
  };
  /** What is wrong with the records folder, said when the walk starts rather than when a form is saved. */
  const recordsProblems = async (mode: Source['mode']): Promise<string[]> => {
    const unwritable = await recordsFolderProblem(recordsDir);
    if (unwritable) return [unwritable];
    try {
      const view = await options.records.load(recordsDir, mode, now());
      const errors = view.problems().filter((p) => p.severity === 'error');
      if (errors.length === 0) return [];
      return [
        `The records folder ${resolve(recordsDir)} fails verification: ${errors[0]?.message} ${view.untrusted()} entr${view.untrusted() === 1 ? 'y' : 'ies'} from there on ${view.untrusted() === 1 ? 'is' : 'are'} not used; run "hipaa-wizard records verify --records ${recordsDir}" for the details.`,
      ];
    } catch (e) {
      return [`The records folder ${resolve(recordsDir)} cannot be read: ${e instanceof Error ? e.message : String(e)}`];
    }
  };
  const stepOf = (stepId: string) => {
    const step = registry.steps.find((s) => s.id === stepId);
    if (!step) throw new StartupError(`There is no step ${stepId}.`);
    return step;
  };

  return {
    registry,
    recordsDir,
    opening: options.source.demo ? 'demo' : options.source.snapshot ? 'snapshot' : 'live',
    sourceArgs: sourceArgs(options.source),
    now,
    async open(reconnect, onCall) {
      if (reconnect && source) {
        source.close();
        source = undefined;
      }
      if (!source) source = await open({ ...options.source, signal: stop.signal, onOpeningCall: onCall });
      const folder = reconnect ? [] : await recordsProblems(source.mode);
      const reportFile = join(reportDir, reportFileName('html', source.identity.accountId, now()));
      session = {
        mode: source.mode,
        accountId: source.identity.accountId,
        alias: source.identity.alias,
        caller: source.identity.arn,
        regions: source.regions,
        warnings: [...folder, ...source.warnings],
        recordsDir: resolve(recordsDir),
        report: { file: reportFile, command: reportCommand(options.source, recordsDir, reportFile) },
      };
      return { session, position: reconnect ? undefined : await readPosition(recordsDir, registry) };
    },

    async runStep(stepId, events = {}) {
      const step = stepOf(stepId);
      const src = need();
      const ctx = await context();
      const checks = registry.checksOf(step.id);
      const findings = await Promise.all(
        checks.map(async (check) => {
          events.started?.(check.id);
          const state = await src.collect(needsOf([check]));
          const finding = runCheck(check, step, state, ctx, registry.remediationFor(check.id)?.id);
          events.done?.(finding);
          return finding;
        }),
      );
      for (const a of registry.attestationsOf(step.id)) {
        const finding = runAttestation(a, step, ctx);
        events.done?.(finding);
        findings.push(finding);
      }
      const state = await src.collect({});
      return { findings, trouble: troubleIn(state, needsOf(checks)) };
    },

    async preview(remediationId) {
      const def = registry.remediation(remediationId);
      if (!def) throw new PlanError(`There is no fix called "${remediationId}".`);
      const state = await need().collect(needsOfFix(registry, def));
      const plan = makePlan(registry, remediationId, state, await context());
      const text = renderPlanText(plan, painter(false));
      return { plan, lines: text.replace(/\n$/, '').split('\n'), confirm: confirmationFor(plan) };
    },

    async apply(plan, onProgress = () => {}) {
      const src = need();
      if (src.mode !== 'live') throw new PlanError(`This is the ${src.mode === 'demo' ? 'demo account' : 'snapshot'}: nothing can be changed.`);
      return options.apply(plan, { source: src, registry, ctx: await context(), recordsDir, onProgress });
    },

    async openForm(finding, kind) {
      const owner = options.owner ?? (session?.caller ?? '').replace(/^.*[:/]/, '');
      if (kind === 'decision') return decisionForm(finding, now(), owner);
      const def = registry.attestation(finding.id);
      if (!def) throw new FormProblem(`${finding.title} is not an attestation.`);
      return attestationForm(def, owner);
    },

    async saveForm(form, finding) {
      const v = form.values;
      if (form.kind === 'decision') {
        const problem = decisionProblem(v, finding, now());
        if (problem) throw new FormProblem(problem);
        await options.records.decide(recordsDir, {
          subject: finding.id,
          status: v.status ?? '',
          reason: v.reason?.trim() ?? '',
          alternative: v.status === 'alternative' ? v.alternative?.trim() : undefined,
          decidedBy: v.decidedBy?.trim() ?? '',
          reviewBy: v.reviewBy?.trim() ?? '',
          // Made on this account, it applies to this account only (decide --scope-accounts widens one by hand).
          accounts: session ? [session.accountId] : undefined,
        });
        return {
          recorded: { kind: 'decision', subject: finding.id, label: `${finding.title}: ${v.status}${session ? ` (account ${session.accountId})` : ''}` },
          where: resolve(recordsDir),
        };
      }
      const def = registry.attestation(finding.id) as AttestationDef | undefined;
      if (!def) throw new FormProblem(`${finding.title} is not an attestation.`);
      const problem = attestationProblem(v, def);
      if (problem) throw new FormProblem(problem);
      await options.records.attest(recordsDir, {
        attestation: def.id,
        answer: v.answer as AttestationInput['answer'],
        fields: attestationFields(v),
        attestedBy: v.attestedBy?.trim() ?? '',
      });
      return { recorded: { kind: 'attestation', subject: def.id, label: `${def.title}: ${v.answer}` }, where: resolve(recordsDir) };
    },

    // Saves run one after another, in the order asked, so the last position asked for is the one kept.
    savePosition(position) {
      const write = saving.then(() => writePosition(recordsDir, position));
      saving = write.catch(() => {});
      return write;
    },

    async summaryFacts() {
      return { proposedRule: proposedRuleCount((await context()).records, registry) };
    },

    async writeReport(checked) {
      const src = need();
      const whole = src.mode !== 'live';
      const steps = whole ? registry.steps : registry.steps.filter((s) => checked.includes(s.id));
      if (steps.length === 0) throw new FormProblem('No step has been checked yet, so there is nothing to report: check a step first, or run hipaa-wizard report.');
      const at = now();
      const records = await loadRecords(at);
      const ctx: EvalContext = { now: at, settings: options.settings, records };
      // Live: the checked steps' slices were read already, so this reads nothing new.
      const state = await src.collect(needsOf(steps.flatMap((s) => registry.checksOf(s.id))));
      const findings = runAll(registry, state, ctx, steps);
      const text = renderReport('html', {
        mode: src.mode,
        state,
        steps,
        findings,
        records: recordsForReport(records, recordsDir, src.mode === 'demo'),
        catalog: registry,
        settings: options.settings,
        now: at,
        dueWithinDays: 60,
        snapshotFile: options.source.snapshot,
      });
      const file = join(reportDir, reportFileName('html', state.identity.accountId, at));
      try {
        await writeReportFile(file, text);
      } catch (e) {
        throw new FormProblem((e as Error).message);
      }
      return { file, steps: steps.length, whole };
    },

    async scanAll() {
      const src = need();
      const ctx = await context();
      const state = await src.collect(needsOf(registry.checks));
      return { state, findings: runAll(registry, state, ctx), mode: src.mode, generatedAt: ctx.now.toISOString() };
    },

    close() {
      stop.abort();
      source?.close();
      source = undefined;
    },
  };
}

/** The command line that writes the same HTML report without the wizard. */
export function reportCommand(source: SourceOptions, recordsDir: string, file: string): string {
  return ['hipaa-wizard', 'report', '--format', 'html', ...sourceArgs(source), '--records', q(recordsDir), '-o', q(file)].join(' ');
}

/** The flags that name this walk's account to another command: --demo, --snapshot FILE, or the profile and regions. */
export function sourceArgs(source: SourceOptions): string[] {
  if (source.demo) return ['--demo'];
  if (source.snapshot) return ['--snapshot', q(source.snapshot)];
  const args: string[] = [];
  if (source.profile) args.push('--profile', q(source.profile));
  if (source.region) args.push('--region', q(source.region));
  if (source.regions?.length) args.push('--regions', q(source.regions.join(',')));
  return args;
}

/** The saved position, or undefined when there is none or it names steps that no longer exist. */
export async function readPosition(dir: string, registry: Registry): Promise<Position | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, POSITION_FILE), 'utf8');
  } catch {
    return undefined;
  }
  // A damaged position file only costs the resume point.
  const parsed = parseJson(text);
  const raw = parsed.ok ? parsed.value : undefined;
  if (!conforms(PositionSchema, raw) || !registry.steps.some((s) => s.id === raw.stepId)) return undefined;
  return { stepId: raw.stepId, done: (raw.done ?? []).filter((d) => registry.steps.some((s) => s.id === d)) };
}

/** Writes the position atomically next to the records (a plain file, not a record: it is not evidence). */
export async function writePosition(dir: string, position: Position): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, POSITION_FILE);
  await writeFileAtomic(file, `${JSON.stringify({ ...position, savedAt: new Date().toISOString() }, null, 2)}\n`);
}

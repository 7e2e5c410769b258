/**
 * The plain walk: the wizard's steps as lines of text and one question at a time, for screen
 * readers, dumb terminals, pipes and CI. The same services as the Ink wizard do the work; when no
 * answers can come (stdin closed or empty) it prints the scan and names the commands that answer
 * the open questions without prompts, and never waits.
 */
import { scanText } from '../report/scan-output.js';
import { colorEnabled, type Paint, painter, type StyleName } from '../report/style.js';
import type { Finding } from '../engine/model.js';
import type { Registry } from '../engine/registry.js';
import { type FormState, visibleFields } from '../ui/forms.js';
import { sentence } from '../wizard/sentence.js';
import { findingLines, introLines, planLines, reportLines, summaryLines } from '../ui/lines.js';
import { checkedSteps, type Fixed, initialState, type Recorded, reduce, type StepOutline, type WizardState } from '../wizard/state.js';
import type { Line } from '../ui/text.js';
import type { Tone } from '../ui/theme.js';
import { FormProblem, outline, type WalkServices } from '../wizard/services.js';
import { type Asker, inquirerAsker, lineAsker, NoMoreAnswers } from './ask.js';

export interface PlainOptions {
  readonly services: WalkServices;
  readonly registry: Registry;
  readonly firstStep?: string;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Tests hand in their own questions and answers. */
  readonly asker?: Asker;
}

const TONE_STYLE: Partial<Record<Tone, StyleName>> = { good: 'green', bad: 'red', warn: 'yellow', busy: 'cyan', info: 'blue', accent: 'magenta' };

/** Runs the plain walk; returns the exit code (1 when the no-answers scan found failures). */
export async function runPlain(options: PlainOptions): Promise<number> {
  const { services, stdout } = options;
  const paint = painter(colorEnabled(stdout));
  const width = Math.min(100, stdout.columns || 100);
  const say = (text = '') => stdout.write(`${text}\n`);
  const print = (lines: readonly Line[]) => {
    for (const l of lines) {
      let t = l.text;
      const style = l.tone ? TONE_STYLE[l.tone] : undefined;
      if (style) t = paint(style, t);
      if (l.bold) t = paint('bold', t);
      else if (l.dim) t = paint('dim', t);
      say(t);
    }
  };
  const steps = outline(options.registry);
  let state: WizardState = initialState(steps, options.firstStep);
  const fixed: Fixed[] = [];
  const recorded: Recorded[] = [];

  let opened: Awaited<ReturnType<WalkServices['open']>>;
  try {
    opened = await services.open(false);
  } catch (e) {
    stdout.write(`hipaa-wizard: ${sentence(e)}\n`);
    return 2;
  }
  state = reduce(state, { type: 'opened', ...opened });
  const s = opened.session;
  say(paint('bold', `hipaa-wizard · ${s.mode.toUpperCase()} · account ${s.alias ? `${s.alias} (${s.accountId})` : s.accountId} · ${s.regions.join(', ')}`));
  say(`caller ${s.caller}`);
  for (const w of s.warnings) say(`warning: ${w}`);
  if (state.banner) say(state.banner.text);

  const asker = options.asker ?? (options.stdin.isTTY ? await inquirerAsker() : lineAsker(options.stdin, stdout));
  let index = Math.max(0, steps.findIndex((x) => x.id === state.current));
  try {
    while (index < steps.length) {
      const step = steps[index] as StepOutline;
      say();
      print(introLines(step, width));
      const what = await asker.choose(`Step ${step.number}: what now?`, [
        { value: 'run', name: 'Run the checks' },
        { value: 'skip', name: 'Skip to the next step' },
        { value: 'jump', name: 'Go to another step' },
        { value: 'finish', name: 'Finish and show the summary' },
      ], 'run');
      // Saved once the person has answered, so a run with no answers leaves no files behind.
      await services.savePosition({ stepId: step.id, done: state.doneBefore }).catch(() => {});
      if (what === 'finish') break;
      if (what === 'skip') {
        index++;
        continue;
      }
      if (what === 'jump') {
        const to = await asker.choose('Which step?', steps.map((x) => ({ value: x.id, name: `${x.number} ${x.title}` })));
        index = steps.findIndex((x) => x.id === to);
        continue;
      }
      const outcome = await walkStep(step);
      if (outcome === 'finish') break;
      index++;
    }
  } catch (e) {
    if (!(e instanceof NoMoreAnswers)) throw e;
    return noAnswers();
  }
  say();
  const facts = await services.summaryFacts().catch(() => undefined);
  print(summaryLines({ ...state, fixed, recorded, facts, scroll: 0 }, width, false).slice(0, -1));
  await offerReport();
  services.close();
  return 0;

  /** The summary's report: asked for at a terminal; otherwise the command that writes it. */
  async function offerReport(): Promise<void> {
    const report = state.session?.report;
    if (!report) return;
    const live = state.session?.mode === 'live';
    const checked = checkedSteps(state).length;
    if (!options.stdin.isTTY || (live && checked === 0)) {
      say();
      say(`To write the HTML report for an auditor: ${report.command}`);
      return;
    }
    const scope = live ? `it covers only the ${checked} step${checked === 1 ? '' : 's'} checked this session` : 'every category';
    let answer: 'yes' | 'no';
    try {
      answer = await asker.choose(`Write the HTML report to ${report.file} (${scope})?`, [
        { value: 'yes', name: 'Yes, write the report' },
        { value: 'no', name: 'No' },
      ], 'yes');
    } catch (e) {
      if (!(e instanceof NoMoreAnswers)) throw e;
      answer = 'no';
    }
    if (answer === 'no') {
      say(`Not written. Later: ${report.command}`);
      return;
    }
    try {
      state = reduce(state, { type: 'report-written', written: await services.writeReport(checkedSteps(state)) });
    } catch (e) {
      state = reduce(state, { type: 'report-failed', message: e instanceof FormProblem ? e.message : `The report could not be written: ${sentence(e)}` });
    }
    print(reportLines(state, width, false));
  }

  async function walkStep(step: StepOutline): Promise<'next' | 'finish'> {
    say();
    say(`Checking step ${step.number}, ${step.title}…`);
    let result: Awaited<ReturnType<WalkServices['runStep']>>;
    try {
      result = await services.runStep(step.id, {
        done: (f) => say(`  ${paint(STATUS_STYLE[f.status], STATUS_LABEL[f.status].padEnd(8))} ${f.title}`),
      });
    } catch (e) {
      say(`The checks could not finish: ${sentence(e)}`);
      const again = await asker.choose('Try again?', [
        { value: 'retry', name: 'Reconnect and try again' },
        { value: 'next', name: 'Go on to the next step' },
      ], 'retry');
      if (again === 'retry') {
        await services.open(true);
        return walkStep(step);
      }
      return 'next';
    }
    state = reduce(state, { type: 'step-done', stepId: step.id, findings: result.findings, trouble: result.trouble });
    if (result.trouble) say(result.trouble);
    const open = result.findings.filter((f) => f.status === 'fail' || f.status === 'unknown' || f.status === 'manual');
    say(open.length === 0 ? 'Nothing in this step needs attention.' : `${open.length} finding${open.length === 1 ? '' : 's'} need${open.length === 1 ? 's' : ''} attention.`);
    for (const f of open) {
      const next = await walkFinding(f);
      if (next !== 'continue') return next;
    }
    return 'next';
  }

  async function walkFinding(first: Finding): Promise<'continue' | 'next' | 'finish'> {
    let f = first;
    say();
    print(findingLines(f, width).slice(0, -2));
    for (;;) {
      const live = state.session?.mode === 'live';
      const choices = [
        ...(f.remediation ? [{ value: 'preview', name: 'Preview the fix (nothing changes)' }] : []),
        ...(f.remediation && live ? [{ value: 'apply', name: 'Apply the fix' }] : []),
        ...(f.kind === 'attestation' ? [{ value: 'attest', name: 'Answer the question' }] : []),
        { value: 'decide', name: 'Record a decision' },
        { value: 'skip', name: 'Skip this finding' },
        { value: 'next', name: 'Go on to the next step' },
        { value: 'finish', name: 'Finish and show the summary' },
      ];
      const what = await asker.choose(`${f.title}: what now?`, choices, f.kind === 'attestation' ? 'attest' : 'skip');
      if (what === 'skip') return 'continue';
      if (what === 'next' || what === 'finish') return what;
      if (what === 'preview' || what === 'apply') {
        const done = await fix(f, what === 'apply');
        if (done) return 'continue';
        continue;
      }
      const saved = await fillForm(f, what === 'attest' ? 'attestation' : 'decision');
      if (saved) {
        const again = await services.runStep(f.stepId);
        f = again.findings.find((x) => x.id === f.id) ?? f;
        state = reduce(state, { type: 'step-done', stepId: f.stepId, findings: again.findings });
        say(`Now: ${STATUS_LABEL[f.status]}. ${f.message}`);
        return 'continue';
      }
    }
  }

  async function fix(f: Finding, apply: boolean): Promise<boolean> {
    if (!f.remediation) return false;
    let preview: Awaited<ReturnType<WalkServices['preview']>>;
    try {
      preview = await services.preview(f.remediation);
    } catch (e) {
      say(`The fix could not be planned: ${sentence(e)}`);
      return false;
    }
    say();
    print(planLines(preview, width));
    if (!apply) return false;
    if (preview.plan.actions.length === 0) return false;
    const ok =
      preview.confirm.kind === 'yes-no'
        ? (await asker.choose('Apply these changes to the account?', [{ value: 'no', name: 'No, change nothing' }, { value: 'yes', name: 'Yes, apply' }], 'no')) === 'yes'
        : (await asker.text(`To apply, type ${preview.confirm.word} (anything else cancels)`)) === preview.confirm.word;
    if (!ok) {
      say('Cancelled: nothing was changed.');
      return false;
    }
    try {
      const result = await services.apply(preview.plan, (i, status, message) => {
        if (status === 'running') return;
        say(`  ${status === 'done' ? 'done' : status}: ${preview.plan.actions[i]?.summary ?? ''}${message ? ` (${message})` : ''}`);
      });
      say(result.message);
      for (const v of result.verified) say(`  re-checked ${v.id}: ${STATUS_LABEL[v.status]}. ${v.message}`);
      fixed.push({ remediation: preview.plan.remediation, title: preview.plan.title, ok: result.ok });
      return result.ok;
    } catch (e) {
      say(`The fix was not applied: ${sentence(e)}`);
      return false;
    }
  }

  async function fillForm(f: Finding, kind: 'decision' | 'attestation'): Promise<boolean> {
    let form: FormState = await services.openForm(f, kind);
    say(kind === 'decision' ? `Recording a decision on ${f.title}.` : `Answering: ${f.title}.`);
    for (let i = 0; i < visibleFields(form).length; i++) {
      const field = visibleFields(form)[i];
      if (!field) break;
      const current = form.values[field.name] ?? '';
      const label = field.help ? `${field.label} (${field.help})` : field.label;
      const value =
        field.kind === 'choice'
          ? await asker.choose(label, (field.choices ?? []).map((c) => ({ value: c, name: c })), current || undefined)
          : await asker.text(label, current || undefined);
      form = { ...form, values: { ...form.values, [field.name]: value } };
    }
    try {
      const { recorded: r, where } = await services.saveForm(form, f);
      recorded.push(r);
      say(`${kind === 'decision' ? 'Decision' : 'Attestation'} recorded in ${where}.`);
      return true;
    } catch (e) {
      say(e instanceof FormProblem ? `Not recorded: ${e.message}` : `Could not save to the records folder: ${sentence(e)}`);
      return false;
    }
  }

  /** No answers can come: print the scan and the commands that answer its questions. */
  async function noAnswers(): Promise<number> {
    say();
    say('No answers on standard input, so here is the scan. Run in a terminal for the guided walk, or answer with these commands:');
    let scan: Awaited<ReturnType<WalkServices['scanAll']>>;
    try {
      scan = await services.scanAll();
    } catch (e) {
      say(`The scan could not finish: ${sentence(e)}`);
      services.close();
      return 2;
    }
    services.close();
    stdout.write(scanText({ mode: scan.mode, state: scan.state, steps: options.registry.steps, findings: scan.findings, generatedAt: scan.generatedAt }, paint, width));
    say();
    for (const line of answerFlags(scan.findings)) say(line);
    return scan.findings.some((f) => f.status === 'fail') ? 1 : 0;
  }
}

const STATUS_LABEL = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', manual: 'ATTEST', accepted: 'ACCEPTED' } as const;
const STATUS_STYLE: Record<Finding['status'], StyleName> = { pass: 'green', fail: 'red', unknown: 'yellow', manual: 'cyan', accepted: 'magenta' };

/** The commands that answer the walk's questions without prompts, with ids from this scan. */
export function answerFlags(findings: readonly Finding[]): string[] {
  const fixable = findings.find((f) => f.status === 'fail' && f.remediation);
  const failing = findings.find((f) => f.status === 'fail');
  const question = findings.find((f) => f.kind === 'attestation' && f.status === 'manual');
  const lines = ['Answer without prompts:'];
  lines.push(`  hipaa-wizard decide ${failing?.id ?? '<check-id>'} --status risk-accepted --reason "…" --owner <name> --review-by YYYY-MM-DD`);
  lines.push(`  hipaa-wizard attest ${question?.id ?? '<attestation-id>'} --answer yes --field name=value`);
  lines.push(`  hipaa-wizard plan ${fixable?.id ?? '<check-id>'}      (preview a fix; nothing changes)`);
  lines.push(`  hipaa-wizard apply ${fixable?.id ?? '<check-id>'} --yes      (live accounts only)`);
  lines.push('  or pipe answers, one per line: hipaa-wizard --plain < answers.txt');
  return lines;
}

/** Keeps paint's type in one place for tests that want plain text. */
export type { Paint };

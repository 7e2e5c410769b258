/**
 * The plain walk: the wizard's steps as lines of text and one question at a time, for screen
 * readers, dumb terminals, pipes and CI. A thin driver of the wizard flow (src/wizard/flow.ts): each
 * answer becomes an intent for the same reducer the Ink screen uses, the same effects do the work,
 * and what is printed is read from the flow's state; plain mode keeps no flow state of its own.
 * When no answers can come (stdin closed or empty) it prints the scan and names the commands that
 * answer the open questions without prompts, and never waits.
 */
import type { Finding } from '../engine/model.js';
import type { Registry } from '../engine/registry.js';
import { scanText } from '../report/scan-output.js';
import { colorEnabled, type Paint, painter, type StyleName } from '../report/style.js';
import { visibleFields } from '../ui/forms.js';
import { findingLines, introLines, planLines, reportLines, summaryLines } from '../ui/lines.js';
import type { Line } from '../ui/text.js';
import type { Tone } from '../ui/theme.js';
import { createFlow } from '../wizard/flow.js';
import { outline, type WalkServices } from '../wizard/services.js';
import { checkedSteps, currentStep, findingOf, type Intent, runOf, type StepOutline } from '../wizard/state.js';
import { shellQuote } from '../lib/shell.js';
import { sentence } from '../wizard/sentence.js';
import { type Asker, Interrupted, inquirerAsker, lineAsker, NoMoreAnswers } from './ask.js';

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
  const flow = createFlow({ services, steps: outline(options.registry), startAt: options.firstStep });
  /** Asks the flow for something and waits until every answer it leads to has arrived. */
  const act = async (intent: Intent) => {
    flow.dispatch({ type: 'intent', intent });
    await flow.settled();
  };
  // What is echoed while work runs: each check's result as it arrives, each action of an apply.
  const echo = { checks: 0 };
  flow.subscribe((event, state) => {
    if (event.type === 'check-done' && echo.checks > 0) {
      echo.checks++;
      say(`  ${paint(STATUS_STYLE[event.finding.status], STATUS_LABEL[event.finding.status].padEnd(8))} ${event.finding.title}`);
    }
    if (event.type === 'apply-progress' && event.status !== 'running' && state.screen.name === 'applying') {
      const summary = state.screen.preview.plan.actions[event.index]?.summary ?? '';
      say(`  ${event.status}: ${summary}${event.message ? ` (${event.message})` : ''}`);
    }
  });

  flow.start();
  await flow.settled();
  if (flow.state.phase !== 'ready' || !flow.state.session) {
    say(`hipaa-wizard: ${flow.state.failure ?? 'The account could not be opened.'}`);
    return 2;
  }
  const s = flow.state.session;
  say(paint('bold', `hipaa-wizard · ${s.mode.toUpperCase()} · account ${s.alias ? `${s.alias} (${s.accountId})` : s.accountId} · ${s.regions.join(', ')}`));
  say(`caller ${s.caller}`);
  for (const w of s.warnings) say(`warning: ${w}`);
  if (flow.state.banner) say(flow.state.banner.text);

  const asker = options.asker ?? (options.stdin.isTTY ? await inquirerAsker() : lineAsker(options.stdin, stdout));
  try {
    for (;;) {
      const step = currentStep(flow.state) as StepOutline;
      say();
      print(introLines(step, width));
      const what = await asker.choose(`Step ${step.number}: what now?`, [
        { value: 'run', name: 'Run the checks' },
        { value: 'skip', name: 'Skip to the next step' },
        { value: 'jump', name: 'Go to another step' },
        { value: 'finish', name: 'Finish and show the summary' },
      ], 'run');
      if (what === 'finish') break;
      if (what === 'jump') {
        const to = await asker.choose('Which step?', flow.state.steps.map((x) => ({ value: x.id, name: `${x.number} ${x.title}` })));
        await act({ do: 'goto', stepId: to });
        continue;
      }
      if (what === 'run' && (await walkStep(step, { do: 'run-checks' })) === 'finish') break;
      // The step is done or skipped: on to the next one, or to the summary after the last.
      await act({ do: 'next-step' });
      if (flow.state.screen.name === 'summary') break;
    }
  } catch (e) {
    if (e instanceof Interrupted) return interrupted();
    if (!(e instanceof NoMoreAnswers)) throw e;
    // Only when no answer came at all is the scan the useful thing to print.
    if (e.answered === 0) return noAnswers();
    say();
    say(`Standard input ended after ${e.answered} answer${e.answered === 1 ? '' : 's'}, so the walk stops here.`);
  }
  say();
  if (flow.state.screen.name !== 'summary') await act({ do: 'summary' });
  print(summaryLines(flow.state, width, false).slice(0, -1));
  try {
    await offerReport();
  } catch (e) {
    if (e instanceof Interrupted) return interrupted();
    throw e;
  }
  await act({ do: 'exit' });
  return 0;

  /** Ctrl-C at a question: one sentence on what is kept, and 130, the shell's code for it. */
  async function interrupted(): Promise<number> {
    const { recorded } = flow.state;
    const fixed = flow.state.fixed.filter((f) => f.ok);
    const dir = flow.state.session?.recordsDir ?? 'the records folder';
    const s = flow.state.screen;
    const stopped = s.name === 'applying' && s.result?.interrupted ? ` ${s.preview.plan.title} stopped after the call in flight; its journal entry says what changed (hipaa-wizard undo takes it back).` : '';
    say();
    say(
      `Interrupted (Ctrl-C): ${recorded.length + fixed.length > 0 ? `the ${recorded.length} answer${recorded.length === 1 ? '' : 's'} recorded and ${fixed.length} fix${fixed.length === 1 ? '' : 'es'} applied this session are kept (${dir})` : 'nothing was recorded or applied this session'}; ${stopped ? 'no question was left open.' : 'the question left open recorded nothing.'}${stopped}`,
    );
    await act({ do: 'exit' });
    return 130;
  }

  /** The summary's report: asked for at a terminal; otherwise the command that writes it. */
  async function offerReport(): Promise<void> {
    const report = flow.state.session?.report;
    if (!report) return;
    const live = flow.state.session?.mode === 'live';
    const checked = checkedSteps(flow.state).length;
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
    await act({ do: 'write-report' });
    print(reportLines(flow.state, width, false));
  }

  /** Runs a step's checks (or reconnects and runs them again), then walks its open findings. */
  async function walkStep(step: StepOutline, start: Intent): Promise<'next' | 'finish'> {
    say();
    say(`Checking step ${step.number}, ${step.title}…`);
    const already = runOf(flow.state, step.id).state === 'done' && start.do === 'run-checks';
    echo.checks = 1;
    try {
      await act(start);
    } finally {
      echo.checks = 0;
    }
    const run = runOf(flow.state, step.id);
    // Checked earlier in this session: the results are kept, so show them again.
    if (already) for (const item of step.items) echoFinding(run.findings[item.id]);
    if (run.state === 'error') {
      say(`The checks could not finish: ${run.trouble ?? 'something went wrong.'}`);
      const again = await asker.choose('Try again?', [
        { value: 'retry', name: 'Reconnect and try again' },
        { value: 'next', name: 'Go on to the next step' },
      ], 'retry');
      return again === 'retry' ? walkStep(step, { do: 'retry' }) : 'next';
    }
    if (run.trouble) say(run.trouble);
    const open = step.items.map((i) => run.findings[i.id]).filter((f): f is Finding => f !== undefined && (f.status === 'fail' || f.status === 'unknown' || f.status === 'manual'));
    say(open.length === 0 ? 'Nothing in this step needs attention.' : `${open.length} finding${open.length === 1 ? '' : 's'} need${open.length === 1 ? 's' : ''} attention.`);
    if (open.length === 0) return 'next';
    await act({ do: 'next-finding' });
    while (flow.state.screen.name === 'finding') {
      const next = await walkFinding(flow.state.screen.id);
      if (next !== 'continue') return next;
    }
    return 'next';
  }

  function echoFinding(f: Finding | undefined): void {
    if (f) say(`  ${paint(STATUS_STYLE[f.status], STATUS_LABEL[f.status].padEnd(8))} ${f.title}`);
  }

  /** One finding: its explanation, then what to do about it until the person moves on. */
  async function walkFinding(id: string): Promise<'continue' | 'next' | 'finish'> {
    const f = findingOf(flow.state, id) as Finding;
    say();
    print(findingLines(f, width).slice(0, -2));
    for (;;) {
      const live = flow.state.session?.mode === 'live';
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
      if (what === 'next' || what === 'finish') return what;
      const moveOn = what === 'skip' || (what === 'preview' || what === 'apply' ? await fix(id, what === 'apply') : await fillForm(id, what === 'attest' ? 'attestation' : 'decision'));
      if (moveOn) {
        await act({ do: 'next-finding', after: id });
        return 'continue';
      }
      // Back to this finding's question.
      if (flow.state.screen.name !== 'finding') await act({ do: 'back' });
    }
  }

  /** Shows the fix's plan; `apply`: asks the confirmation the plan's risk calls for, then applies it. */
  async function fix(id: string, apply: boolean): Promise<boolean> {
    await act({ do: 'preview', id, thenConfirm: apply });
    let screen = flow.state.screen;
    if (screen.name !== 'plan' && screen.name !== 'confirm') {
      if (flow.state.banner) say(flow.state.banner.text);
      return false;
    }
    if (screen.name === 'plan' && screen.error) {
      say(`The fix could not be planned: ${screen.error}`);
      return false;
    }
    const preview = screen.preview;
    if (!preview) return false;
    say();
    print(planLines(preview, width));
    if (!apply) return false;
    if (screen.name === 'plan') {
      // Not asked: the plan is empty, or the account cannot be changed; the banner says which.
      if (flow.state.banner) say(flow.state.banner.text);
      return false;
    }
    const confirm = preview.confirm;
    const answer =
      confirm.kind === 'yes-no'
        ? await asker.choose('Apply these changes to the account?', [{ value: 'no', name: 'No, change nothing' }, { value: 'yes', name: 'Yes, apply' }], 'no')
        : await asker.text(`To apply, type ${confirm.word} (anything else cancels)`);
    await act({ do: 'confirm', answer });
    screen = flow.state.screen;
    if (screen.name !== 'applying') {
      say(flow.state.banner?.text ?? 'Cancelled: nothing was changed.');
      return false;
    }
    if (screen.error || !screen.result) {
      say(`The fix was not applied: ${screen.error ?? 'it did not finish.'}`);
      return false;
    }
    say(screen.result.message);
    for (const v of screen.result.verified) say(`  re-checked ${v.id}: ${STATUS_LABEL[v.status]}. ${v.message}`);
    // Ctrl-C during the apply: the fix stopped after the call in flight; the walk ends here.
    if (screen.result.interrupted) throw new Interrupted();
    return screen.result.ok;
  }

  /** Asks a form's questions one by one and saves it; says why when it cannot be saved. */
  async function fillForm(id: string, kind: 'decision' | 'attestation'): Promise<boolean> {
    const f = findingOf(flow.state, id) as Finding;
    await act({ do: 'open-form', id, kind });
    const formOf = () => (flow.state.screen.name === 'form' ? flow.state.screen.form : undefined);
    const opened = formOf();
    if (!opened) {
      say(`The form could not be opened${flow.state.banner ? `: ${flow.state.banner.text}` : '.'}`);
      return false;
    }
    say(kind === 'decision' ? `Recording a decision on ${f.title}.` : `Answering: ${f.title}.`);
    for (let i = 0; ; i++) {
      const form = formOf();
      const field = form ? visibleFields(form)[i] : undefined;
      if (!form || !field) break;
      const current = form.values[field.name] ?? '';
      const label = field.help ? `${field.label} (${field.help})` : field.label;
      const value =
        field.kind === 'choice'
          ? await asker.choose(label, (field.choices ?? []).map((c) => ({ value: c, name: c })), current || undefined)
          : await asker.text(label, current || undefined);
      flow.dispatch({ type: 'intent', intent: { do: 'fill', name: field.name, value } });
    }
    const recordedBefore = flow.state.recorded.length;
    await act({ do: 'submit-form' });
    const refused = formOf()?.error;
    if (refused !== undefined || flow.state.recorded.length === recordedBefore) {
      say(`Not recorded: ${refused ?? 'the form was not saved.'}`);
      return false;
    }
    say(`${kind === 'decision' ? 'Decision' : 'Attestation'} recorded in ${flow.state.session?.recordsDir ?? 'the records folder'}.`);
    const now = findingOf(flow.state, id) ?? f;
    say(`Now: ${STATUS_LABEL[now.status]}. ${now.message}`);
    return true;
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
    for (const line of answerFlags(scan.findings, { accountId: scan.state.identity.accountId, live: scan.mode === 'live', sourceArgs: services.sourceArgs, recordsDir: services.recordsDir })) say(line);
    return scan.findings.some((f) => f.status === 'fail') ? 1 : 0;
  }
}

const STATUS_LABEL = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', manual: 'ATTEST', accepted: 'ACCEPTED' } as const;
const STATUS_STYLE: Record<Finding['status'], StyleName> = { pass: 'green', fail: 'red', unknown: 'yellow', manual: 'cyan', accepted: 'magenta' };

/** The commands that answer the walk's questions without prompts, with ids from this scan and flags naming its account and records folder. */
export function answerFlags(
  findings: readonly Finding[],
  where: { readonly accountId?: string; readonly live?: boolean; readonly sourceArgs?: readonly string[]; readonly recordsDir?: string } = {},
): string[] {
  const fixable = findings.find((f) => f.status === 'fail' && f.remediation);
  const failing = findings.find((f) => f.status === 'fail');
  const question = findings.find((f) => f.kind === 'attestation' && f.status === 'manual');
  const source = where.sourceArgs?.length ? ` ${where.sourceArgs.join(' ')}` : '';
  const records = where.recordsDir ? ` --records ${shellQuote(where.recordsDir)}` : '';
  const lines = ['Answer without prompts:'];
  lines.push(`  hipaa-wizard decide ${failing?.id ?? '<check-id>'} --status risk-accepted --reason "…" --owner <name> --review-by YYYY-MM-DD --account ${where.accountId ?? '<account-id>'}${records}`);
  lines.push(`  hipaa-wizard attest ${question?.id ?? '<attestation-id>'} --answer yes --field name=value${records}`);
  lines.push(`  hipaa-wizard plan ${fixable?.id ?? '<check-id>'}${source}      (preview a fix; nothing changes)`);
  if (where.live !== false) lines.push(`  hipaa-wizard apply ${fixable?.id ?? '<check-id>'}${source} --yes      (live accounts only)`);
  else lines.push('  hipaa-wizard apply CHECK --yes, on a live account (--profile, --region): the demo and a snapshot change nothing');
  lines.push('  or pipe answers, one per line: hipaa-wizard --plain < answers.txt');
  return lines;
}

/** Keeps paint's type in one place for tests that want plain text. */
export type { Paint };

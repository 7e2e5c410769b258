/**
 * The wizard's whole flow as one pure reducer: which step and screen are open, what each check
 * returned, the forms, the apply progress. Keys and the results of async work both arrive as
 * events; work to do (collect, plan, apply, save) leaves as effects in `queue`, which the
 * `useWalk` hook runs and answers with more events. Because every key goes through here, keys
 * that arrive in the same tick (a paste, Down then Enter) each see the latest state.
 */
import type { Citation, Finding, Plan, Status } from '../engine/model.js';
import type { Mode } from '../session/source.js';
import { type FormState, editForm, visibleFields } from '../ui/forms.js';

export interface ItemOutline {
  readonly id: string;
  readonly title: string;
  readonly kind: 'check' | 'attestation';
  readonly remediation?: string;
}

export interface StepOutline {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** The title deliberately shortened for a narrow step list (at most 15 characters). */
  readonly shortTitle?: string;
  readonly intro: string;
  readonly hipaa: readonly Citation[];
  readonly hitrust: readonly string[];
  readonly items: readonly ItemOutline[];
}

export interface SessionInfo {
  readonly mode: Mode;
  readonly accountId: string;
  readonly alias?: string;
  readonly caller: string;
  readonly regions: readonly string[];
  readonly warnings: readonly string[];
  readonly recordsDir: string;
  /** Where `w` on the summary writes the HTML report, and the command that writes the same report. */
  readonly report?: { readonly file: string; readonly command: string };
}

/** Where the person was, kept in the records folder so a new run resumes there. */
export interface Position {
  readonly stepId: string;
  /** Steps whose checks ran to the end in an earlier session. */
  readonly done: readonly string[];
}

export type Confirmation = { readonly kind: 'yes-no' } | { readonly kind: 'word'; readonly word: string };

export interface PlanPreview {
  readonly plan: Plan;
  /** The plan as text lines: effects, commands, CLI equivalents, the count line. */
  readonly lines: readonly string[];
  readonly confirm: Confirmation;
}

export interface ActionProgress {
  readonly summary: string;
  readonly status: 'waiting' | 'running' | 'done' | 'failed' | 'skipped';
  readonly message?: string;
}

export interface ApplyResult {
  readonly ok: boolean;
  /** One or two sentences: what changed, what the re-check found. */
  readonly message: string;
  /** The fixed checks, evaluated again on freshly read state. */
  readonly verified: readonly Verified[];
  /** Ctrl-C stopped it after the call in flight (plain mode); its journal entry says what changed. */
  readonly interrupted?: boolean;
}

export interface Verified {
  readonly id: string;
  readonly status: Status;
  readonly message: string;
}

export interface StepRun {
  readonly state: 'not-started' | 'checking' | 'done' | 'error';
  readonly findings: Readonly<Record<string, Finding>>;
  readonly running: readonly string[];
  /** Why the step could not finish, or why some of its results may be stale (network, credentials). */
  readonly trouble?: string;
}

export type Screen =
  | { readonly name: 'intro' }
  | { readonly name: 'checks' }
  | { readonly name: 'finding'; readonly id: string }
  | { readonly name: 'plan'; readonly id: string; readonly preview?: PlanPreview; readonly error?: string; readonly thenConfirm: boolean }
  | { readonly name: 'confirm'; readonly id: string; readonly preview: PlanPreview; readonly typed: string; readonly error?: string }
  | {
      readonly name: 'applying';
      readonly id: string;
      readonly preview: PlanPreview;
      readonly actions: readonly ActionProgress[];
      readonly result?: ApplyResult;
      readonly error?: string;
    }
  | { readonly name: 'form'; readonly id: string; readonly form: FormState }
  | { readonly name: 'summary' };

export type Effect =
  | { readonly type: 'open'; readonly reconnect: boolean }
  | { readonly type: 'run-step'; readonly stepId: string }
  | { readonly type: 'preview'; readonly findingId: string; readonly remediation: string }
  | { readonly type: 'apply'; readonly findingId: string; readonly plan: Plan }
  | { readonly type: 'open-form'; readonly findingId: string; readonly kind: 'decision' | 'attestation' }
  | { readonly type: 'save-form'; readonly findingId: string; readonly stepId: string; readonly form: FormState }
  | { readonly type: 'save-position'; readonly position: Position }
  | { readonly type: 'summary-facts' }
  /** `checked`: the steps whose checks ran this session (a live report covers only those). */
  | { readonly type: 'write-report'; readonly checked: readonly string[] }
  | { readonly type: 'exit' };

export interface Banner {
  readonly tone: 'info' | 'good' | 'warn' | 'error';
  readonly text: string;
}

export interface Fixed {
  readonly remediation: string;
  readonly title: string;
  readonly ok: boolean;
}

export interface Recorded {
  readonly kind: 'decision' | 'attestation';
  readonly subject: string;
  readonly label: string;
}

/** A report the summary wrote: where, and how much of the account it covers. */
export interface ReportWritten {
  readonly file: string;
  /** Categories in the report. */
  readonly steps: number;
  /** False when only the steps checked this session are in it (a live account). */
  readonly whole: boolean;
}

/** What a Ctrl-C left behind: the decision or attestation form it dropped with its typing, if any. */
export interface Interruption {
  readonly dropped?: { readonly kind: 'decision' | 'attestation'; readonly subject: string };
}

export type ReportProgress =
  | { readonly status: 'writing' }
  | ({ readonly status: 'written' } & ReportWritten)
  | { readonly status: 'failed'; readonly message: string };

export interface WizardState {
  readonly phase: 'connecting' | 'ready' | 'failed';
  readonly failure?: string;
  /** While connecting: the AWS call waited on and when it was sent (ms since the epoch). */
  readonly openingCall?: { readonly call: string; readonly since: number };
  readonly session?: SessionInfo;
  readonly steps: readonly StepOutline[];
  readonly runs: Readonly<Record<string, StepRun>>;
  readonly current: string;
  /** The first step was given on the command line (--step): the saved position does not move it. */
  readonly pinned: boolean;
  readonly screen: Screen;
  readonly focus: 'main' | 'steps';
  readonly stepCursor: number;
  /** The selected row in the checks list. */
  readonly cursor: number;
  /** The first line shown in a scrolling pane. */
  readonly scroll: number;
  readonly help: boolean;
  readonly banner?: Banner;
  readonly fixed: readonly Fixed[];
  readonly recorded: readonly Recorded[];
  /** Steps finished in an earlier session (from the saved position). */
  readonly doneBefore: readonly string[];
  readonly queue: readonly { readonly id: number; readonly effect: Effect }[];
  readonly nextEffect: number;
  readonly exiting: boolean;
  /** Ctrl-C ended (or is ending) the walk: the exit code is 130, and the closing lines say what was kept. */
  readonly interrupted?: Interruption;
  /** Ctrl-C was pressed once over unsaved typing or a running fix: a second press (or the end of the fix) quits. */
  readonly quitPending?: boolean;
  readonly facts?: SummaryFacts;
  /** The report written from the summary (w), or being written. */
  readonly report?: ReportProgress;
}

export interface KeyInfo {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
}

/**
 * What a person asked for, in words rather than keys: plain mode answers its questions with these,
 * and the Ink screen's keys lead to the same transitions.
 */
export type Intent =
  /** Run the current step's checks (or show them, when they already ran). */
  | { readonly do: 'run-checks' }
  | { readonly do: 'next-step' }
  | { readonly do: 'goto'; readonly stepId: string }
  /** Reconnect and run the current step's checks again. */
  | { readonly do: 'retry' }
  | { readonly do: 'summary' }
  | { readonly do: 'open-finding'; readonly id: string }
  /** The next item in the current step that still needs attention after `after` (the first, without it). */
  | { readonly do: 'next-finding'; readonly after?: string }
  /** Back one screen: from a plan, a confirmation, an apply or a form to its finding; from a finding to the checks. */
  | { readonly do: 'back' }
  | { readonly do: 'preview'; readonly id: string; readonly thenConfirm: boolean }
  /** The answer to a confirmation: "yes" for a yes/no question, the typed word otherwise; anything else cancels. */
  | { readonly do: 'confirm'; readonly answer: string }
  | { readonly do: 'open-form'; readonly id: string; readonly kind: 'decision' | 'attestation' }
  | { readonly do: 'fill'; readonly name: string; readonly value: string }
  | { readonly do: 'submit-form' }
  | { readonly do: 'write-report' }
  | { readonly do: 'exit' };

export type WizardEvent =
  | { readonly type: 'key'; readonly input: string; readonly key: KeyInfo }
  | { readonly type: 'intent'; readonly intent: Intent }
  | { readonly type: 'effect-started'; readonly id: number }
  | { readonly type: 'opened'; readonly session: SessionInfo; readonly position?: Position }
  | { readonly type: 'open-failed'; readonly message: string }
  | { readonly type: 'opening-call'; readonly call: string; readonly at: number }
  | { readonly type: 'check-started'; readonly stepId: string; readonly id: string }
  | { readonly type: 'check-done'; readonly stepId: string; readonly finding: Finding }
  | { readonly type: 'step-done'; readonly stepId: string; readonly findings: readonly Finding[]; readonly trouble?: string }
  | { readonly type: 'step-failed'; readonly stepId: string; readonly message: string }
  | { readonly type: 'preview-ready'; readonly findingId: string; readonly preview: PlanPreview }
  | { readonly type: 'preview-failed'; readonly findingId: string; readonly message: string }
  | { readonly type: 'apply-progress'; readonly index: number; readonly status: ActionProgress['status']; readonly message?: string }
  | { readonly type: 'apply-done'; readonly result: ApplyResult }
  | { readonly type: 'apply-failed'; readonly message: string }
  | { readonly type: 'form-ready'; readonly findingId: string; readonly form: FormState }
  | { readonly type: 'form-saved'; readonly recorded: Recorded; readonly where: string }
  | { readonly type: 'form-failed'; readonly message: string }
  | { readonly type: 'summary-facts'; readonly facts: SummaryFacts }
  | { readonly type: 'report-written'; readonly written: ReportWritten }
  | { readonly type: 'report-failed'; readonly message: string };

/** What the summary adds from the records folder. */
export interface SummaryFacts {
  /** Current decisions that HHS's January 2025 proposed rule (not in force) would no longer accept. */
  readonly proposedRule: number;
}

const NOT_STARTED: StepRun = { state: 'not-started', findings: {}, running: [] };

/** The state before anything is known; `startAt` (--step) wins over the saved position. */
export function initialState(steps: readonly StepOutline[], startAt?: string): WizardState {
  const start = steps.find((s) => s.id === startAt);
  return {
    phase: 'connecting',
    steps,
    runs: Object.fromEntries(steps.map((s) => [s.id, NOT_STARTED])),
    current: start?.id ?? steps[0]?.id ?? '',
    pinned: Boolean(start),
    stepCursor: start ? steps.indexOf(start) : 0,
    screen: { name: 'intro' },
    focus: 'main',
    cursor: 0,
    scroll: 0,
    help: false,
    fixed: [],
    recorded: [],
    doneBefore: [],
    queue: [{ id: 1, effect: { type: 'open', reconnect: false } }],
    nextEffect: 2,
    exiting: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers the views share

export function runOf(state: WizardState, stepId: string): StepRun {
  return state.runs[stepId] ?? NOT_STARTED;
}

export function currentStep(state: WizardState): StepOutline | undefined {
  return state.steps.find((s) => s.id === state.current);
}

export function findingOf(state: WizardState, id: string): Finding | undefined {
  for (const run of Object.values(state.runs)) if (run.findings[id]) return run.findings[id];
  return undefined;
}

/** A step's label in the side list: not started, checking, n failing, done. */
export function stepLabel(state: WizardState, stepId: string): { text: string; tone: 'dim' | 'busy' | 'bad' | 'good' | 'warn' } {
  const run = runOf(state, stepId);
  if (run.state === 'checking') return { text: 'checking', tone: 'busy' };
  if (run.state === 'error') return { text: 'could not check', tone: 'warn' };
  if (run.state === 'not-started') return state.doneBefore.includes(stepId) ? { text: 'checked before', tone: 'dim' } : { text: 'not started', tone: 'dim' };
  const failing = Object.values(run.findings).filter((f) => f.status === 'fail').length;
  if (failing > 0) return { text: `${failing} failing`, tone: 'bad' };
  const open = Object.values(run.findings).filter((f) => f.status === 'unknown' || f.status === 'manual').length;
  return open > 0 ? { text: `done, ${open} open`, tone: 'warn' } : { text: 'done', tone: 'good' };
}

export const STATUS_ORDER: readonly Status[] = ['fail', 'unknown', 'manual', 'accepted', 'pass'];

// ---------------------------------------------------------------------------------------------
// The reducer

function enqueue(state: WizardState, ...effects: Effect[]): WizardState {
  let id = state.nextEffect;
  const added = effects.map((effect) => ({ id: id++, effect }));
  return { ...state, queue: [...state.queue, ...added], nextEffect: id };
}

function withRun(state: WizardState, stepId: string, change: (run: StepRun) => StepRun): WizardState {
  return { ...state, runs: { ...state.runs, [stepId]: change(runOf(state, stepId)) } };
}

function position(state: WizardState): Position {
  const done = state.steps.filter((s) => runOf(state, s.id).state === 'done' || state.doneBefore.includes(s.id)).map((s) => s.id);
  return { stepId: state.current, done };
}

function gotoStep(state: WizardState, stepId: string): WizardState {
  const index = state.steps.findIndex((s) => s.id === stepId);
  if (index < 0) return state;
  const run = runOf(state, stepId);
  const moved: WizardState = {
    ...state,
    current: stepId,
    stepCursor: index,
    focus: 'main',
    screen: run.state === 'not-started' ? { name: 'intro' } : { name: 'checks' },
    cursor: 0,
    scroll: 0,
  };
  return enqueue(moved, { type: 'save-position', position: position(moved) });
}

function startStep(state: WizardState): WizardState {
  const step = currentStep(state);
  if (!step) return state;
  const run = runOf(state, step.id);
  const shown: WizardState = { ...state, screen: { name: 'checks' }, cursor: 0, scroll: 0 };
  if (run.state === 'checking' || run.state === 'done') return shown;
  return enqueue(
    withRun(shown, step.id, () => ({ state: 'checking', findings: {}, running: [] })),
    { type: 'run-step', stepId: step.id },
  );
}

function nextStep(state: WizardState): WizardState {
  const index = state.steps.findIndex((s) => s.id === state.current);
  const next = state.steps[index + 1];
  return next ? gotoStep(state, next.id) : showSummary(state);
}

function showSummary(state: WizardState): WizardState {
  return enqueue({ ...state, screen: { name: 'summary' }, scroll: 0 }, { type: 'summary-facts' });
}

function exitWalk(state: WizardState): WizardState {
  if (state.exiting) return state;
  return enqueue({ ...state, exiting: true }, { type: 'exit' });
}

/** A fix being applied or a form being saved: work that Ctrl-C waits for rather than cut in half. */
function busy(state: WizardState): boolean {
  const s = state.screen;
  return (s.name === 'applying' && !s.result && !s.error) || (s.name === 'form' && s.form.saving);
}

/**
 * Ctrl-C: the walk ends at once with exit code 130, and what was recorded stays recorded. Over a
 * form with typing in it, the first press only warns (a second drops the form); while a fix is
 * being applied or a form saved, the walk ends as soon as that finishes, so neither is cut in half.
 */
function interrupt(state: WizardState): WizardState {
  const s = state.screen;
  const typing = state.phase === 'ready' && s.name === 'form' && !s.form.saving && s.form.touched === true;
  if (state.phase === 'ready' && busy(state)) {
    const what = s.name === 'applying' ? 'the fix being applied finishes (its journal records every call, so undo stays possible)' : 'the form being saved is written';
    return { ...state, quitPending: true, banner: { tone: 'warn', text: `Quitting as soon as ${what}.` } };
  }
  if (typing && !state.quitPending) {
    return { ...state, quitPending: true, banner: { tone: 'warn', text: 'This form is not saved. Ctrl-C again quits and drops it; Enter saves it, Esc goes back to the finding.' } };
  }
  const dropped = typing && s.name === 'form' ? { kind: s.form.kind, subject: s.form.subject } : undefined;
  return exitWalk({ ...state, quitPending: false, interrupted: { dropped } });
}

/** Reconnect, then run the current step's checks again. */
function retryStep(state: WizardState): WizardState {
  const again = withRun(state, state.current, () => ({ state: 'checking', findings: {}, running: [] }));
  return enqueue(again, { type: 'open', reconnect: true }, { type: 'run-step', stepId: state.current });
}

/** Opens the next item after `after` that still needs attention, or goes back to the checks and says so. */
function nextFinding(state: WizardState, after?: string): WizardState {
  const next = nextOpenItem(state, after);
  const step = currentStep(state);
  if (next && step) return { ...openFinding(state, next), cursor: step.items.findIndex((i) => i.id === next) };
  return { ...state, screen: { name: 'checks' }, scroll: 0, banner: { tone: 'info', text: 'Nothing else in this step needs attention. Press n for the next step.' } };
}

/** Plans a finding's fix and shows it; `thenConfirm`: asks to apply it once shown. */
function previewFix(state: WizardState, id: string, thenConfirm: boolean): WizardState {
  const finding = findingOf(state, id);
  if (!finding) return state;
  if (!finding.remediation) return { ...state, banner: { tone: 'info', text: 'There is no automatic fix for this one; record a decision (d) or fix it by hand.' } };
  if (finding.status === 'pass') return { ...state, banner: { tone: 'good', text: 'This already passes; there is nothing to fix.' } };
  const screen: Screen = { name: 'plan', id, thenConfirm };
  return enqueue({ ...state, screen, scroll: 0 }, { type: 'preview', findingId: id, remediation: finding.remediation });
}

function openForm(state: WizardState, id: string, kind: 'decision' | 'attestation'): WizardState {
  const finding = findingOf(state, id);
  if (!finding) return state;
  if (kind === 'attestation' && finding.kind !== 'attestation') {
    return { ...state, banner: { tone: 'info', text: 'Only the questions marked "attest" take an attestation; for a check, record a decision (d).' } };
  }
  return enqueue(state, { type: 'open-form', findingId: id, kind });
}

/** What a person asked for in words (plain mode); the keys above lead to the same transitions. */
export function intend(state: WizardState, intent: Intent): WizardState {
  if (state.exiting) return state;
  const screen = state.screen;
  switch (intent.do) {
    case 'run-checks':
      return startStep(state);
    case 'next-step':
      return nextStep(state);
    case 'goto':
      return gotoStep(state, intent.stepId);
    case 'retry':
      return retryStep(state);
    case 'summary':
      return showSummary(state);
    case 'open-finding':
      return findingOf(state, intent.id) ? openFinding(state, intent.id) : state;
    case 'next-finding':
      return nextFinding(state, intent.after);
    case 'back':
      if (screen.name === 'plan' || screen.name === 'confirm' || screen.name === 'applying') return openFinding(state, screen.id);
      if (screen.name === 'form') return { ...openFinding(state, screen.id), banner: { tone: 'info', text: 'Nothing was recorded.' } };
      if (screen.name === 'finding') return { ...state, screen: { name: 'checks' }, scroll: 0 };
      return state;
    case 'preview':
      return previewFix(state, intent.id, intent.thenConfirm);
    case 'confirm': {
      if (screen.name !== 'confirm') return state;
      const confirm = screen.preview.confirm;
      const yes = confirm.kind === 'yes-no' ? /^(y|yes)$/i.test(intent.answer.trim()) : intent.answer.trim() === confirm.word;
      return yes ? startApply(state, screen) : cancelApply(state, screen);
    }
    case 'open-form':
      return openForm(state, intent.id, intent.kind);
    case 'fill': {
      if (screen.name !== 'form' || screen.form.saving) return state;
      const form = screen.form;
      return { ...state, screen: { ...screen, form: { ...form, values: { ...form.values, [intent.name]: intent.value }, error: undefined } } };
    }
    case 'submit-form':
      return screen.name === 'form' && !screen.form.saving ? submitForm(state, screen) : state;
    case 'write-report':
      return writeReport(state);
    case 'exit':
      return exitWalk(state);
  }
}

function openFinding(state: WizardState, id: string): WizardState {
  return { ...state, screen: { name: 'finding', id }, scroll: 0 };
}

/** The next item after `id` (from the first item, without it) in the current step that still needs attention. */
function nextOpenItem(state: WizardState, id?: string): string | undefined {
  const step = currentStep(state);
  if (!step) return undefined;
  const run = runOf(state, step.id);
  const at = id === undefined ? -1 : step.items.findIndex((i) => i.id === id);
  return step.items.slice(at + 1).find((i) => {
    const f = run.findings[i.id];
    return f && f.status !== 'pass' && f.status !== 'accepted';
  })?.id;
}

function scrollBy(state: WizardState, key: KeyInfo): WizardState | undefined {
  if (key.upArrow) return { ...state, scroll: Math.max(0, state.scroll - 1) };
  if (key.downArrow) return { ...state, scroll: state.scroll + 1 };
  if (key.pageUp) return { ...state, scroll: Math.max(0, state.scroll - 10) };
  if (key.pageDown) return { ...state, scroll: state.scroll + 10 };
  return undefined;
}

function onKey(state: WizardState, input: string, key: KeyInfo): WizardState {
  if (state.exiting) return state;
  if (key.ctrl && input === 'c') return interrupt(state);
  if (state.help) return { ...state, help: false };
  // Any other key takes back a Ctrl-C that was waiting for a second press (not one waiting for work to end).
  const settled: WizardState = state.quitPending && !busy(state) ? { ...state, quitPending: false } : state;
  // (Its banner stays while it waits: the person should see that the walk will end.)
  const calm: WizardState = settled.banner && !settled.quitPending ? { ...settled, banner: undefined } : settled;

  if (state.phase !== 'ready') {
    if (input === 'q' || key.escape) return exitWalk(calm);
    if (state.phase === 'failed' && input === 'r') return enqueue({ ...calm, phase: 'connecting', failure: undefined }, { type: 'open', reconnect: true });
    if (input === '?') return { ...calm, help: true };
    return calm;
  }

  const screen = state.screen;
  // Screens that take text own every key but Escape and Enter.
  if (screen.name === 'form') return formKey(calm, screen, input, key);
  if (screen.name === 'confirm') return confirmKey(calm, screen, input, key);

  if (input === '?') return { ...calm, help: true };
  if (screen.name === 'applying' && !screen.result && !screen.error) return calm; // no leaving mid-apply
  if (input === 'q') return screen.name === 'summary' ? exitWalk(calm) : showSummary(calm);
  if (key.tab) return { ...calm, focus: state.focus === 'main' ? 'steps' : 'main', stepCursor: state.steps.findIndex((s) => s.id === state.current) };
  if (input === ']') return nextStep(calm);
  if (input === '[') {
    const index = state.steps.findIndex((s) => s.id === state.current);
    const prev = state.steps[index - 1];
    return prev ? gotoStep(calm, prev.id) : calm;
  }
  if (/^[0-9]$/.test(input)) {
    const n = input === '0' ? 10 : Number(input);
    const step = state.steps.find((s) => s.number === n);
    return step ? gotoStep(calm, step.id) : { ...calm, banner: { tone: 'warn', text: `There is no step ${n}.` } };
  }

  if (state.focus === 'steps') {
    if (key.upArrow) return { ...calm, stepCursor: Math.max(0, state.stepCursor - 1) };
    if (key.downArrow) return { ...calm, stepCursor: Math.min(state.steps.length - 1, state.stepCursor + 1) };
    if (key.return) {
      const step = state.steps[state.stepCursor];
      return step ? gotoStep(calm, step.id) : calm;
    }
    if (key.escape) return { ...calm, focus: 'main' };
    return calm;
  }

  switch (screen.name) {
    case 'intro':
      if (key.return || input === ' ' || input === 'c') return startStep(calm);
      if (input === 'n') return nextStep(calm);
      return scrollBy(calm, key) ?? calm;
    case 'checks':
      return checksKey(calm, input, key);
    case 'finding':
      return findingKey(calm, screen.id, input, key);
    case 'plan':
      return planKey(calm, screen, input, key);
    case 'applying':
      if (key.return || key.escape || input === ' ') return openFinding(calm, screen.id);
      return scrollBy(calm, key) ?? calm;
    case 'summary':
      if (key.escape) return { ...calm, screen: { name: runOf(state, state.current).state === 'not-started' ? 'intro' : 'checks' }, scroll: 0 };
      if (key.return) return exitWalk(calm);
      if (input === 'w') return writeReport(calm);
      return scrollBy(calm, key) ?? calm;
  }
}

/** The steps whose checks ran to the end this session. */
export function checkedSteps(state: WizardState): string[] {
  return state.steps.filter((s) => runOf(state, s.id).state === 'done').map((s) => s.id);
}

function writeReport(state: WizardState): WizardState {
  if (state.report?.status === 'writing') return state;
  return enqueue({ ...state, report: { status: 'writing' } }, { type: 'write-report', checked: checkedSteps(state) });
}

function checksKey(state: WizardState, input: string, key: KeyInfo): WizardState {
  const step = currentStep(state);
  if (!step) return state;
  const run = runOf(state, step.id);
  const count = step.items.length;
  if (key.upArrow) return { ...state, cursor: Math.max(0, state.cursor - 1) };
  if (key.downArrow) return { ...state, cursor: Math.min(Math.max(0, count - 1), state.cursor + 1) };
  if (key.return) {
    const item = step.items[state.cursor];
    if (!item) return state;
    if (!run.findings[item.id]) return { ...state, banner: { tone: 'info', text: 'That check is still running.' } };
    return openFinding(state, item.id);
  }
  if (input === 'n') return nextStep(state);
  if (input === 'i' || key.escape) return { ...state, screen: { name: 'intro' }, scroll: 0 };
  if (input === 'r' && (run.state === 'error' || run.trouble)) return retryStep(state);
  if (input === 'c' && run.state === 'not-started') return startStep(state);
  return state;
}

function findingKey(state: WizardState, id: string, input: string, key: KeyInfo): WizardState {
  const finding = findingOf(state, id);
  if (!finding) return { ...state, screen: { name: 'checks' } };
  if (key.escape || key.backspace || input === 'b') return { ...state, screen: { name: 'checks' }, scroll: 0 };
  if (input === 's') return nextFinding(state, id);
  if (input === 'p' || input === 'a') return previewFix(state, id, input === 'a');
  if (input === 'd') return openForm(state, id, 'decision');
  if (input === 't' || (key.return && finding.kind === 'attestation')) return openForm(state, id, 'attestation');
  return scrollBy(state, key) ?? state;
}

function planKey(state: WizardState, screen: Extract<Screen, { name: 'plan' }>, input: string, key: KeyInfo): WizardState {
  if (key.escape || input === 'b') return openFinding(state, screen.id);
  if ((input === 'a' || key.return) && screen.preview) return askToApply(state, screen.id, screen.preview);
  return scrollBy(state, key) ?? state;
}

function askToApply(state: WizardState, id: string, preview: PlanPreview): WizardState {
  if (preview.plan.actions.length === 0) return { ...state, banner: { tone: 'good', text: 'The plan is empty: nothing needs to change.' } };
  const mode = state.session?.mode;
  if (mode !== 'live') {
    return {
      ...state,
      screen: { name: 'plan', id, preview, thenConfirm: false },
      banner: {
        tone: 'warn',
        text: `This is the ${mode === 'demo' ? 'demo account' : 'snapshot'}: nothing can be changed. Against a live account, this plan is exactly what would run.`,
      },
    };
  }
  return { ...state, screen: { name: 'confirm', id, preview, typed: '' }, scroll: 0 };
}

type ConfirmScreen = Extract<Screen, { name: 'confirm' }>;

function cancelApply(state: WizardState, screen: ConfirmScreen): WizardState {
  return {
    ...state,
    screen: { name: 'plan', id: screen.id, preview: screen.preview, thenConfirm: false },
    banner: { tone: 'info', text: 'Cancelled: nothing was changed.' },
  };
}

function startApply(state: WizardState, screen: ConfirmScreen): WizardState {
  return enqueue(
    {
      ...state,
      screen: {
        name: 'applying',
        id: screen.id,
        preview: screen.preview,
        actions: screen.preview.plan.actions.map((a) => ({ summary: a.summary, status: 'waiting' as const })),
      },
      scroll: 0,
    },
    { type: 'apply', findingId: screen.id, plan: screen.preview.plan },
  );
}

function confirmKey(state: WizardState, screen: ConfirmScreen, input: string, key: KeyInfo): WizardState {
  const cancel = () => cancelApply(state, screen);
  const apply = () => startApply(state, screen);
  if (key.escape) return cancel();
  const confirm = screen.preview.confirm;
  if (confirm.kind === 'yes-no') {
    if (input === 'y' || input === 'Y') return apply();
    if (input === 'n' || input === 'N') return cancel();
    return state;
  }
  if (key.return) {
    if (screen.typed.trim() === confirm.word) return apply();
    return { ...state, screen: { ...screen, error: `Type ${confirm.word} exactly to apply, or press Esc to cancel.` } };
  }
  if (key.backspace || key.delete) return { ...state, screen: { ...screen, typed: screen.typed.slice(0, -1), error: undefined } };
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return text ? { ...state, screen: { ...screen, typed: screen.typed + text, error: undefined } } : state;
}

function formKey(state: WizardState, screen: Extract<Screen, { name: 'form' }>, input: string, key: KeyInfo): WizardState {
  const form = screen.form;
  if (form.saving) return state;
  if (key.escape) return { ...openFinding(state, screen.id), banner: { tone: 'info', text: 'Nothing was recorded.' } };
  const fields = visibleFields(form);
  const move = (index: number): WizardState => ({ ...state, screen: { ...screen, form: { ...form, index, error: undefined } } });
  if (key.upArrow || (key.tab && key.shift)) return move(Math.max(0, form.index - 1));
  if (key.downArrow || key.tab) return move(Math.min(fields.length - 1, form.index + 1));
  if (key.return) {
    if (form.index < fields.length - 1) return move(form.index + 1);
    return submitForm(state, screen);
  }
  const edited = editForm(form, input, key);
  return { ...state, screen: { ...screen, form: edited.values === form.values ? edited : { ...edited, touched: true } } };
}

function submitForm(state: WizardState, screen: Extract<Screen, { name: 'form' }>): WizardState {
  const step = currentStep(state);
  const saving: FormState = { ...screen.form, saving: true, error: undefined };
  return enqueue({ ...state, screen: { ...screen, form: saving } }, { type: 'save-form', findingId: screen.id, stepId: step?.id ?? state.current, form: saving });
}

/** A fixed check's fresh result replaces its finding (its resource list was read before the fix). */
function applyVerified(state: WizardState, v: Verified): WizardState {
  const before = findingOf(state, v.id);
  if (!before) return state;
  const after: Finding = { ...before, status: v.status, evaluated: v.status, message: v.message, resources: [], decision: undefined };
  return withRun(state, before.stepId, (run) => ({ ...run, findings: { ...run.findings, [v.id]: after } }));
}

export function reduce(state: WizardState, event: WizardEvent): WizardState {
  const next = reduceEvent(state, event);
  // A Ctrl-C that waited for a fix or a save to finish quits once it has.
  if (next.quitPending && state.quitPending && busy(state) && !busy(next)) return exitWalk({ ...next, quitPending: false, interrupted: {} });
  return next;
}

function reduceEvent(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'key':
      return onKey(state, event.input, event.key);
    case 'intent':
      return intend(state, event.intent);
    case 'effect-started':
      return { ...state, queue: state.queue.filter((q) => q.id !== event.id) };
    case 'opening-call':
      return state.phase === 'connecting' ? { ...state, openingCall: { call: event.call, since: event.at } } : state;
    case 'opened': {
      const ready: WizardState = { ...state, phase: 'ready', session: event.session, failure: undefined, openingCall: undefined };
      if (state.phase === 'ready' || !event.position) {
        const warn = event.session.warnings[0];
        return warn ? { ...ready, banner: { tone: 'warn', text: event.session.warnings.join(' ') } } : ready;
      }
      const known = state.steps.find((s) => s.id === event.position?.stepId);
      const resumed: WizardState = { ...ready, doneBefore: event.position.done.filter((id) => state.steps.some((s) => s.id === id)) };
      if (!known || state.pinned || known.id === state.current) return resumed;
      return {
        ...resumed,
        current: known.id,
        stepCursor: state.steps.indexOf(known),
        banner: event.session.warnings.length
          ? { tone: 'warn', text: `${event.session.warnings.join(' ')} Resuming at step ${known.number}, ${known.title}.` }
          : { tone: 'info', text: `Welcome back: resuming at step ${known.number}, ${known.title}. Your recorded answers are kept.` },
      };
    }
    case 'open-failed':
      if (state.phase === 'ready') {
        // A reconnect failed mid-walk: keep the walk, say why, let the person retry.
        const stepId = state.current;
        return {
          ...withRun(state, stepId, (run) => ({ ...run, state: 'error', running: [], trouble: event.message })),
          banner: { tone: 'error', text: `${event.message} Press r to try again.` },
        };
      }
      return { ...state, phase: 'failed', failure: event.message, openingCall: undefined };
    case 'check-started':
      return withRun(state, event.stepId, (run) => ({ ...run, running: [...run.running.filter((id) => id !== event.id), event.id] }));
    case 'check-done':
      return withRun(state, event.stepId, (run) => ({
        ...run,
        running: run.running.filter((id) => id !== event.finding.id),
        findings: { ...run.findings, [event.finding.id]: event.finding },
      }));
    case 'step-done': {
      const done = withRun(state, event.stepId, () => ({
        state: 'done',
        running: [],
        findings: Object.fromEntries(event.findings.map((f) => [f.id, f])),
        trouble: event.trouble,
      }));
      const banner: Banner | undefined =
        event.trouble && event.stepId === state.current ? { tone: 'error', text: `${event.trouble} Press r to reconnect and check again.` } : state.banner;
      return enqueue({ ...done, banner }, { type: 'save-position', position: position(done) });
    }
    case 'step-failed': {
      const failed = withRun(state, event.stepId, (run) => ({ ...run, state: 'error', running: [], trouble: event.message }));
      return event.stepId === state.current ? { ...failed, banner: { tone: 'error', text: `${event.message} Press r to try again.` } } : failed;
    }
    case 'preview-ready': {
      const screen = state.screen;
      if (screen.name !== 'plan' || screen.id !== event.findingId) return state;
      const shown: WizardState = { ...state, screen: { ...screen, preview: event.preview } };
      return screen.thenConfirm ? askToApply(shown, screen.id, event.preview) : shown;
    }
    case 'preview-failed': {
      const screen = state.screen;
      if (screen.name !== 'plan' || screen.id !== event.findingId) return state;
      return { ...state, screen: { ...screen, error: event.message } };
    }
    case 'apply-progress': {
      const screen = state.screen;
      if (screen.name !== 'applying') return state;
      const actions = screen.actions.map((a, i) => (i === event.index ? { ...a, status: event.status, message: event.message } : a));
      return { ...state, screen: { ...screen, actions } };
    }
    case 'apply-done': {
      const screen = state.screen;
      if (screen.name !== 'applying') return state;
      let next: WizardState = { ...state, screen: { ...screen, result: event.result } };
      for (const v of event.result.verified) next = applyVerified(next, v);
      return {
        ...next,
        fixed: [...state.fixed, { remediation: screen.preview.plan.remediation, title: screen.preview.plan.title, ok: event.result.ok }],
      };
    }
    case 'apply-failed': {
      const screen = state.screen;
      if (screen.name !== 'applying') return state;
      return { ...state, screen: { ...screen, error: event.message } };
    }
    case 'form-ready':
      return { ...state, screen: { name: 'form', id: event.findingId, form: event.form }, scroll: 0 };
    case 'form-saved': {
      const step = currentStep(state);
      const back: WizardState = {
        ...state,
        recorded: [...state.recorded, event.recorded],
        screen: { name: 'checks' },
        scroll: 0,
        banner: { tone: 'good', text: `${event.recorded.kind === 'decision' ? 'Decision' : 'Attestation'} recorded in ${event.where}.` },
      };
      // Evaluate the step again so the new record shows (collected data is reused, nothing is re-read).
      return step ? enqueue(withRun(back, step.id, (run) => ({ ...run, state: 'checking' })), { type: 'run-step', stepId: step.id }) : back;
    }
    case 'summary-facts':
      return { ...state, facts: event.facts };
    case 'report-written':
      return { ...state, report: { status: 'written', ...event.written }, banner: { tone: 'good', text: `Report written to ${event.written.file}` } };
    case 'report-failed':
      return { ...state, report: { status: 'failed', message: event.message }, banner: { tone: 'error', text: event.message } };
    case 'form-failed': {
      const screen = state.screen;
      if (screen.name !== 'form') return state;
      return { ...state, screen: { ...screen, form: { ...screen.form, saving: false, error: event.message } } };
    }
  }
}

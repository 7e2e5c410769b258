import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/model.js';
import { decisionForm, decisionProblem, editForm } from '../../src/ui/forms.js';
import { closingLines, walkExitCode } from '../../src/ui/run.js';
import { initialState, reduce, type StepOutline, stepLabel, type WizardEvent, type WizardState } from '../../src/wizard/state.js';

const steps: StepOutline[] = [1, 2].map((n) => ({
  id: `0${n}-step`,
  number: n,
  title: `Step ${n}`,
  intro: 'Why it matters.',
  hipaa: [],
  hitrust: [],
  items: [
    { id: `check-${n}a`, title: `Check ${n}a`, kind: 'check' },
    { id: `check-${n}b`, title: `Check ${n}b`, kind: 'check' },
  ],
}));

const finding = (id: string, status: Finding['status'], obligation: 'required' | 'addressable' = 'addressable'): Finding => ({
  kind: 'check',
  id,
  stepId: '01-step',
  title: id,
  status,
  evaluated: status,
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation },
  hitrust: [],
  message: `${id} message.`,
  why: 'Because.',
  resources: [],
});

const key = (input: string, k: Record<string, boolean> = {}): WizardEvent => ({ type: 'key', input, key: k });
const run = (s: WizardState, ...events: WizardEvent[]) => events.reduce(reduce, s);
const opened: WizardEvent = {
  type: 'opened',
  session: { mode: 'demo', accountId: '210987654321', caller: 'arn:aws:iam::210987654321:user/dana', regions: ['us-east-1'], warnings: [], recordsDir: '/r' },
};

describe('the wizard reducer', () => {
  it('asks to open the account first and ignores walk keys until it is open', () => {
    const s = initialState(steps);
    expect(s.queue.map((q) => q.effect.type)).toEqual(['open']);
    expect(run(s, key('', { return: true })).screen.name).toBe('intro');
  });

  it('applies keys that arrive together to the latest state (down, then enter opens the second finding)', () => {
    let s = run(initialState(steps), opened, key('', { return: true }));
    expect(s.runs['01-step']?.state).toBe('checking');
    s = run(s, { type: 'step-done', stepId: '01-step', findings: [finding('check-1a', 'pass'), finding('check-1b', 'fail')] });
    s = run(s, key('', { downArrow: true }), key('', { return: true }));
    expect(s.screen).toEqual({ name: 'finding', id: 'check-1b' });
    expect(stepLabel(s, '01-step').text).toBe('1 failing');
    expect(stepLabel(s, '02-step').text).toBe('not started');
  });

  it('jumps to a step by number and saves the position', () => {
    const s = run(initialState(steps), opened, key('2'));
    expect(s.current).toBe('02-step');
    expect(s.queue.at(-1)?.effect).toEqual({ type: 'save-position', position: { stepId: '02-step', done: [] } });
  });

  it('keeps --step over the saved position but still remembers the steps done before', () => {
    const s = run(initialState(steps, '02-step'), { ...opened, position: { stepId: '01-step', done: ['01-step'] } } as WizardEvent);
    expect(s.current).toBe('02-step');
    expect(stepLabel(s, '01-step').text).toBe('checked before');
  });

  it('lets nothing be applied to the demo account', () => {
    let s = run(initialState(steps), opened, key('', { return: true }), {
      type: 'step-done',
      stepId: '01-step',
      findings: [{ ...finding('check-1a', 'fail'), remediation: 'fix-1a' }, finding('check-1b', 'pass')],
    });
    s = run(s, key('', { return: true }), key('a'));
    expect(s.queue.at(-1)?.effect).toEqual({ type: 'preview', findingId: 'check-1a', remediation: 'fix-1a' });
    const plan = { remediation: 'fix-1a', checks: ['check-1a'], risk: 'safe' as const, title: 'Fix', actions: [{ effect: '~' as const, service: 'iam', command: 'X', input: {}, region: 'us-east-1', resource: 'account', summary: 'Change it.', reversible: true }], basis: '', createdAt: '', notes: [] };
    s = run(s, { type: 'preview-ready', findingId: 'check-1a', preview: { plan, lines: [], confirm: { kind: 'yes-no' } } });
    expect(s.screen.name).toBe('plan');
    expect(s.banner?.text).toContain('demo account: nothing can be changed');
  });
});

describe('the decision form', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('needs a reason unless the safeguard is implemented, and a future review date', () => {
    const f = finding('check-1a', 'fail');
    const form = decisionForm(f, now, 'dana');
    expect(decisionProblem(form.values, f, now)).toContain('Give a reason');
    expect(decisionProblem({ ...form.values, status: 'risk-accepted', reason: 'Because we said so.', reviewBy: '2026-01-01' }, f, now)).toContain('in the future');
    expect(decisionProblem({ ...form.values, reason: 'An equivalent is in place.' }, f, now)).toContain('Name the alternative measure');
    expect(decisionProblem({ ...form.values, status: 'risk-accepted', reason: 'Accepted until March.' }, f, now)).toBeUndefined();
    // A date that names no real day is refused, as decide refuses it.
    expect(decisionProblem({ ...form.values, status: 'risk-accepted', reason: 'Accepted until March.', reviewBy: '2027-02-30' }, f, now)).toBe('The review date must be a date like 2027-06-30.');
  });

  it('refuses "not reasonable" on a required specification', () => {
    const f = finding('check-1a', 'fail', 'required');
    expect(decisionProblem({ status: 'not-reasonable', reason: 'Too costly.', decidedBy: 'dana', reviewBy: '2027-01-01' }, f, now)).toContain(
      'which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3))',
    );
    expect(decisionProblem({ status: 'alternative', reason: 'Too costly.', alternative: 'Something else.', decidedBy: 'dana', reviewBy: '2027-01-01' }, f, now)).toContain(
      'an equivalent alternative measure may stand in only for an addressable specification',
    );
  });

  it('on a required specification does not offer not-reasonable or alternative, and says why', () => {
    const f = { ...finding('console-users-mfa', 'fail', 'required'), hipaa: { section: '164.312(d)', obligation: 'required' as const } };
    const form = decisionForm(f, now, 'dana');
    const status = form.fields.find((x) => x.name === 'status');
    expect(status?.choices).toEqual(['implemented', 'risk-accepted', 'not-applicable']);
    expect(status?.help).toContain(
      '§164.312(d) (Person or entity authentication) is a required specification, so "not-reasonable" and "alternative" are not offered: only addressable specifications may be documented as not reasonable, with an equivalent alternative measure, under §164.306(d)(3).',
    );
    // Cycling the choices never lands on a refused one.
    let s = form;
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      s = editForm(s, '', { rightArrow: true });
      seen.add(s.values.status ?? '');
    }
    expect([...seen].sort()).toEqual(['implemented', 'not-applicable', 'risk-accepted']);
    expect(editForm(form, 'n', {}).values.status).toBe('not-applicable');
    // An addressable specification keeps every choice.
    expect(decisionForm(finding('check-1a', 'fail'), now, 'dana').fields[0]?.choices).toEqual(['implemented', 'alternative', 'not-reasonable', 'risk-accepted', 'not-applicable']);
  });

  it('cycles choices with the arrows and picks one by its first letter', () => {
    const form = decisionForm(finding('check-1a', 'fail'), now, 'dana');
    expect(editForm(form, '', { rightArrow: true }).values.status).toBe('not-reasonable');
    expect(editForm(form, 'i', {}).values.status).toBe('implemented');
  });

  it('writes the report from the summary with w once, naming the steps checked, and shows where it went', () => {
    let s = run(initialState(steps), opened, key('', { return: true }));
    s = run(s, { type: 'step-done', stepId: '01-step', findings: [finding('check-1a', 'pass')] }, key('q'));
    expect(s.screen.name).toBe('summary');
    s = run(s, key('w'), key('w'));
    const writes = s.queue.filter((q) => q.effect.type === 'write-report').map((q) => q.effect);
    expect(writes).toEqual([{ type: 'write-report', checked: ['01-step'] }]);
    expect(s.report).toEqual({ status: 'writing' });
    s = run(s, { type: 'report-written', written: { file: '/here/hipaa-report.html', steps: 12, whole: true } });
    expect(s.banner).toEqual({ tone: 'good', text: 'Report written to /here/hipaa-report.html' });
    expect(s.screen.name).toBe('summary');
    s = run(s, key('w'), { type: 'report-failed', message: 'Cannot write the report to /here/x.html: permission denied.' });
    expect(s.banner).toEqual({ tone: 'error', text: 'Cannot write the report to /here/x.html: permission denied.' });
  });
});

describe('intents (plain mode) and keys (Ink) lead to the same transitions', () => {
  const intent = (i: Extract<WizardEvent, { type: 'intent' }>['intent']): WizardEvent => ({ type: 'intent', intent: i });
  const live: WizardEvent = { ...(opened as Extract<WizardEvent, { type: 'opened' }>), session: { ...(opened as Extract<WizardEvent, { type: 'opened' }>).session, mode: 'live' } };
  const plan = { remediation: 'fix-b', title: 'Fix b', risk: 'disruptive', actions: [{ summary: 'Change b.', reversible: true }] } as unknown as import('../../src/engine/model.js').Plan;
  const atConfirm = () =>
    run(
      initialState(steps),
      live,
      { type: 'step-done', stepId: '01-step', findings: [finding('check-1a', 'fail'), { ...finding('check-1b', 'fail'), remediation: 'fix-b' }] },
      intent({ do: 'next-finding' }),
      intent({ do: 'next-finding', after: 'check-1a' }),
      intent({ do: 'preview', id: 'check-1b', thenConfirm: true }),
      { type: 'preview-ready', findingId: 'check-1b', preview: { plan, lines: [], confirm: { kind: 'word', word: 'fix-b' } } },
    );

  it('walks to the next open finding and asks to confirm a previewed fix', () => {
    const s = atConfirm();
    expect(s.screen).toMatchObject({ name: 'confirm', id: 'check-1b' });
    expect(s.queue.map((q) => q.effect)).toContainEqual({ type: 'preview', findingId: 'check-1b', remediation: 'fix-b' });
  });

  it('a confirmation that is not the fix id cancels, and the fix id applies', () => {
    const cancelled = run(atConfirm(), intent({ do: 'confirm', answer: 'apply' }));
    expect(cancelled.screen.name).toBe('plan');
    expect(cancelled.banner?.text).toBe('Cancelled: nothing was changed.');
    expect(cancelled.queue.some((q) => q.effect.type === 'apply')).toBe(false);
    const applied = run(atConfirm(), intent({ do: 'confirm', answer: 'fix-b' }));
    expect(applied.screen.name).toBe('applying');
    expect(applied.queue.map((q) => q.effect.type)).toContain('apply');
  });

  it('the same answer typed as keys in the Ink confirm screen applies too', () => {
    const typed = run(atConfirm(), ...'fix-b'.split('').map((c) => key(c)), key('', { return: true }));
    expect(typed.screen.name).toBe('applying');
  });
});

describe('Ctrl-C in the wizard', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const ctrlC = key('c', { ctrl: true });
  const atChecks = () => run(initialState(steps), opened, key('', { return: true }), { type: 'step-done', stepId: '01-step', findings: [finding('check-1a', 'fail'), finding('check-1b', 'pass')] });
  const atForm = () => run(atChecks(), { type: 'form-ready', findingId: 'check-1a', form: decisionForm(finding('check-1a', 'fail'), now, 'dana') });
  const exits = (s: WizardState) => s.exiting && s.queue.some((q) => q.effect.type === 'exit');

  it('ends the walk at once on a screen with nothing unsaved, marked interrupted (exit code 130)', () => {
    const s = run(atChecks(), ctrlC);
    expect(exits(s)).toBe(true);
    expect(s.interrupted).toEqual({ dropped: undefined });
    expect(walkExitCode(s)).toBe(130);
    expect(closingLines(s).at(-1)).toBe('Interrupted (Ctrl-C): nothing was recorded or applied this session.');
  });

  it('over a form with typing in it, warns first; a second Ctrl-C drops the form and says so', () => {
    const typed = run(atForm(), key('', { downArrow: true }), ...'Paper'.split('').map((c) => key(c)));
    expect(typed.screen.name === 'form' && typed.screen.form.values.reason).toBe('Paper');
    const once = run(typed, ctrlC);
    expect(exits(once)).toBe(false);
    expect(once.banner?.text).toBe('This form is not saved. Ctrl-C again quits and drops it; Enter saves it, Esc goes back to the finding.');
    // The letter c typed with Ctrl is not typed into the field.
    expect(once.screen.name === 'form' && once.screen.form.values.reason).toBe('Paper');
    const twice = run(once, ctrlC);
    expect(exits(twice)).toBe(true);
    expect(twice.interrupted).toEqual({ dropped: { kind: 'decision', subject: 'check-1a' } });
    expect(closingLines(twice).at(-1)).toBe('Interrupted (Ctrl-C): nothing was recorded or applied this session; the unsaved decision form for check-1a was dropped.');
  });

  it('another key after the warning takes it back: the next Ctrl-C warns again', () => {
    const typed = run(atForm(), key('', { downArrow: true }), key('x'));
    const s = run(typed, ctrlC, key('y'), ctrlC);
    expect(exits(s)).toBe(false);
    expect(s.screen.name === 'form' && s.screen.form.values.reason).toBe('xy');
  });

  it('an untouched form is dropped without asking', () => {
    expect(exits(run(atForm(), ctrlC))).toBe(true);
  });

  it('while a fix is being applied, waits for it to finish, then ends the walk', () => {
    const plan = { remediation: 'fix-a', title: 'Fix a', risk: 'safe', actions: [{ summary: 'Change a.', reversible: true }] } as unknown as import('../../src/engine/model.js').Plan;
    const applying = run(atChecks(), {
      type: 'intent',
      intent: { do: 'open-finding', id: 'check-1a' },
    });
    const s0: WizardState = { ...applying, screen: { name: 'applying', id: 'check-1a', preview: { plan, lines: [], confirm: { kind: 'key' } } as never, actions: [{ summary: 'Change a.', status: 'running' }] as never } };
    const pressed = run(s0, ctrlC, key('q'));
    expect(exits(pressed)).toBe(false);
    expect(pressed.banner?.text).toBe('Quitting as soon as the fix being applied finishes (its journal records every call, so undo stays possible).');
    const done = run(pressed, { type: 'apply-done', result: { ok: true, message: 'Applied.', verified: [] } });
    expect(exits(done)).toBe(true);
    expect(walkExitCode(done)).toBe(130);
    expect(closingLines(done).at(-1)).toBe('Interrupted (Ctrl-C): what was recorded and applied before it is kept.');
  });

  it('an account that could not be opened ends with exit code 2 and its sentence', () => {
    const failed = run(initialState(steps), { type: 'open-failed', message: 'No AWS credentials were found.' });
    const s = run(failed, key('q'));
    expect(exits(s)).toBe(true);
    expect(walkExitCode(s)).toBe(2);
    expect(closingLines(s)).toEqual([`hipaa-wizard: ${s.failure}`]);
    expect(s.failure).toContain('No AWS credentials were found.');
  });
});

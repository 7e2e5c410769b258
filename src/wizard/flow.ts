/**
 * The wizard flow as one running thing, for both drivers: it holds the reducer's state, feeds it
 * events (a key from the Ink screen, an intent from plain mode, the answer of a service), and runs
 * the effects the reducer queues against the walk's services. The Ink wizard subscribes to it and
 * draws; plain mode dispatches intents, waits until the flow is settled, and prints. Neither keeps
 * flow state of its own.
 *
 * Opening the account is a barrier: every later effect waits for the latest open to settle, so a
 * retry's reconnect always happens before the step it re-runs.
 */
import { FormProblem, type WalkServices } from './services.js';
import { sentence } from './sentence.js';
import { type Effect, findingOf, initialState, reduce, type StepOutline, type WizardEvent, type WizardState } from './state.js';

export interface Flow {
  /** The latest state. */
  readonly state: WizardState;
  /** Reduces one event and starts the effects it queued. */
  dispatch(event: WizardEvent): void;
  /** Calls `listener` after every event, with the event and the state it led to; returns the unsubscribe. */
  subscribe(listener: (event: WizardEvent, state: WizardState) => void): () => void;
  /** Starts running effects (the first one opens the account); the Ink driver calls it once mounted. */
  start(): void;
  /** Resolves once no effect is running or waiting: every answer the last events asked for has arrived. */
  settled(): Promise<void>;
}

export interface FlowOptions {
  readonly services: WalkServices;
  readonly steps: readonly StepOutline[];
  /** The step to open first (--step); otherwise the saved position, or step 1. */
  readonly startAt?: string;
  /** Called once with the final state when the person exits (the `exit` effect). */
  readonly onExit?: (state: WizardState) => void;
}

export function createFlow(options: FlowOptions): Flow {
  const { services } = options;
  let state = initialState(options.steps, options.startAt);
  let started = false;
  let opening: Promise<unknown> = Promise.resolve();
  let running = 0;
  const idle: (() => void)[] = [];
  const listeners = new Set<(event: WizardEvent, state: WizardState) => void>();

  const finishOne = () => {
    running--;
    if (running === 0 && state.queue.length === 0) for (const resolve of idle.splice(0)) resolve();
  };

  const drain = () => {
    if (!started) return;
    while (state.queue.length > 0) {
      const { id, effect } = state.queue[0] as WizardState['queue'][number];
      dispatch({ type: 'effect-started', id });
      running++;
      const run = () => perform(effect, services, dispatch, () => state, options.onExit ?? (() => {}));
      // Everything waits for the account to be open, except quitting: it aborts the opening (a hung endpoint).
      const job = effect.type === 'exit' ? Promise.resolve().then(run) : opening.then(run);
      if (effect.type === 'open') opening = job.catch(() => {});
      job.catch(() => {}).finally(finishOne);
    }
  };

  function dispatch(event: WizardEvent): void {
    state = reduce(state, event);
    for (const listener of listeners) listener(event, state);
    if (event.type !== 'effect-started') drain();
  }

  return {
    get state() {
      return state;
    },
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (started) return;
      started = true;
      drain();
    },
    settled() {
      if (running === 0 && (state.queue.length === 0 || !started)) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}

/** Runs one effect against the services and answers with events. */
export async function perform(
  effect: Effect,
  services: WalkServices,
  dispatch: (e: WizardEvent) => void,
  current: () => WizardState,
  onExit: (state: WizardState) => void,
): Promise<void> {
  switch (effect.type) {
    case 'open':
      try {
        const { session, position } = await services.open(effect.reconnect, (call) => dispatch({ type: 'opening-call', call, at: Date.now() }));
        dispatch({ type: 'opened', session, position });
      } catch (e) {
        dispatch({ type: 'open-failed', message: sentence(e) });
      }
      return;
    case 'run-step':
      try {
        const { findings, trouble } = await services.runStep(effect.stepId, {
          started: (id) => dispatch({ type: 'check-started', stepId: effect.stepId, id }),
          done: (finding) => dispatch({ type: 'check-done', stepId: effect.stepId, finding }),
        });
        dispatch({ type: 'step-done', stepId: effect.stepId, findings, trouble });
      } catch (e) {
        dispatch({ type: 'step-failed', stepId: effect.stepId, message: sentence(e) });
      }
      return;
    case 'preview':
      try {
        dispatch({ type: 'preview-ready', findingId: effect.findingId, preview: await services.preview(effect.remediation) });
      } catch (e) {
        dispatch({ type: 'preview-failed', findingId: effect.findingId, message: sentence(e) });
      }
      return;
    case 'apply':
      try {
        const result = await services.apply(effect.plan, (index, status, message) => dispatch({ type: 'apply-progress', index, status, message }));
        dispatch({ type: 'apply-done', result });
      } catch (e) {
        dispatch({ type: 'apply-failed', message: sentence(e) });
      }
      return;
    case 'open-form': {
      const finding = findingOf(current(), effect.findingId);
      if (!finding) return;
      try {
        dispatch({ type: 'form-ready', findingId: effect.findingId, form: await services.openForm(finding, effect.kind) });
      } catch (e) {
        dispatch({ type: 'form-failed', message: sentence(e) });
      }
      return;
    }
    case 'save-form': {
      const finding = findingOf(current(), effect.findingId);
      if (!finding) return;
      try {
        const { recorded, where } = await services.saveForm(effect.form, finding);
        dispatch({ type: 'form-saved', recorded, where });
      } catch (e) {
        dispatch({ type: 'form-failed', message: e instanceof FormProblem ? e.message : `Could not save to the records folder: ${sentence(e)}` });
      }
      return;
    }
    case 'save-position':
      // The resume point is a convenience; failing to save it must not interrupt the walk.
      await services.savePosition(effect.position).catch(() => {});
      return;
    case 'summary-facts':
      // The summary is complete without these facts; a folder that cannot be read only loses the line.
      await services
        .summaryFacts()
        .then((facts) => dispatch({ type: 'summary-facts', facts }))
        .catch(() => {});
      return;
    case 'write-report':
      try {
        dispatch({ type: 'report-written', written: await services.writeReport(effect.checked) });
      } catch (e) {
        dispatch({ type: 'report-failed', message: e instanceof FormProblem ? e.message : `The report could not be written: ${sentence(e)}` });
      }
      return;
    case 'exit':
      services.close();
      onExit(current());
      return;
  }
}

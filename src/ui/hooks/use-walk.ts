/**
 * Runs the reducer's effects against the walk's services and feeds the results back as events.
 * Opening the account is a barrier: every later effect waits for the latest open to settle, so a
 * retry's reconnect always happens before the step it re-runs.
 */
import { useEffect, useReducer, useRef } from 'react';
import { FormProblem, type WalkServices } from '../walk.js';
import { sentence } from '../sentence.js';
import { type Effect, findingOf, initialState, reduce, type StepOutline, type WizardEvent, type WizardState } from '../state.js';

export function useWalk(services: WalkServices, steps: readonly StepOutline[], onExit: (state: WizardState) => void, startAt?: string) {
  const [state, dispatch] = useReducer(reduce, steps, (s) => initialState(s, startAt));
  const started = useRef(new Set<number>());
  const latest = useRef(state);
  latest.current = state;
  const opening = useRef<Promise<unknown>>(Promise.resolve());
  const exit = useRef(onExit);
  exit.current = onExit;

  useEffect(() => {
    for (const { id, effect } of state.queue) {
      if (started.current.has(id)) continue;
      started.current.add(id);
      dispatch({ type: 'effect-started', id });
      const job = opening.current.then(() => perform(effect, services, dispatch, () => latest.current, exit.current));
      if (effect.type === 'open') opening.current = job.catch(() => {});
    }
  }, [state.queue, services]);

  return [state, dispatch] as const;
}

async function perform(
  effect: Effect,
  services: WalkServices,
  dispatch: (e: WizardEvent) => void,
  current: () => WizardState,
  onExit: (state: WizardState) => void,
): Promise<void> {
  switch (effect.type) {
    case 'open':
      try {
        const { session, position } = await services.open(effect.reconnect);
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

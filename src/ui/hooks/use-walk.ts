/**
 * The Ink driver's hold on the wizard flow (src/wizard/flow.ts): one flow per mounted wizard, its
 * state read through React's external-store hook. Keys go to the flow's reducer as they arrive, so
 * keys that come in the same tick (a paste, Down then Enter) each see the latest state; the flow
 * runs the effects. The account is opened once the first frame is mounted.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createFlow } from '../../wizard/flow.js';
import type { WalkServices } from '../../wizard/services.js';
import type { StepOutline, WizardEvent, WizardState } from '../../wizard/state.js';

export function useWalk(services: WalkServices, steps: readonly StepOutline[], onExit: (state: WizardState) => void, startAt?: string) {
  const exit = useRef(onExit);
  exit.current = onExit;
  const [flow] = useState(() => createFlow({ services, steps, startAt, onExit: (s) => exit.current(s) }));
  const state = useSyncExternalStore(
    (changed) => flow.subscribe(changed),
    () => flow.state,
  );
  useEffect(() => flow.start(), [flow]);
  return [state, flow.dispatch as (event: WizardEvent) => void] as const;
}

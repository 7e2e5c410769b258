import { summaryLines } from '../lines.js';
import type { WizardState } from '../../wizard/state.js';
import { LinesView } from './lines-view.js';

export interface SummaryProps {
  readonly state: WizardState;
  readonly width: number;
  readonly height: number;
}

/** Where the account stands: each category, what was fixed and decided, where the records are. */
export function Summary({ state, width, height }: SummaryProps): React.JSX.Element {
  return <LinesView lines={summaryLines(state, width)} scroll={state.scroll} height={height} />;
}

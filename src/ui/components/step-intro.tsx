import { introLines } from '../lines.js';
import type { StepOutline } from '../../wizard/state.js';
import { LinesView } from './lines-view.js';

export interface StepIntroProps {
  readonly step: StepOutline;
  readonly width: number;
  readonly height: number;
  readonly scroll: number;
}

/** A step's opening: why it matters, what HIPAA asks (required or addressable), what is checked. */
export function StepIntro({ step, width, height, scroll }: StepIntroProps): React.JSX.Element {
  return <LinesView lines={introLines(step, width)} scroll={scroll} height={height} />;
}

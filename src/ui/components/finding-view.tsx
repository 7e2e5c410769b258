import type { Finding } from '../../engine/model.js';
import { findingLines } from '../lines.js';
import { LinesView } from './lines-view.js';

export interface FindingViewProps {
  readonly finding: Finding;
  readonly width: number;
  readonly height: number;
  readonly scroll: number;
}

/** One finding: what is wrong, why it matters, the citation, every affected resource, the ways forward. */
export function FindingView({ finding, width, height, scroll }: FindingViewProps): React.JSX.Element {
  return <LinesView lines={findingLines(finding, width)} scroll={scroll} height={height} />;
}

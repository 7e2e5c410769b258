import { Box, Text } from 'ink';
import type { PlanPreview } from '../../wizard/state.js';
import { planLines } from '../lines.js';
import { Spinner } from './spinner.js';
import { LinesView } from './lines-view.js';

export interface PlanViewProps {
  readonly preview?: PlanPreview;
  readonly error?: string;
  readonly width: number;
  readonly height: number;
  readonly scroll: number;
}

/** The dry-run of a fix: each action's effect, resource, region, CLI equivalent and undo, then the count. */
export function PlanView({ preview, error, width, height, scroll }: PlanViewProps): React.JSX.Element {
  if (error) {
    return (
      <Box flexDirection="column">
        <Text bold>The fix could not be planned</Text>
        <Text wrap="wrap">{error}</Text>
      </Box>
    );
  }
  if (!preview) {
    return (
      <Text>
        <Spinner /> Reading what the fix needs and making the plan…
      </Text>
    );
  }
  return <LinesView lines={planLines(preview, width)} scroll={scroll} height={height} />;
}

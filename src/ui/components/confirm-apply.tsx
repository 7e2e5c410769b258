import { Box, Text } from 'ink';
import { countLine, planCounts } from '../../engine/plan.js';
import type { PlanPreview } from '../../wizard/state.js';
import { toneColor, useTheme } from '../theme.js';

export interface ConfirmApplyProps {
  readonly preview: PlanPreview;
  readonly typed: string;
  readonly error?: string;
}

const RISK_SENTENCE = {
  safe: 'It is safe and can be undone from the journal.',
  disruptive: 'It may disrupt running workloads.',
  costly: 'It adds charges to the AWS bill.',
  irreversible: 'Part of it cannot be undone.',
} as const;

/** The question before anything changes: yes/no for a reversible fix, a typed word for the rest. */
export function ConfirmApply({ preview, typed, error }: ConfirmApplyProps): React.JSX.Element {
  const theme = useTheme();
  const { plan, confirm } = preview;
  return (
    <Box flexDirection="column">
      <Text bold>{`Apply "${plan.title}"?`}</Text>
      <Text> </Text>
      <Text wrap="wrap">{`${countLine(planCounts(plan))} ${RISK_SENTENCE[plan.risk]}`}</Text>
      {plan.notes.map((n) => (
        <Text key={n} wrap="wrap" color={toneColor(theme, 'warn')}>{`- ${n}`}</Text>
      ))}
      <Text> </Text>
      {confirm.kind === 'yes-no' ? (
        <Text bold>Apply these changes to the account? (y/n)</Text>
      ) : (
        <Box flexDirection="column">
          <Text bold wrap="wrap">{`To apply, type ${confirm.word} and press enter (esc cancels):`}</Text>
          <Text>{`> ${typed}█`}</Text>
        </Box>
      )}
      {error ? <Text color={toneColor(theme, 'bad')}>{error}</Text> : null}
    </Box>
  );
}

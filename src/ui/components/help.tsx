import { Box, Text } from 'ink';

const KEYS: readonly [string, string][] = [
  ['enter', 'run a step\'s checks, open the selected finding, go on'],
  ['↑ ↓', 'move in a list, scroll a long pane (PgUp/PgDn for pages)'],
  ['n', 'next step'],
  ['[ ]', 'previous / next step'],
  ['1 … 9, 0', 'jump to step 1 … 9, 10 (tab for 11 and 12)'],
  ['tab', 'move to the step list and back'],
  ['p', 'preview the fix for a finding (nothing changes)'],
  ['a', 'apply the fix, after showing the plan and asking you'],
  ['d', 'record a decision: accepted risk, alternative measure, not applicable…'],
  ['t', 'answer an attestation'],
  ['s', 'skip to the next finding that needs attention'],
  ['r', 'retry after a lost connection'],
  ['esc', 'back, or cancel a form'],
  ['q', 'finish: the summary, then enter to exit'],
];

/** The help screen (`?`): every key, and where answers are kept. */
export function Help({ recordsDir }: { readonly recordsDir?: string }): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text bold>Help</Text>
      <Text> </Text>
      {KEYS.map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          <Text bold>{k.padEnd(10)}</Text>
          {what}
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="wrap">
        Every decision and attestation is saved at once{recordsDir ? ` in ${recordsDir}` : ''}; quitting and starting again resumes where you left off.
        Nothing in the account changes without a plan you have seen and a confirmation. For a screen reader, run hipaa-wizard --plain.
      </Text>
    </Box>
  );
}

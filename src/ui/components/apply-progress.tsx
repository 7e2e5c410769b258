import { Box, Text } from 'ink';
import type { ActionProgress, ApplyResult } from '../../wizard/state.js';
import { clip } from '../text.js';
import { STATUS_TONE, STATUS_WORD, toneColor, useTheme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface ApplyProgressProps {
  readonly title: string;
  readonly actions: readonly ActionProgress[];
  readonly result?: ApplyResult;
  readonly error?: string;
  readonly width: number;
}

const MARK = { waiting: '·', done: '✔', failed: '✘', skipped: '–' } as const;

/** Apply in progress, one line per action, then what the re-check found. */
export function ApplyProgress({ title, actions, result, error, width }: ApplyProgressProps): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>{`Applying: ${title}`}</Text>
      <Text> </Text>
      {actions.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: actions are listed in plan order and never move
        <Text key={i} wrap="truncate-end">
          {a.status === 'running' ? <Spinner /> : <Text color={toneColor(theme, a.status === 'done' ? 'good' : a.status === 'failed' ? 'bad' : undefined)}>{MARK[a.status]}</Text>}
          {` ${clip(a.summary, width - 4)}`}
          {a.message ? <Text dimColor>{` ${a.message}`}</Text> : null}
        </Text>
      ))}
      <Text> </Text>
      {error ? <Text color={toneColor(theme, 'bad')} wrap="wrap">{error}</Text> : null}
      {result ? (
        <Box flexDirection="column">
          <Text color={toneColor(theme, result.ok ? 'good' : 'bad')} bold wrap="wrap">
            {result.message}
          </Text>
          {result.verified.map((v) => (
            <Text key={v.id} wrap="wrap">
              <Text color={toneColor(theme, STATUS_TONE[v.status])}>{`Re-checked: ${STATUS_WORD[v.status]}`}</Text>
              {` ${v.message}`}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

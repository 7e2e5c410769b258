import { Box, Text } from 'ink';
import type { SessionInfo } from '../../wizard/state.js';
import { clip } from '../text.js';
import { toneColor, useTheme } from '../theme.js';

export interface HeaderProps {
  readonly session?: SessionInfo;
  readonly width: number;
  /** "step 3 of 12", shown when the side list is hidden on a narrow terminal. */
  readonly where?: string;
}

/** The top line: account, mode, regions; the second: who is calling. */
export function Header({ session, width, where }: HeaderProps): React.JSX.Element {
  const theme = useTheme();
  if (!session) {
    return (
      <Box flexDirection="column">
        <Text bold>hipaa-wizard</Text>
        <Text dimColor>Opening the account…</Text>
      </Box>
    );
  }
  const mode = session.mode.toUpperCase();
  const account = session.alias ? `${session.alias} (${session.accountId})` : session.accountId;
  const right = session.regions.join(', ');
  const tone = session.mode === 'live' ? 'bad' : 'accent';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>hipaa-wizard</Text>
        <Text> · </Text>
        <Text bold inverse={!theme.color} color={toneColor(theme, tone)}>{` ${mode} `}</Text>
        {where ? <Text bold>{` · ${where}`}</Text> : null}
        <Text>{` · account ${clip(account, Math.max(12, width - mode.length - right.length - 30))} · ${right}`}</Text>
      </Text>
      <Text dimColor wrap="truncate-end">{`caller ${session.caller}`}</Text>
    </Box>
  );
}

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

/** Narrower than this, the header splits the account onto its own line. */
const NARROW = 60;

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
  const { account, right } = headerParts(session, width - 1 - `hipaa-wizard ·  ${mode}  · account  · `.length - (where ? ` · ${where}`.length : 0));
  const tone = session.mode === 'live' ? 'bad' : 'accent';
  if (width < NARROW) {
    // Too narrow for one line: the mode and place first, then the whole account id and the caller's name.
    const who = session.caller.split('/').at(-1) ?? session.caller;
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end">
          <Text bold inverse={!theme.color} color={toneColor(theme, tone)}>{` ${mode} `}</Text>
          {where ? <Text bold>{` · ${where}`}</Text> : null}
          <Text>{` · ${session.regions.length} region${session.regions.length === 1 ? '' : 's'}`}</Text>
        </Text>
        <Text wrap="truncate-end">{`account ${session.accountId}${who.length + session.accountId.length + 11 <= width - 1 ? ` · ${who}` : ''}`}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>hipaa-wizard</Text>
        <Text> · </Text>
        <Text bold inverse={!theme.color} color={toneColor(theme, tone)}>{` ${mode} `}</Text>
        {where ? <Text bold>{` · ${where}`}</Text> : null}
        <Text>{` · account ${account} · ${right}`}</Text>
      </Text>
      <Text dimColor wrap="truncate-end">{`caller ${session.caller}`}</Text>
    </Box>
  );
}

/**
 * The account and regions in `room` characters: the account id is never cut; the regions become
 * "N regions" and then the alias is shortened when the line is too narrow for them.
 */
export function headerParts(session: SessionInfo, room: number): { account: string; right: string } {
  const all = session.regions.join(', ');
  const count = `${session.regions.length} region${session.regions.length === 1 ? '' : 's'}`;
  const id = session.accountId;
  const full = session.alias ? `${session.alias} (${id})` : id;
  const right = full.length + all.length <= room ? all : count;
  const left = room - right.length;
  if (!session.alias || full.length <= left) return { account: full, right };
  const aliasRoom = left - id.length - 3;
  return { account: aliasRoom >= 4 ? `${clip(session.alias, aliasRoom)} (${id})` : id, right };
}

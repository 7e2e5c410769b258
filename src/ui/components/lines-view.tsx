import { Box, Text } from 'ink';
import { clampScroll, type Line } from '../text.js';
import { toneColor, useTheme } from '../theme.js';

export interface LinesViewProps {
  readonly lines: readonly Line[];
  readonly scroll: number;
  readonly height: number;
}

/** A scrolling pane of prepared lines, with a note when more lies above or below. */
export function LinesView({ lines, scroll, height }: LinesViewProps): React.JSX.Element {
  const theme = useTheme();
  const room = Math.max(1, height);
  const overflow = lines.length > room;
  const body = overflow ? room - 1 : room;
  const top = clampScroll(scroll, lines.length, body);
  const shown = lines.slice(top, top + body);
  const below = lines.length - top - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
        <Text key={top + i} color={toneColor(theme, l.tone)} bold={l.bold} dimColor={l.dim} wrap="truncate-end">
          {l.text || ' '}
        </Text>
      ))}
      {overflow ? (
        <Text dimColor>{`${top > 0 ? `↑ ${top} above  ` : ''}${below > 0 ? `↓ ${below} more (↑/↓ to scroll)` : 'end'}`}</Text>
      ) : null}
    </Box>
  );
}

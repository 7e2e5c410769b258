import { Text, useAnimation } from 'ink';
import { toneColor, useTheme } from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner for work in flight (one per running check). */
export function Spinner(): React.JSX.Element {
  const { frame } = useAnimation({ interval: 120 });
  return <Text color={toneColor(useTheme(), 'busy')}>{FRAMES[frame % FRAMES.length]}</Text>;
}

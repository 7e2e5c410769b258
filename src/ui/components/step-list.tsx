import { Box, Text } from 'ink';
import { type StepOutline, stepLabel, type WizardState } from '../../wizard/state.js';
import { clip } from '../text.js';
import { type Tone, toneColor, useTheme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface StepListProps {
  readonly state: WizardState;
  readonly width: number;
  readonly height: number;
}

const LABEL_TONE: Record<ReturnType<typeof stepLabel>['tone'], Tone> = { dim: 'dim', busy: 'busy', bad: 'bad', good: 'good', warn: 'warn' };

/** The categories down the side, each with its state; Tab moves the focus here. */
export function StepList({ state, width, height }: StepListProps): React.JSX.Element {
  const theme = useTheme();
  const focused = state.focus === 'steps';
  const selected = focused ? state.stepCursor : state.steps.findIndex((s) => s.id === state.current);
  // Two lines per step when there is room, one otherwise.
  const roomy = height >= state.steps.length * 2 + 1;
  const first = roomy ? 0 : Math.max(0, Math.min(selected - Math.floor((height - 1) / 2), state.steps.length - (height - 1)));
  const shown = roomy ? state.steps : state.steps.slice(first, first + Math.max(1, height - 1));
  return (
    <Box flexDirection="column" width={width}>
      <Text bold underline={focused}>{focused ? 'Steps (enter opens)' : 'Steps'}</Text>
      {shown.map((step) => {
        const index = state.steps.indexOf(step);
        const label = stepLabel(state, step.id);
        const current = step.id === state.current;
        const pointer = index === selected ? '▸' : ' ';
        const title = stepName(step, width - 3);
        // One line per step: a short status, so the step's name keeps the room.
        const text = roomy ? label.text : shortLabel(label.text);
        const status = (
          <Text key="status" color={toneColor(theme, LABEL_TONE[label.tone])} dimColor={label.tone === 'dim'}>
            {label.tone === 'busy' ? <Spinner /> : null}
            {label.tone === 'busy' && text ? ' ' : ''}
            {text}
          </Text>
        );
        return roomy ? (
          <Box key={step.id} flexDirection="column">
            <Text bold={current} inverse={focused && index === selected} wrap="truncate-end">{`${pointer} ${title}`}</Text>
            <Text wrap="truncate-end">
              {'     '}
              {status}
            </Text>
          </Box>
        ) : (
          <Text key={step.id} bold={current} inverse={focused && index === selected} wrap="truncate-end">
            {`${pointer} ${stepName(step, Math.max(6, width - 3 - (label.tone === 'busy' ? 2 : 0) - (text ? text.length + 1 : 0)))} `}
            {status}
          </Text>
        );
      })}
    </Box>
  );
}

/**
 * The step's number and name in `room` characters: the title where it fits, else its deliberately
 * shortened name (a whole word, never a title cut in the middle), clipped only when even that is too long.
 */
export function stepName(step: Pick<StepOutline, 'number' | 'title' | 'shortTitle'>, room: number): string {
  const number = String(step.number).padStart(2);
  const full = `${number} ${step.title}`;
  if (full.length <= room || !step.shortTitle) return clip(full, room);
  return clip(`${number} ${step.shortTitle}`, room);
}

/** A step's status in a few characters, for the one-line list of a short terminal. */
export function shortLabel(text: string): string {
  if (text === 'not started') return '';
  if (text === 'checked before') return '✓ before';
  if (text === 'checking') return '';
  if (text === 'could not check') return '! error';
  if (text === 'done') return '✓';
  const failing = /^(\d+) failing$/.exec(text);
  if (failing) return `✘ ${failing[1]}`;
  const open = /^done, (\d+) open$/.exec(text);
  if (open) return `? ${open[1]}`;
  return text;
}

import { Box, Text } from 'ink';
import { currentStep, runOf, type WizardState } from '../../wizard/state.js';
import { clampScroll, clip } from '../text.js';
import { STATUS_MARK, STATUS_TONE, STATUS_WORD, toneColor, useTheme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface CheckListProps {
  readonly state: WizardState;
  readonly width: number;
  readonly height: number;
}

/** A step's checks and questions: a spinner while each runs, its result as soon as it arrives. */
export function CheckList({ state, width, height }: CheckListProps): React.JSX.Element | null {
  const theme = useTheme();
  const step = currentStep(state);
  if (!step) return null;
  const run = runOf(state, step.id);
  const counts = { fail: 0, unknown: 0, manual: 0, accepted: 0, pass: 0 };
  for (const f of Object.values(run.findings)) counts[f.status]++;
  const head =
    run.state === 'checking'
      ? `Checking… ${Object.keys(run.findings).length} of ${step.items.length} done`
      : run.state === 'error'
        ? 'The checks could not finish.'
        : `${counts.fail} failing · ${counts.unknown} unknown · ${counts.manual} to attest · ${counts.accepted} accepted · ${counts.pass} passing`;
  const total = step.items.length;
  // A list longer than the pane gives one row to a marker saying how many more there are.
  const rows = total > height - 3 ? Math.max(1, height - 4) : Math.max(1, height - 3);
  const top = clampScroll(state.cursor - Math.floor(rows / 2), total, rows);
  const items = step.items.slice(top, top + rows);
  const below = total - top - items.length;
  const marker = total > items.length ? [below > 0 ? `↓ ${below} more` : '', top > 0 ? `↑ ${top} above` : ''].filter(Boolean).join(' · ') + ' (↑/↓ to move)' : undefined;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Step ${step.number} · ${step.title}`}</Text>
      <Text dimColor wrap="truncate-end">{head}</Text>
      <Text> </Text>
      {items.map((item) => {
        const index = step.items.indexOf(item);
        const finding = run.findings[item.id];
        const selected = index === state.cursor && state.focus === 'main';
        const title = clip(`${item.title}${item.kind === 'attestation' ? ' (question)' : ''}`, width - 14);
        let mark: React.JSX.Element;
        if (finding) {
          mark = <Text color={toneColor(theme, STATUS_TONE[finding.status])}>{`${STATUS_MARK[finding.status]} ${STATUS_WORD[finding.status].padEnd(8)}`}</Text>;
        } else if (run.running.includes(item.id) || run.state === 'checking') {
          mark = (
            <Text>
              <Spinner />
              {' checking'.padEnd(9)}
            </Text>
          );
        } else {
          mark = <Text dimColor>{'·  waiting  '.slice(0, 10)}</Text>;
        }
        return (
          <Text key={item.id} inverse={selected} wrap="truncate-end">
            {selected ? '▸ ' : '  '}
            {mark}
            {' '}
            {title}
          </Text>
        );
      })}
      {marker ? <Text dimColor>{marker}</Text> : null}
    </Box>
  );
}

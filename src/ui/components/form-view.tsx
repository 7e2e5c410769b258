import { Box, Text } from 'ink';
import { type FormState, visibleFields } from '../forms.js';
import { toneColor, useTheme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface FormViewProps {
  readonly title: string;
  readonly form: FormState;
  readonly width: number;
}

/** A decision or attestation form: one field per line, the current one open for typing. */
export function FormView({ title, form, width }: FormViewProps): React.JSX.Element {
  const theme = useTheme();
  const fields = visibleFields(form);
  const current = fields[form.index];
  const labelWidth = Math.min(22, Math.max(...fields.map((f) => f.label.length), 8) + 1);
  return (
    <Box flexDirection="column">
      <Text bold wrap="wrap">{form.kind === 'decision' ? `Record a decision: ${title}` : `Attest: ${title}`}</Text>
      <Text> </Text>
      {fields.map((f, i) => {
        const value = form.values[f.name] ?? '';
        const active = i === form.index;
        const label = f.label.length > labelWidth - 1 || f.label.length > width / 2 ? null : f.label.padEnd(labelWidth);
        const pointer = `${active ? '▸' : ' '} `;
        const indent = label === null ? 4 : 2 + labelWidth;
        const room = Math.max(8, width - indent - 1);
        const heading = label === null ? <Text bold={active} wrap="wrap">{`${pointer}${f.label}`}</Text> : null;
        if (f.kind === 'choice') {
          const lines = choiceLines(f.choices ?? [], value, room);
          return (
            <Box key={f.name} flexDirection="column">
              {heading}
              {lines.map((line, n) => (
                <Text key={line}>
                  <Text bold={active}>{n === 0 && label !== null ? `${pointer}${label}` : ' '.repeat(indent)}</Text>
                  <Text color={active ? toneColor(theme, 'info') : undefined}>{line}</Text>
                </Text>
              ))}
            </Box>
          );
        }
        // An empty text field shows a line to type on; the active field shows the one cursor.
        const box = active ? `${value}█` : value;
        const blank = value === '' ? Math.max(0, Math.min(room, 30) - box.length) : 0;
        return (
          <Box key={f.name} flexDirection="column">
            {heading}
            <Text wrap="wrap">
              <Text bold={active}>{label !== null ? `${pointer}${label}` : ' '.repeat(indent)}</Text>
              <Text inverse={active && !theme.color} color={active ? toneColor(theme, 'info') : undefined}>
                {box}
              </Text>
              <Text dimColor>{'_'.repeat(blank)}</Text>
            </Text>
          </Box>
        );
      })}
      <Text> </Text>
      {current?.kind === 'choice' ? <Text dimColor wrap="wrap">←/→ or the first letter to choose.</Text> : null}
      {current?.help ? <Text dimColor wrap="wrap">{current.help}</Text> : null}
      {form.error ? <Text color={toneColor(theme, 'bad')} wrap="wrap">{`✘ ${form.error}`}</Text> : null}
      {form.saving ? (
        <Text>
          <Spinner /> Saving to the records folder…
        </Text>
      ) : null}
    </Box>
  );
}

/**
 * A choice's options as they are laid out: side by side when they fit in `room`, otherwise one per
 * line in the same column; the chosen one in brackets.
 */
export function choiceLines(choices: readonly string[], value: string, room: number): string[] {
  const cells = choices.map((c) => (c === value ? `[${c}]` : ` ${c} `));
  const one = cells.join(' ');
  return one.length <= room ? [one] : cells;
}

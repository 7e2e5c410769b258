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
        const shown =
          f.kind === 'choice'
            ? (f.choices ?? []).map((c) => (c === value ? `[${c}]` : ` ${c} `)).join(' ')
            : `${value}${active ? '█' : ''}`;
        const label = f.label.length > labelWidth - 1 || f.label.length > width / 2 ? null : f.label.padEnd(labelWidth);
        return (
          <Box key={f.name} flexDirection="column">
            {label === null ? <Text bold={active} wrap="wrap">{`${active ? '▸' : ' '} ${f.label}`}</Text> : null}
            <Text wrap="wrap">
              <Text bold={active}>{`${active ? '▸' : ' '} ${label ?? '  '}`}</Text>
              <Text inverse={active && f.kind !== 'choice' && !theme.color} color={active ? toneColor(theme, 'info') : undefined}>
                {shown}
              </Text>
            </Text>
          </Box>
        );
      })}
      <Text> </Text>
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

import { Text } from 'ink';
import { findingOf, type WizardState } from '../../wizard/state.js';

/** The keys that work on the current screen, in one dim line at the bottom. */
export function KeyHints({ state, width }: { readonly state: WizardState; readonly width?: number }): React.JSX.Element {
  return <Text dimColor wrap="truncate-end">{fitHints(hintsFor(state), width ?? Number.POSITIVE_INFINITY)}</Text>;
}

/** The keys that always stay on the line: quit, help, enter and whatever answers the question on screen. */
const ESSENTIAL = /^(q |\? |enter |esc |y |n cancel|type |any key|r try|applying)/;

/** Hints that give way first when the line is too narrow: moving around, which other keys also do. */
const MINOR = /^(↑↓ scroll|s skip|tab steps|tab\/esc back|\[ \] previous\/next|i intro|r retry|n next step|tab\/↓ next field)$/;

/** Shorter words for the same keys, used when the full ones do not fit. */
const SHORT: Readonly<Record<string, string>> = {
  'p preview fix': 'p preview',
  'a apply fix': 'a apply',
  'd record a decision': 'd decide',
  'enter run the checks': 'enter run',
  'w write the HTML report': 'w report',
  'esc back to the walk': 'esc back',
  'enter back to the finding': 'enter back',
  '↑↓ choose a step': '↑↓ choose',
};

/**
 * The hints joined into one line of at most `width - 1` characters. When they do not all fit, the
 * minor ones go first, then the rest take their short words, then the others give way from the
 * right, so q, ?, enter and esc are always visible.
 */
export function fitHints(hints: readonly string[], width: number): string {
  let kept = [...hints];
  const fits = () => kept.join(' · ').length <= width - 1;
  for (let i = kept.length - 1; !fits() && i >= 0; i--) if (MINOR.test(kept[i] as string)) kept.splice(i, 1);
  if (!fits()) kept = kept.map((h) => SHORT[h] ?? h);
  for (let i = kept.length - 1; !fits() && i >= 0; i--) if (!ESSENTIAL.test(kept[i] as string)) kept.splice(i, 1);
  return kept.join(' · ');
}

export function hintsFor(state: WizardState): string[] {
  if (state.help) return ['any key closes the help'];
  if (state.phase === 'connecting') return ['q quit'];
  if (state.phase === 'failed') return ['r try again', 'q quit'];
  if (state.focus === 'steps') return ['↑↓ choose a step', 'enter open it', 'tab/esc back', '? help', 'q finish'];
  const s = state.screen;
  switch (s.name) {
    case 'intro':
      return ['enter run the checks', 'n next step', 'tab steps', '[ ] previous/next', '? help', 'q finish'];
    case 'checks':
      return ['↑↓ choose', 'enter open', 'n next step', 'i intro', 'r retry', 'tab steps', '? help', 'q finish'];
    case 'finding': {
      const f = findingOf(state, s.id);
      const keys: string[] = [];
      if (f?.remediation && f.status !== 'pass') keys.push('p preview fix', 'a apply fix');
      keys.push('d record a decision');
      if (f?.kind === 'attestation') keys.push('t attest');
      keys.push('s skip', 'esc back', '↑↓ scroll', '? help', 'q finish');
      return keys;
    }
    case 'plan':
      return s.preview ? ['a apply', 'esc back', '↑↓ scroll', '? help', 'q finish'] : ['esc back', '? help', 'q finish'];
    case 'confirm':
      return s.preview.confirm.kind === 'yes-no' ? ['y apply', 'n cancel'] : [`type ${s.preview.confirm.word} then enter to apply`, 'esc cancel'];
    case 'applying':
      return s.result || s.error ? ['enter back to the finding', '↑↓ scroll'] : ['applying… please wait'];
    case 'form':
      return ['tab/↓ next field', '←→ choose', 'enter next/save', 'esc cancel'];
    case 'summary':
      return ['w write the HTML report', 'enter exit', 'esc back to the walk', '↑↓ scroll'];
  }
}

import { type Line, para } from '../text.js';
import { LinesView } from './lines-view.js';

const KEYS: readonly [string, string][] = [
  ['enter', "run a step's checks, open the selected finding, go on"],
  ['↑ ↓', 'move in a list, scroll a long pane (PgUp/PgDn for pages)'],
  ['n', 'next step'],
  ['[ ]', 'previous / next step'],
  ['1 … 9, 0', 'jump to step 1 … 9, 10 (tab for 11 and 12)'],
  ['tab', 'move to the step list and back'],
  ['p', 'preview the fix for a finding (nothing changes)'],
  ['a', 'apply the fix, after showing the plan and asking you'],
  ['d', 'record a decision: accepted risk, alternative measure, not applicable…'],
  ['t', 'answer an attestation'],
  ['s', 'skip to the next finding that needs attention'],
  ['r', 'retry after a lost connection'],
  ['esc', 'back, or cancel a form'],
  ['q', 'finish: the summary, then enter to exit'],
  ['w', 'on the summary: write the HTML report for an auditor'],
];

export interface HelpProps {
  readonly recordsDir?: string;
  readonly width: number;
  readonly height: number;
}

/** The help screen (`?`): every key, and where answers are kept. */
export function Help({ recordsDir, width, height }: HelpProps): React.JSX.Element {
  return <LinesView lines={helpLines(recordsDir, width)} scroll={0} height={height} />;
}

export function helpLines(recordsDir: string | undefined, width: number): Line[] {
  const lines: Line[] = [{ text: 'Help', bold: true }, { text: '' }];
  for (const [k, what] of KEYS) lines.push(...para(what, width, {}, ' '.repeat(10)).map((l, i) => (i === 0 ? { ...l, text: `${k.padEnd(10)}${l.text.slice(10)}` } : l)));
  lines.push(
    { text: '' },
    ...para(
      `Every decision and attestation is saved at once${recordsDir ? ` in ${recordsDir}` : ''}; quitting and starting again resumes where you left off. Nothing in the account changes without a plan you have seen and a confirmation. For a screen reader, run hipaa-wizard --plain.`,
      width,
    ),
  );
  return lines;
}

/** Colours by meaning, switched off as a whole under NO_COLOR (words and symbols still carry it). */
import { createContext, useContext } from 'react';
import type { Status } from '../engine/model.js';

export type Tone = 'good' | 'bad' | 'warn' | 'busy' | 'info' | 'accent' | 'dim';

export interface Theme {
  readonly color: boolean;
}

const TONE_COLOR: Readonly<Record<Tone, string | undefined>> = {
  good: 'green',
  bad: 'red',
  warn: 'yellow',
  busy: 'cyan',
  info: 'blue',
  accent: 'magenta',
  dim: undefined,
};

export const STATUS_TONE: Readonly<Record<Status, Tone>> = { pass: 'good', fail: 'bad', unknown: 'warn', manual: 'busy', accepted: 'accent' };
export const STATUS_WORD: Readonly<Record<Status, string>> = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', manual: 'ATTEST', accepted: 'ACCEPTED' };
export const STATUS_MARK: Readonly<Record<Status, string>> = { pass: '✔', fail: '✘', unknown: '?', manual: '•', accepted: '≈' };

/** The Ink colour for a tone, or undefined when colour is off. */
export function toneColor(theme: Theme, tone: Tone | undefined): string | undefined {
  return theme.color && tone ? TONE_COLOR[tone] : undefined;
}

/** Whether colour is on for this run: NO_COLOR switches it off whatever the terminal can do. */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  return { color: env.NO_COLOR === undefined || env.NO_COLOR === '' };
}

export const ThemeContext = createContext<Theme>({ color: true });

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

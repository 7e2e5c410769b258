/** Terminal styling that honours NO_COLOR, FORCE_COLOR and whether the stream is a terminal. */
const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], gray: [90, 39] } as const;
export type StyleName = keyof typeof CODES;

export function colorEnabled(stream: { isTTY?: boolean } = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
}

export type Paint = (style: StyleName, text: string) => string;

export function painter(enabled: boolean): Paint {
  return (style, text) => (enabled ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

export const STATUS_LABEL = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', manual: 'MANUAL', accepted: 'ACCEPTED' } as const;
export const STATUS_STYLE: Record<keyof typeof STATUS_LABEL, StyleName> = {
  pass: 'green',
  fail: 'red',
  unknown: 'yellow',
  manual: 'cyan',
  accepted: 'magenta',
};

/** Lines for the scrolling panes: wrapped to the pane's width here, so a scroll offset is exact. */
import type { Tone } from './theme.js';

export interface Line {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

/** Wraps a paragraph at word boundaries to `width`, hard-breaking words longer than a line. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(8, width);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(word.slice(0, w));
        word = word.slice(w);
      }
      if (line && line.length + 1 + word.length > w) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** A paragraph as lines, each with the same indent and style. */
export function para(text: string, width: number, style: Omit<Line, 'text'> = {}, indent = ''): Line[] {
  return wrapText(text, width - indent.length).map((t) => ({ ...style, text: `${indent}${t}` }));
}

/** A preformatted line (a plan line) wrapped with its own leading spaces kept on every piece. */
export function preformatted(text: string, width: number, style: Omit<Line, 'text'> = {}): Line[] {
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  if (text.length <= width) return [{ ...style, text }];
  return para(text.slice(indent.length), width, style, `${indent}  `).map((l, i) => (i === 0 ? { ...l, text: `${indent}${l.text.trimStart()}` } : l));
}

/** Keeps a scroll offset inside the content. */
export function clampScroll(scroll: number, total: number, height: number): number {
  return Math.max(0, Math.min(scroll, Math.max(0, total - height)));
}

/** Shortens text to `width` with an ellipsis. */
export function clip(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

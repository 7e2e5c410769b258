/**
 * What Ctrl-C's clean-up writes to the terminal: the cursor shown and the progress line cleared, and
 * the alternate screen left only when the wizard is on it (elsewhere that sequence would move the
 * cursor), so a Ctrl-C sentence written after it is seen on the normal screen.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onAlternateScreen, restoreTerminal } from '../../src/session/interrupt.js';

const tty = (stream: NodeJS.WriteStream) => {
  const was = stream.isTTY;
  Object.defineProperty(stream, 'isTTY', { value: true, configurable: true });
  const written: string[] = [];
  const spy = vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return {
    written,
    undo: () => {
      spy.mockRestore();
      Object.defineProperty(stream, 'isTTY', { value: was, configurable: true });
    },
  };
};

describe('restoreTerminal', () => {
  let undo: (() => void)[] = [];
  afterEach(() => {
    for (const u of undo) u();
    undo = [];
    onAlternateScreen(false);
  });

  it('leaves the alternate screen when the wizard is on it, then shows the cursor', () => {
    const out = tty(process.stdout);
    const err = tty(process.stderr);
    undo = [out.undo, err.undo];
    onAlternateScreen(true);
    restoreTerminal();
    expect(out.written).toEqual(['\u001b[?1049l']);
    expect(err.written).toEqual(['\r\u001b[2K\u001b[?25h']);
    // Once left, a second clean-up does not send it again.
    restoreTerminal();
    expect(out.written).toEqual(['\u001b[?1049l']);
  });

  it('does not touch the screen buffer when no wizard is on the alternate screen (a scan)', () => {
    const out = tty(process.stdout);
    const err = tty(process.stderr);
    undo = [out.undo, err.undo];
    restoreTerminal();
    expect(out.written).toEqual([]);
    expect(err.written).toEqual(['\r\u001b[2K\u001b[?25h']);
  });
});

/** Collection progress on stderr: a single updating line on a terminal, nothing noisy elsewhere. */
import type { CollectProgress } from '../session/source.js';

export function progressReporter(stream: NodeJS.WriteStream): { event: CollectProgress; end: () => void } {
  let started = 0;
  let done = 0;
  let failed = 0;
  const tty = Boolean(stream.isTTY);
  let lastDraw = 0;
  const draw = (force = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    stream.write(`\r\u001b[2KReading the account: ${done}/${started} slices${failed ? `, ${failed} could not be read` : ''}…`);
  };
  return {
    event: (e) => {
      if (e.type === 'start') started++;
      else {
        done++;
        if (e.error) failed++;
      }
      draw();
    },
    end: () => {
      if (tty && started > 0) stream.write('\r\u001b[2K');
      else if (started > 0) stream.write(`Read ${done} slices of account state${failed ? ` (${failed} could not be read)` : ''}.\n`);
    },
  };
}

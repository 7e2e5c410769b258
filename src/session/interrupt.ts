/**
 * Ctrl-C for the whole command line. The first SIGINT:
 * - stands aside when a command listens for SIGINT itself (apply stops after the call in flight
 *   and journals what happened), only remembering that the run was interrupted (exit code 130);
 * - otherwise (a scan, a plan, a report being read) ends the run at once: nothing is being changed,
 *   so there is nothing to finish. It clears the progress line, shows the cursor, leaves raw mode,
 *   says so in one sentence, and exits with 130 (128 + SIGINT), the shell's convention.
 * A second SIGINT always exits at once.
 */

export const INTERRUPT_EXIT_CODE = 130;

let installed = false;
let interrupted = false;

/** Whether Ctrl-C was pressed during this run. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Puts the terminal back as a person expects it: no half-drawn progress line, a visible cursor, cooked input. */
export function restoreTerminal(): void {
  const stdin = process.stdin as NodeJS.ReadStream & { isRaw?: boolean };
  try {
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
  } catch {
    // A terminal that is already gone cannot be restored; exiting is all that is left.
  }
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K\u001b[?25h');
}

function onSigint(): void {
  const first = !interrupted;
  interrupted = true;
  // Another listener (apply's) handles the first Ctrl-C; this one only remembers it.
  if (first && process.listenerCount('SIGINT') > 1) return;
  restoreTerminal();
  process.stderr.write(
    first
      ? '\nhipaa-wizard: interrupted (Ctrl-C); the run stopped before it finished and changed nothing.\n'
      : '\nhipaa-wizard: interrupted again; quitting now.\n',
  );
  process.exit(INTERRUPT_EXIT_CODE);
}

/** Installs the handler once per process (the CLI's entry point calls it). */
export function installInterruptHandler(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSigint);
}

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
let alternate = false;

/** Whether the screen shown is the alternate one (the Ink wizard's): a Ctrl-C sentence must leave it first to be seen. */
export function onAlternateScreen(on: boolean): void {
  alternate = on;
}

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
  // Leaving the alternate screen only when on it: elsewhere the sequence would move the cursor.
  if (alternate && process.stdout.isTTY) process.stdout.write('\u001b[?1049l');
  alternate = false;
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K\u001b[?25h');
}

/**
 * SIGINT listeners other than this one and signal-exit's (Ink and restore-cursor load signal-exit,
 * which only cleans up on exit and stands aside itself when anyone else listens).
 */
function othersListening(): number {
  // signal-exit 4 keeps its count on a global symbol, signal-exit 3 on the process.
  const v4 = (globalThis as Record<symbol, { count?: number } | undefined>)[Symbol.for('signal-exit emitter')]?.count ?? 0;
  const v3 = (process as { __signal_exit_emitter__?: { count?: number } }).__signal_exit_emitter__?.count ?? 0;
  return process.listenerCount('SIGINT') - 1 - v4 - v3;
}

function onSigint(): void {
  const first = !interrupted;
  interrupted = true;
  // Another listener (apply's) handles the first Ctrl-C; this one only remembers it.
  if (first && othersListening() > 0) return;
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

/**
 * Runs `work` with Ctrl-C turned into "stop after the call in flight": the first SIGINT aborts the
 * signal `work` receives (the executor sends no further call and journals what happened) and says
 * so; a second quits at once. Used by `apply`, `undo` and the wizard's plain mode (Ink's raw mode
 * delivers Ctrl-C as a key instead, which src/wizard/state.ts handles).
 */
export async function stoppable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(INTERRUPT_EXIT_CODE);
    controller.abort();
    process.stderr.write('\nStopping after the call in flight (press Ctrl-C again to quit at once; the journal would then miss this run).\n');
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

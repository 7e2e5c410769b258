/**
 * The built executable in a real terminal: tmux on a private socket (one per test file), the wizard
 * started as a person's shell would start it (CI and TMUX unset), the screen read with capture-pane.
 * Needs tmux (.ci/run installs it); `hasTmux` lets a file skip without it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, isolatedEnv, workDir } from './built-cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A word for a POSIX shell, quoted. */
export const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Tmux {
  /** Runs a tmux command on this file's socket. */
  (...args: string[]): string;
  /** What the session's screen shows now. */
  screen(session: string): string;
  /** Waits until the session's screen shows `text`; throws with the screen when it never does. */
  waitFor(session: string, text: string | RegExp, ms?: number): Promise<string>;
  /** Starts `hipaa-wizard ARGS` in a new session of this size, echoing "exited with N" when it ends. */
  start(session: string, args: readonly string[], size?: { columns: number; rows: number }, env?: Record<string, string>): void;
  /** Ends every session of this socket. */
  killAll(): void;
}

export function tmuxOn(name: string): Tmux {
  const socket = `hipaa-wizard-${name}-${process.pid}`;
  const tmux = ((...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' })) as Tmux;
  tmux.screen = (session) => tmux('capture-pane', '-p', '-t', session);
  tmux.waitFor = async (session, text, ms = 30_000) => {
    const started = Date.now();
    for (;;) {
      const s = tmux.screen(session);
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - started > ms) throw new Error(`The terminal never showed ${String(text)}. It shows:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  tmux.start = (session, args, size = { columns: 100, rows: 30 }, extra = {}) => {
    const env = isolatedEnv({ TERM: 'xterm-256color', HIPAA_WIZARD_USER: 'dana.okafor', ...extra });
    const assignments = Object.entries(env)
      .filter(([k]) => /^(PATH|HOME|TERM|NO_COLOR|FORCE_COLOR|HIPAA_WIZARD_\w+|AWS_\w+|LANG|LC_ALL)$/.test(k))
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    const command = `cd ${quote(workDir())} && env -u CI -u TMUX ${assignments} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "exited with $?"; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), command);
  };
  tmux.killAll = () => {
    if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  };
  return tmux;
}

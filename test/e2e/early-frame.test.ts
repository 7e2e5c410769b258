/**
 * The first frame the executable paints before it loads Ink, React and the SDK (bin/hipaa-wizard.js):
 * it appears at once for the wizard in a terminal, and every way out before Ink arrives (a usage
 * error, Ctrl-C) leaves the alternate screen and prints its sentence on the normal screen.
 * The tmux test needs tmux (.ci/run installs it); the piped ones force the frame with
 * HIPAA_WIZARD_FORCE_INK=1, as the bench does.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, isolatedEnv, runCli, workDir } from '../helpers/built-cli.js';

const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';

beforeAll(() => ensureBuilt(), 240_000);

describe('the early frame through pipes (HIPAA_WIZARD_FORCE_INK=1)', () => {
  const forced = () => isolatedEnv({ HIPAA_WIZARD_FORCE_INK: '1', COLUMNS: '100', LINES: '30' });

  it('paints the header and "Reading the account…" for the wizard, then prints a usage error on stderr', async () => {
    const r = await runCli(['--demo', 'nosuchcommand'], { env: forced() });
    expect(r.code).toBe(2);
    // Not a terminal: the frame's lines only, no alternate screen and no cursor codes.
    expect(r.stdout).toBe(`hipaa-wizard\nOpening the account…\n${'─'.repeat(99)}\nReading the account…\n`);
    expect(r.stderr).toContain('hipaa-wizard: "nosuchcommand" is not a command');
  }, 60_000);

  it('paints nothing early for other commands, --plain, --help or --version', async () => {
    for (const args of [['scan', '--demo', '--help'], ['--plain', '--help'], ['--help'], ['--version']]) {
      const r = await runCli(args, { env: forced() });
      expect(r.stdout, args.join(' ')).not.toContain('Reading the account…');
    }
  }, 60_000);

  it('ends with 130 and one sentence when Ctrl-C comes while the wizard is loading', async () => {
    const child = spawn(process.execPath, [BIN, '--demo'], { cwd: workDir(), env: forced(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!sent && stdout.includes('Reading the account…')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toMatch(/^\nhipaa-wizard: interrupted \(Ctrl-C\)[^\n]*; [^\n]*nothing\.?[^\n]*\n$/);
  }, 60_000);
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `hipaa-wizard-early-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function waitFor(read: () => string, text: string, ms = 30_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const s = read();
    if (s.includes(text)) return s;
    if (Date.now() - start > ms) throw new Error(`Never saw ${text}. Saw:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!hasTmux)('the early frame in a real terminal (tmux)', () => {
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('Ctrl-C while the wizard loads leaves the alternate screen, shows the cursor and ends with 130 and its sentence', async () => {
    const env = isolatedEnv({ TERM: 'xterm-256color' });
    const assignments = Object.entries(env)
      .filter(([k]) => /^(PATH|HOME|TERM|NO_COLOR|FORCE_COLOR|HIPAA_WIZARD_\w+|AWS_\w+|LANG|LC_ALL)$/.test(k))
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-early-records-'));
    const command = `cd ${quote(workDir())} && env -u CI -u TMUX ${assignments} ${quote(process.execPath)} ${quote(BIN)} --demo --records ${quote(records)}; echo "exited with $?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'loading', '-x', '100', '-y', '30', command);
    // Pressed as soon as the early frame shows, before the bundle has finished loading.
    await waitFor(() => tmux('capture-pane', '-p', '-t', 'loading'), 'Reading the account…', 30_000);
    tmux('send-keys', '-t', 'loading', 'C-c');
    const screen = await waitFor(() => tmux('capture-pane', '-p', '-t', 'loading'), 'exited with 130');
    expect(screen).toMatch(/hipaa-wizard: interrupted \(Ctrl-C\)/);
    expect(screen).not.toContain('Reading the account…');
    expect(tmux('display-message', '-p', '-t', 'loading', '#{alternate_on} #{cursor_flag}').trim()).toBe('0 1');
  }, 60_000);

  it('shows the first frame on the alternate screen, and a usage error leaves it for the normal screen with the sentence', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'hipaa-wizard-early-')), 'pane.log');
    const env = isolatedEnv({ TERM: 'xterm-256color' });
    const assignments = Object.entries(env)
      .filter(([k]) => /^(PATH|HOME|TERM|NO_COLOR|FORCE_COLOR|HIPAA_WIZARD_\w+|AWS_\w+|LANG|LC_ALL)$/.test(k))
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    // The command waits a moment, so the pane's output is logged from its first byte.
    const command = `sleep 1; cd ${quote(workDir())} && env -u CI -u TMUX ${assignments} ${quote(process.execPath)} ${quote(BIN)} --demo nosuchcommand; echo "exited with $?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'early', '-x', '100', '-y', '30', command);
    tmux('pipe-pane', '-t', 'early', `cat > ${quote(log)}`);
    const screen = await waitFor(() => tmux('capture-pane', '-p', '-t', 'early'), 'exited with 2');
    expect(screen).toContain('hipaa-wizard: "nosuchcommand" is not a command');
    expect(screen).not.toContain('Reading the account…');
    expect(tmux('display-message', '-p', '-t', 'early', '#{alternate_on}').trim()).toBe('0');
    const raw = readFileSync(log, 'utf8');
    const entered = raw.indexOf(ENTER_ALT);
    const painted = raw.indexOf('Reading the account…');
    const left = raw.indexOf(LEAVE_ALT);
    const said = raw.indexOf('is not a command');
    expect(entered).toBeGreaterThanOrEqual(0);
    expect(painted).toBeGreaterThan(entered);
    expect(left).toBeGreaterThan(painted);
    expect(said).toBeGreaterThan(left);
  }, 60_000);
});

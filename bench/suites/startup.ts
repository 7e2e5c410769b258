/**
 * Start-up: the time from starting the real executable (`node bin/hipaa-wizard.js --demo`) to the
 * wizard's first frame, the median of several runs, next to the time Node itself takes to start
 * and exit on the same machine (a loaded machine slows both alike). The first frame is the one the
 * executable paints before loading the bundle (`first-frame N` on stderr when
 * HIPAA_WIZARD_BENCH=first-frame); Ink's first frame is reported beside it (`ink-frame N`), after
 * which the wizard exits; HIPAA_WIZARD_FORCE_INK makes
 * it draw with Ink although stdout is a pipe here. Knobs: BENCH_STARTUP_RUNS (default 9).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../run.js';

/** One line of the bench table (declared once, in bench/run.ts). */
export type Row = BenchRow;

/** The package root: the nearest folder above this file with a bin/hipaa-wizard.js. */
function root(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'hipaa-wizard.js'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find bin/hipaa-wizard.js above bench/suites');
    dir = up;
  }
  return dir;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

interface Timed {
  wall: number;
  inProcess?: number;
  /** Ink's own first frame, when the executable painted an early one before it. */
  inkWall?: number;
  inkInProcess?: number;
}

/**
 * Starts `args`; with a marker, resolves when Ink's frame (`ink-frame N`) appears on stderr, with the
 * times the first frame (`first-frame N`) and Ink's appeared; without one, when the process ends.
 */
function timeTo(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, marked = false): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let settled = false;
    let first: { wall: number; inProcess: number } | undefined;
    child.stderr.on('data', (d) => {
      const now = performance.now() - started;
      err += d;
      const f = /first-frame ([\d.]+)/.exec(err);
      if (f && !first) first = { wall: now, inProcess: Number(f[1]) };
      const ink = /ink-frame ([\d.]+)/.exec(err);
      if (marked && first && ink && !settled) {
        settled = true;
        // Wait for the process to end, so the next run does not overlap this one.
        child.on('close', () => resolve({ wall: first?.wall ?? now, inProcess: first?.inProcess, inkWall: now, inkInProcess: Number(ink[1]) }));
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (settled) return;
      if (marked) reject(new Error(`the wizard exited (code ${code}) without drawing its frames: ${err.trim().split('\n')[0] ?? ''}`));
      else resolve({ wall: performance.now() - started });
    });
  });
}

export async function run(): Promise<Row[]> {
  const base = root();
  const bin = join(base, 'bin', 'hipaa-wizard.js');
  const runs = Math.max(3, Number(process.env.BENCH_STARTUP_RUNS ?? 9));
  const cwd = mkdtempSync(join(tmpdir(), 'hipaa-wizard-bench-'));
  const env = {
    ...process.env,
    HIPAA_WIZARD_BENCH: 'first-frame',
    HIPAA_WIZARD_FORCE_INK: '1',
    NO_COLOR: '1',
    // A fixed size, so Ink does not ask the system for the size of a terminal that is not there.
    COLUMNS: '100',
    LINES: '30',
  };
  try {
    // One warm-up of each, so the file cache is the same for every measured run.
    await timeTo(['-e', ''], process.env, cwd);
    await timeTo([bin, '--demo'], env, cwd, true);
    const node: number[] = [];
    const wall: number[] = [];
    const inside: number[] = [];
    const ink: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push((await timeTo(['-e', ''], process.env, cwd)).wall);
      const t = await timeTo([bin, '--demo'], env, cwd, true);
      wall.push(t.wall);
      if (t.inProcess !== undefined) inside.push(t.inProcess);
      if (t.inkWall !== undefined) ink.push(t.inkWall);
    }
    const first = round(median(wall));
    const bare = round(median(node));
    const over = round(first - bare);
    return [
      { name: 'node -e "" (this machine, for scale)', value: bare, unit: 'ms' },
      {
        name: 'start to first wizard frame',
        value: first,
        unit: 'ms',
        target: `≤ ${round(bare + 60)} ms (bare node + 60)`,
        ok: over <= 60,
        note: `median of ${runs} runs of node bin/hipaa-wizard.js --demo (the early frame bin/hipaa-wizard.js paints before the bundle loads); the process's own clock says ${round(median(inside))} ms`,
      },
      { name: 'first frame minus bare node', value: over, unit: 'ms', target: '≤ 60', ok: over <= 60 },
      {
        name: "start to Ink's first frame",
        value: round(median(ink)),
        unit: 'ms',
        note: 'the interactive wizard (Ink, React, the walk) drawing over the first frame, which the executable paints before loading them',
      },
    ];
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/**
 * Start-up: the time from starting the real executable (`node bin/hipaa-wizard.js --demo`) to the
 * wizard's first frame, the median of several runs, next to the time Node itself takes to start
 * and exit on the same machine (a loaded machine slows both alike). The wizard reports its first
 * frame on stderr when HIPAA_WIZARD_BENCH=first-frame and then exits; HIPAA_WIZARD_FORCE_INK makes
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
}

/** Starts `args`, resolves when `marker` appears on stderr (or the process ends). */
function timeTo(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, marker?: RegExp): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let settled = false;
    child.stderr.on('data', (d) => {
      err += d;
      const m = marker?.exec(err);
      if (m && !settled) {
        settled = true;
        resolve({ wall: performance.now() - started, inProcess: Number(m[1]) });
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (settled) return;
      if (marker) reject(new Error(`the wizard exited (code ${code}) without drawing a frame: ${err.trim().split('\n')[0] ?? ''}`));
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
    await timeTo([bin, '--demo'], env, cwd, /first-frame ([\d.]+)/);
    const node: number[] = [];
    const wall: number[] = [];
    const inside: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push((await timeTo(['-e', ''], process.env, cwd)).wall);
      const t = await timeTo([bin, '--demo'], env, cwd, /first-frame ([\d.]+)/);
      wall.push(t.wall);
      if (t.inProcess !== undefined) inside.push(t.inProcess);
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
        note: `median of ${runs} runs of node bin/hipaa-wizard.js --demo (the esbuild bundle); the process's own clock says ${round(median(inside))} ms`,
      },
      { name: 'first frame minus bare node', value: over, unit: 'ms', target: '≤ 60', ok: over <= 60 },
    ];
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

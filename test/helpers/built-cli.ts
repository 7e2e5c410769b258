/**
 * Runs the real, compiled command (`node bin/hipaa-wizard.js …`) the way a person would. The build
 * runs at most once per test run, whichever CLI test file gets there first, and not at all when the
 * compiled CLI is newer than every source: a lock folder keeps parallel test files from compiling
 * over each other, and a marker named after the vitest process says it is done. Type errors elsewhere in the tree do not stop the build (tsc still emits; the typecheck
 * step reports them).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'hipaa-wizard.js');
export const PINNED_NOW = '2026-11-24T12:00:00Z';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The newest modification time of the TypeScript sources the build compiles. */
function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the compiled CLI is newer than every source (as right after `npm test`'s own build). */
function upToDate(): boolean {
  const built = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(built)) return false;
  const sources = Math.max(...['src', 'steps', 'remediations'].map((d) => newestSource(join(ROOT, d))));
  return statSync(built).mtimeMs >= sources;
}

export function ensureBuilt(): void {
  const cache = join(ROOT, 'node_modules', '.cache', 'hipaa-wizard-cli-tests');
  mkdirSync(cache, { recursive: true });
  const marker = join(cache, `built-${process.env.HIPAA_WIZARD_TEST_RUN ?? process.ppid}`);
  const lock = join(cache, 'lock');
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) rmSync(lock, { recursive: true, force: true });
      sleep(250);
    }
  }
  try {
    if (existsSync(marker) && existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) return;
    if (upToDate()) {
      writeFileSync(marker, new Date().toISOString());
      return;
    }
    try {
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, FORCE_COLOR: '0' } });
    } catch (e) {
      if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw e;
    }
    writeFileSync(marker, new Date().toISOString());
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** An environment with no AWS credentials, config or instance metadata, and a pinned clock. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AWS_') && k !== 'HIPAA_WIZARD_NOW') env[k] = v;
  return {
    ...env,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    HIPAA_WIZARD_NOW: PINNED_NOW,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** A fresh working folder, so the records folder and output files never collide between tests. */
export function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'hipaa-wizard-cli-'));
}

/** Runs the built command asynchronously (a test's local HTTP server keeps answering meanwhile). */
export function runCli(args: readonly string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? workDir(), env: opts.env ?? isolatedEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

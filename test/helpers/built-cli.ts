/**
 * Runs the real, built command (`node bin/hipaa-wizard.js …`) the way a person would. The tests
 * build the one output the executable loads the way `npm run build` does (gen-index, then the
 * esbuild bundle of scripts/bundle.mjs) into a private folder of their own under .cli-test-build/,
 * with a copy of bin/hipaa-wizard.js next to it: in a shared checkout, rebuilding the common dist/
 * would pull files from under other people's running tests, and theirs from under ours. It is
 * rebuilt only when a source is newer than it, by whichever CLI test file gets there first (a lock
 * folder serialises them). Type errors elsewhere in the tree do not stop it: esbuild does not check
 * types, and the typecheck step reports them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PINNED_NOW = '2026-11-24T12:00:00Z';
// Inside the checkout itself, not node_modules: git worktrees that share one node_modules each get their own build.
const CACHE = join(ROOT, '.cli-test-build');
const BUILD = join(CACHE, 'build');
/** The command under test: bin/hipaa-wizard.js, beside the tests' compiled dist/. */
export const BIN = join(BUILD, 'bin', 'hipaa-wizard.js');
const BUNDLE = join(BUILD, 'dist', 'src', 'bundle');
const MAIN = join(BUNDLE, 'main.js');

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The newest modification time of the sources the build reads. */
function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(tsx?|js|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the tests' build is newer than every source, so it can be used as it is. */
function upToDate(): boolean {
  if (!existsSync(BIN) || !existsSync(MAIN)) return false;
  const sources = Math.max(...['src', 'steps', 'remediations', 'bin', 'scripts'].map((d) => newestSource(join(ROOT, d))));
  return statSync(MAIN).mtimeMs >= sources;
}

/** Removes what older versions of this helper left in the cache folder. */
function pruneLeftovers(): void {
  for (const entry of readdirSync(CACHE)) if (entry !== 'build' && entry !== 'lock') rmSync(join(CACHE, entry), { recursive: true, force: true });
}

export function ensureBuilt(): void {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, 'lock');
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
    if (upToDate()) return;
    pruneLeftovers();
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-index.mjs')], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--outdir', BUNDLE], { cwd: ROOT, stdio: 'pipe' });
    mkdirSync(join(BUILD, 'bin'), { recursive: true });
    writeFileSync(join(BUILD, 'package.json'), '{ "type": "module" }\n');
    copyFileSync(join(ROOT, 'bin', 'hipaa-wizard.js'), BIN);
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

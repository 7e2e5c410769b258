#!/usr/bin/env node
/**
 * Bundles the CLI (from its TypeScript sources) into dist/src/bundle/ with esbuild: the one build
 * output the executable (bin/hipaa-wizard.js) loads. It starts by reading a few files instead of
 * hundreds of modules (see bench/suites/startup.ts).
 * - One entry, src/cli/main.ts: the one commander program, whose default command is the wizard.
 * - ESM with code splitting: Ink, Inquirer, the wizard flow and the SDK-facing code stay in chunks
 *   that load only when a command needs them (each command imports them inside its action).
 * - The AWS SDK is bundled too, from its ES modules: each collector's chunk (loaded when a step needs
 *   it) holds its client and only the commands and schemas it sends. A scan of a small account peaks
 *   at ~135 MB instead of ~285 MB with the whole client packages from node_modules (bench/suites/small.ts).
 * - A createRequire banner lets bundled CommonJS dependencies call require().
 * - Ink's optional react-devtools-core import is replaced by an empty module.
 * - `--outdir DIR` writes the bundle elsewhere (the CLI tests build their own copy).
 * - `--bench` bundles the bench's workers instead, into dist/bench/bundle/ (npm run bench).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// --bench: the bench's workers (bench/large-account.ts, bench/org-scan.ts, bench/sdk-load.ts), bundled the same way
// into dist/bench/bundle/, so the bench measures the SDK code the executable loads.
const bench = process.argv.includes('--bench');
const entries = bench
  ? { 'large-account': join(root, 'bench', 'large-account.ts'), 'org-scan': join(root, 'bench', 'org-scan.ts'), 'sdk-load': join(root, 'bench', 'sdk-load.ts') }
  : { main: join(root, 'src', 'cli', 'main.ts') };
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : bench ? join(root, 'dist', 'bench', 'bundle') : join(root, 'dist', 'src', 'bundle');

if (!existsSync(join(root, 'src', 'generated', 'index.ts'))) {
  process.stderr.write('bundle: src/generated/index.ts is missing; run node scripts/gen-index.mjs first (npm run build does).\n');
  process.exit(1);
}
// Built beside the old bundle and swapped in at the end, so a process starting meanwhile finds
// either the old bundle or the new one (or none), never half of one.
const staging = `${outdir}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

const stubDevtools = {
  name: 'stub-react-devtools-core',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {}; export const connectToDevTools = () => {};', loader: 'js' }));
  },
};

/**
 * The SDK's operation and shape schemas (dist-es/schemas/schemas_0.js of each client, up to 1.3 MB
 * for EC2) are array literals whose trait objects use computed keys naming module constants
 * (`{ [_xN]: _VEIp }` with `const _xN = "xmlName"`). esbuild cannot prove a computed key free of side
 * effects, so it keeps every schema of the service. Writing those keys as the string literals they
 * are lets it keep only the schemas the commands we send reach (EC2: ~1 MB of code less in memory).
 */
const sdkSchemas = {
  name: 'sdk-schemas-literal-keys',
  setup(b) {
    b.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const strings = new Map();
      for (const m of text.matchAll(/^const (_[A-Za-z0-9_]+) = ("(?:[^"\\\n]|\\.)*");$/gm)) strings.set(m[1], m[2]);
      const contents = text.replace(/\[(_[A-Za-z0-9_]+)\]:/g, (all, id) => (strings.has(id) ? `${strings.get(id)}:` : all));
      return { contents, loader: 'js' };
    });
  },
};

const started = Date.now();
try {
  await build({
  entryPoints: entries,
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  tsconfig: join(root, 'tsconfig.json'),
  // The AWS SDK is bundled from its ES modules (dist-es, "sideEffects": false), so each lazily
  // loaded collector's chunk keeps only its client and the commands it sends, not the whole package
  // (see sdkSchemas above, and src/aws/sdk-commands.ts for the commands a fix sends).
  mainFields: ['module', 'main'],
  // Yoga's WebAssembly loader probes `typeof fetch`; touching the global makes Node load its whole
  // HTTP client (undici) before the first frame. Nothing bundled needs the global fetch (the SDK's
  // Node build sends through node:http), so references to the global become undefined and Yoga decodes its inline binary.
  define: { 'process.env.NODE_ENV': '"production"', fetch: 'undefined' },
  banner: { js: "import { createRequire as __hwCreateRequire } from 'node:module'; const require = __hwCreateRequire(import.meta.url);" },
  plugins: [stubDevtools, sdkSchemas],
  });
} catch {
  // esbuild has printed the errors; the build fails, and the executable keeps the last good bundle.
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write('bundle: failed (see above); bin/hipaa-wizard.js needs dist/src/bundle/main.js.\n');
  process.exit(1);
}
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
process.stdout.write(`bundle: ${join(outdir, bench ? 'large-account.js' : 'main.js')} in ${Date.now() - started} ms\n`);

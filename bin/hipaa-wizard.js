#!/usr/bin/env node
// The executable: checks the Node version, then hands the arguments to the CLI, one esbuild bundle
// (dist/src/bundle/main.js, written by npm run build; scripts/bundle.mjs says how it is made).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`hipaa-wizard needs Node.js 22.12 or newer; this is ${process.version}.\n`);
  process.exit(2);
}
// Node keeps the compiled code of our modules between runs (in the system's temporary folder), which
// shortens every start after the first.
try {
  (await import('node:module')).enableCompileCache?.();
} catch {
  // an unwritable cache folder only costs speed
}
// React and Ink run their production builds unless told otherwise.
process.env.NODE_ENV ??= 'production';
let cli;
try {
  cli = await import('../dist/src/bundle/main.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('bundle/main.js')) throw e;
  process.stderr.write('hipaa-wizard is not built: run npm run build (it writes dist/src/bundle/main.js).\n');
  process.exit(70);
}
await cli.main(process.argv);

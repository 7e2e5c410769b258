#!/usr/bin/env node
// The executable: checks the Node version, then hands the arguments to the compiled CLI.
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
// The esbuild bundle (scripts/bundle.mjs) starts faster; it is used only when it is at least as new
// as the compiled CLI, so a stale bundle never runs older code.
const { statSync } = await import('node:fs');
const mtime = (rel) => {
  try {
    return statSync(new URL(rel, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundled = mtime('../dist/src/bundle/main.js') >= mtime('../dist/src/cli/main.js');
// No command (or `wizard`): the wizard starts without loading the other commands.
const { runIfWizard } = await import(bundled ? '../dist/src/bundle/wizard.js' : '../dist/src/cli/commands/wizard.js');
if (!(await runIfWizard(process.argv))) {
  const { main } = await import(bundled ? '../dist/src/bundle/main.js' : '../dist/src/cli/main.js');
  await main(process.argv);
}

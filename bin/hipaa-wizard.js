#!/usr/bin/env node
// The executable: checks the Node version, then hands the arguments to the compiled CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`hipaa-wizard needs Node.js 22.12 or newer; this is ${process.version}.\n`);
  process.exit(2);
}
const { main } = await import('../dist/src/cli/main.js');
await main(process.argv);

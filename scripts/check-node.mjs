// Runs before `npm test` (pretest): on a Node older than package.json's engines.node, say which Node is
// needed in one sentence and stop, instead of failing in dozens of tests. Plain JavaScript that any Node
// from 14 on can parse.
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node; // e.g. ">=22.12"
const min = wanted.replace(/^>=\s*/, '').split('.').map(Number);
const have = process.versions.node.split('.').map(Number);
let older = false;
for (let i = 0; i < 3; i++) {
  const a = have[i] || 0;
  const b = min[i] || 0;
  if (a !== b) {
    older = a < b;
    break;
  }
}
if (older) {
  process.stderr.write(
    `hipaa-wizard needs Node ${wanted.replace(/^>=\s*/, '')} or newer to build and test, and this is Node ${process.versions.node}; install a newer Node (for example with nvm: nvm install 24) and run npm test again.\n`,
  );
  process.exit(1);
}

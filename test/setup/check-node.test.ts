/** `npm test` on too old a Node says which Node is needed in one sentence (the pretest check) instead of failing in many tests. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const script = new URL('../../scripts/check-node.mjs', import.meta.url).pathname;
const pretendNode = (version: string) =>
  spawnSync(process.execPath, ['--import', `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`, script], { encoding: 'utf8' });

describe('the Node version check before npm test', () => {
  it('is what npm runs before the tests', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.pretest).toBe('node scripts/check-node.mjs');
  });

  it('on Node 20, prints one sentence naming the Node needed and exits non-zero', () => {
    const r = pretendNode('20.11.0');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'hipaa-wizard needs Node 22.12 or newer to build and test, and this is Node 20.11.0; install a newer Node (for example with nvm: nvm install 24) and run npm test again.\n',
    );
  });

  it('lets a new enough Node through silently', () => {
    for (const v of ['22.12.0', '24.1.0']) {
      const r = pretendNode(v);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(pretendNode('22.11.9').status).toBe(1);
  });
});

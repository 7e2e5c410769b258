import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildDemoState } from '../src/demo/account.js';
import { loadRegistry } from '../src/engine/registry.js';
import { runCheckById } from '../src/engine/runner.js';
import { ctx } from './helpers/state.js';
it('dumps', async () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const s = buildDemoState(now);
  const reg = await loadRegistry();
  const out: string[] = [];
  for (const c of reg.checks) { const f = runCheckById(reg, c.id, s, ctx({}, now)); out.push(`${c.id}\t${f?.status}\t${f?.message}`); if (process.env.RES) for (const r of f?.resources ?? []) out.push(`    ${r.status} ${r.id} ${r.detail}`); }
  writeFileSync(process.env.DUMP ?? '/tmp/fid/demo.txt', out.join('\n'));
});

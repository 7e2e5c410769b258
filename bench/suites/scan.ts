/**
 * The large-account scan: runs bench/large-account.ts in a child process (its own memory, its own
 * mocked SDK clients) from the bench's bundle (dist/bench/bundle/, built like the executable's by
 * `scripts/bundle.mjs --bench`, so the SDK code is what the executable loads) and turns its report
 * into rows with the targets: no call twice for the same data, wall time within 1.15× the
 * lower bound, peak memory under 300 MB.
 *
 * On 2026-12-06 (Node 24, 2 cores shared with other work): peak 376–383 MB and 82 MB kept after GC
 * with the SDK bundled, against 433–453 MB and 140 MB with the whole client packages from
 * node_modules (the tsc output, dist/bench/large-account.js); wall / bound 1.24–1.36 against
 * 1.21–1.44 in runs taken in turn (the same CPU time over the whole run: the bundle loads faster and
 * its collectors take a little more inside the measured window). `node --max-semi-space-size=2` took 15–25 MB off the peak
 * and added a third to the CPU time (wall / bound 1.39–1.58), so the executable does not set it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LargeAccountReport } from '../large-account.js';
import type { BenchRow } from '../run.js';

/** One line of the bench table (declared once, in bench/run.ts). */
export type Row = BenchRow;

/** The V8 flags the scan runs with; README's "Scale and speed" gives the figures without them too. */
/** Empty: the bin sets no V8 flags, so the bench measures what a user gets (BENCH_NODE_FLAGS tries others). */
export const DEFAULT_FLAGS = '';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function run(): Promise<Row[]> {
  const worker = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundle', 'large-account.js');
  if (!existsSync(worker)) return [{ name: 'large-account scan', value: 0, unit: '', ok: false, note: `${worker} is missing: npm run bench bundles it (node scripts/bundle.mjs --bench)` }];
  // V8 sizes its heap from the machine's memory and sweeps lazily: on a big machine the young
  // generation alone may grow to 3 × 64 MB before it is collected. The scan runs with a heap sized
  // for a modest machine (flags printed with the result; BENCH_NODE_FLAGS overrides them), so peak
  // RSS shows what the scan needs, and --expose-gc lets it report what it keeps after a full GC.
  const flags = (process.env.BENCH_NODE_FLAGS ?? DEFAULT_FLAGS).split(/\s+/).filter(Boolean);
  const child = spawnSync(process.execPath, [...flags, '--expose-gc', worker], { encoding: 'utf8', env: process.env, maxBuffer: 16 * 2 ** 20, timeout: 170_000 });
  const line = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    const why = child.error ? child.error.message : (child.stderr || '').trim().split('\n').slice(0, 3).join(' ') || `exit code ${child.status}`;
    return [{ name: 'large-account scan', value: 0, unit: '', ok: false, note: `did not finish: ${why}` }];
  }
  const r = JSON.parse(line) as LargeAccountReport;
  const s = r.size;
  const used = `${s.users} users, ${s.buckets} buckets, ${s.securityGroups} security groups, ${s.instances} instances, ${s.regions} regions, ${s.latencyMs} ms per call`;
  const rows: Row[] = [
    { name: 'scan: wall time', value: round(r.wallMs / 1000), unit: 's', target: `≤ 1.15 × bound (${round((1.15 * r.boundMs) / 1000)} s)`, ok: r.wallMs <= 1.15 * r.boundMs, note: used },
    { name: 'scan: lower bound', value: round(r.boundMs / 1000), unit: 's', note: `busiest pool: ${r.bottleneck || 'none'}` },
    { name: 'scan: wall / bound', value: round(r.boundMs > 0 ? r.wallMs / r.boundMs : 0), unit: '×', target: '≤ 1.15', ok: r.wallMs <= 1.15 * r.boundMs },
    { name: 'scan: CPU time used', value: round(r.cpuMs / 1000), unit: 's', note: 'user + system during the scan; on a loaded machine the wall time cannot beat CPU time ÷ the share of a core it gets' },
    { name: 'scan: evaluation (checks)', value: round(r.evaluateMs), unit: 'ms' },
    { name: 'scan: API calls', value: r.calls, unit: 'calls' },
    { name: 'scan: calls per resource', value: round(r.calls / Math.max(1, r.resources), 3), unit: 'calls', note: `${r.resources} resources` },
    {
      name: 'scan: duplicate calls',
      value: r.duplicates,
      unit: 'calls',
      target: '0',
      ok: r.duplicates === 0,
      note: r.duplicateExamples.length ? r.duplicateExamples.join(' | ') : undefined,
    },
    { name: 'scan: peak memory (RSS)', value: round(r.peakRssMb, 0), unit: 'MB', target: '< 300', ok: r.peakRssMb < 300, note: `node ${(process.env.BENCH_NODE_FLAGS ?? DEFAULT_FLAGS).trim() || '(default flags)'}; peak heap ${round(r.peakHeapMb, 0)} MB of ${round(r.heapLimitMb, 0)} MB allowed` },
    { name: 'scan: memory kept after GC (heap)', value: round(r.keptHeapMb, 0), unit: 'MB', note: 'SDK code, the collected state and the findings, garbage swept' },
    {
      name: 'scan: slices read',
      value: r.slices.ok,
      unit: 'slices',
      note: r.slices.failed ? `${r.slices.failed} failed: ${r.slices.failures.join('; ')}` : undefined,
    },
  ];
  const slowest = r.slowest[0]?.match(/^(\S+) (\d+) ms$/);
  if (slowest) {
    rows.push({
      name: 'scan: slowest slice',
      value: round(Number(slowest[2]) / 1000),
      unit: 's',
      note: `${r.slowest.join(', ')} (a slice far above the bound reads its resources a few at a time: see RESOURCE_FANOUT in src/aws/limit.ts)`,
    });
  }
  if (r.slices.noCollector.length) {
    rows.push({ name: 'scan: no collector yet', value: r.slices.noCollector.length, unit: 'slices', note: r.slices.noCollector.join(', ') });
  }
  return rows;
}

/**
 * The small account: the demo clinic's size over two regions, scanned by the real collectors and
 * checks in a child process with Node's default settings (the bin sets no V8 flags), served by the
 * bench's fake (bench/fake-aws.ts, SDK clients mocked at `send`, no latency). Prints the requests
 * made (held at or below RECORDED_CALLS, today's figure) and the peak resident memory (< 150 MB).
 * Like `scan`, it reads only the slices some check needs (BENCH_NEEDS_ONLY).
 *
 * Not yet measured here: the built bin as a child process against an HTTP endpoint (AWS_ENDPOINT_URL);
 * the fake answers SDK commands in-process, so this measures the collectors, not the bin's start.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LargeAccountReport } from '../large-account.js';
import type { BenchRow } from '../run.js';

/** Requests for SMALL on the day the bound was recorded (2026-12-05); a change that adds requests raises this on purpose, in the same commit. */
export const RECORDED_CALLS = 216;

/** The demo clinic's size (a handful of people, buckets and machines in two regions). */
export const SMALL = { BENCH_USERS: '12', BENCH_BUCKETS: '8', BENCH_SGS: '10', BENCH_INSTANCES: '4', BENCH_REGIONS: '2', BENCH_LATENCY_MS: '0', BENCH_NEEDS_ONLY: '1' };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchRow[]> {
  const worker = join(dirname(fileURLToPath(import.meta.url)), '..', 'large-account.js');
  const child = spawnSync(process.execPath, ['--expose-gc', worker], { encoding: 'utf8', env: { ...process.env, ...SMALL }, maxBuffer: 16 * 2 ** 20, timeout: 120_000 });
  const line = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    const why = child.error ? child.error.message : (child.stderr || '').trim().split('\n').slice(0, 3).join(' ') || `exit code ${child.status}`;
    return [{ name: 'small account', value: 0, unit: '', ok: false, note: `did not finish: ${why}` }];
  }
  const r = JSON.parse(line) as LargeAccountReport;
  const bound = RECORDED_CALLS;
  return [
    { name: 'small: requests', value: r.calls, unit: 'calls', target: `≤ ${bound} (recorded)`, ok: r.calls <= bound, note: `${r.size.users} users, ${r.size.buckets} buckets, ${r.size.securityGroups} security groups, ${r.size.instances} instances, ${r.size.regions} regions` },
    { name: 'small: peak memory (RSS)', value: round(r.peakRssMb, 0), unit: 'MB', target: '< 150', ok: r.peakRssMb < 150, note: 'Node default flags, as the bin runs; in-process fake, so the bin’s own start-up is not in this figure' },
    { name: 'small: memory kept after GC (heap)', value: round(r.keptHeapMb, 0), unit: 'MB', note: 'SDK code, the collected state and the findings' },
    ...sdkLoad(),
  ];
}

/** The split: RSS and heap after loading every SDK client package, before any request. */
function sdkLoad(): BenchRow[] {
  const probe = join(dirname(fileURLToPath(import.meta.url)), '..', 'sdk-load.js');
  const child = spawnSync(process.execPath, ['--expose-gc', probe], { encoding: 'utf8', timeout: 60_000 });
  const line = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) return [{ name: 'small: SDK packages loaded', value: 0, unit: '', ok: false, note: (child.stderr || '').trim().split('\n')[0] }];
  const x = JSON.parse(line) as { packages: number; rssBeforeMb: number; rssAfterMb: number; heapAfterMb: number };
  return [
    { name: 'split: RSS, node alone', value: x.rssBeforeMb, unit: 'MB' },
    { name: `split: RSS, ${x.packages} SDK packages loaded`, value: x.rssAfterMb, unit: 'MB', note: `heap ${x.heapAfterMb} MB after GC, before any request: most of the small scan's peak is SDK code` },
  ];
}

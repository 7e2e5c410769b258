/**
 * The organization: `scan --org` over 50 member accounts of the small account's size, 4 at a time,
 * 30 ms per call (bench/org-scan.ts in a child process with Node's default flags, as the bin runs).
 * Targets (issue 17): memory flat in the number of accounts (each account's state freed before the
 * next: the heap kept after a full GC, and the peak RSS, by the 50th account within 10 % of the
 * figure by the 10th) and the wall time within 1.3 × its lower bound: ⌈50 / 4⌉ times one account's
 * scan measured alone (warm), since its calls wait on one another. BENCH_ORG_ACCOUNTS and
 * BENCH_ORG_CONCURRENCY change the run.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrgScanReport } from '../org-scan.js';
import type { BenchRow } from '../run.js';
import { SMALL } from './small.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchRow[]> {
  const worker = join(dirname(fileURLToPath(import.meta.url)), '..', 'org-scan.js');
  const env = { ...process.env, ...SMALL, BENCH_LATENCY_MS: process.env.BENCH_LATENCY_MS ?? '30' };
  const child = spawnSync(process.execPath, ['--expose-gc', worker], { encoding: 'utf8', env, maxBuffer: 16 * 2 ** 20, timeout: 300_000 });
  const line = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    const why = child.error ? child.error.message : (child.stderr || '').trim().split('\n').slice(0, 3).join(' ') || `exit code ${child.status}`;
    return [{ name: 'org: organization scan', value: 0, unit: '', ok: false, note: `did not finish: ${why}` }];
  }
  const r = JSON.parse(line) as OrgScanReport;
  const marks = Object.keys(r.peakRssMbAt).map(Number).sort((a, b) => a - b);
  const first = r.peakRssMbAt[String(marks[0])] ?? 0;
  const last = r.peakRssMbAt[String(marks.at(-1))] ?? 0;
  const keptFirst = r.keptHeapMbAt[String(marks[0])] ?? 0;
  const keptLast = r.keptHeapMbAt[String(marks.at(-1))] ?? 0;
  const ratio = r.boundMs > 0 ? r.wallMs / r.boundMs : 0;
  return [
    {
      name: 'org: wall time',
      value: round(r.wallMs / 1000, 2),
      unit: 's',
      note: `${r.accounts} accounts (${r.scanned} scanned), ${r.concurrency} at a time, ${r.latencyMs} ms per call, ${r.callsPerAccount} calls per account; CPU ${round(r.cpuMs / 1000, 2)} s`,
    },
    {
      name: 'org: lower bound',
      value: round(r.boundMs / 1000, 2),
      unit: 's',
      note: `one account's scan alone takes ${round(r.accountAloneMs / 1000, 2)} s (its AssumeRole included), ⌈${r.accounts} / ${r.concurrency}⌉ times, after the walk's own start; from the pools alone (no call waiting on another) it would be ${round(r.poolBoundMs / 1000, 2)} s: ${round(r.accountBoundMs / 1000, 2)} s per account, busiest pool ${r.accountBottleneck}`,
    },
    { name: 'org: wall / bound', value: round(ratio, 2), unit: '×', target: '≤ 1.3', ok: ratio <= 1.3 },
    ...marks.map((m) => ({ name: `org: peak RSS by account ${m}`, value: round(r.peakRssMbAt[String(m)] ?? 0, 0), unit: 'MB', note: m === marks.at(-1) ? `heap kept after GC at ${marks.map((k) => `${k}: ${round(r.keptHeapMbAt[String(k)] ?? 0, 0)} MB`).join(', ')} (each account's findings are written as it finishes, not kept: ${round(r.outputKb, 0)} KB of text in all)` : undefined })),
    {
      name: `org: heap kept, account ${marks[0]} to ${marks.at(-1)}`,
      value: round(keptFirst > 0 ? ((keptLast - keptFirst) / keptFirst) * 100 : 0, 1),
      unit: '%',
      target: '< 10 (flat)',
      ok: keptFirst > 0 && (keptLast - keptFirst) / keptFirst < 0.1,
      note: 'what the walk holds after a full GC: each account\'s state is let go once its findings are rendered',
    },
    {
      name: `org: peak RSS growth, account ${marks[0]} to ${marks.at(-1)}`,
      value: round(first > 0 ? ((last - first) / first) * 100 : 0, 1),
      unit: '%',
      target: '< 10 (flat)',
      ok: first > 0 && (last - first) / first < 0.1,
      note: 'with the heap kept flat, the growth is V8 keeping the pages it grew into (heap total) and native memory, about 1 MB per account; BENCH_ORG_ACCOUNTS=120 shows it going on',
    },
  ];
}

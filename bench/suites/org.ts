/**
 * The organization: `scan --org` over 50 member accounts of the small account's size, 4 at a time,
 * 30 ms per call (bench/org-scan.ts, bundled with the SDK as the executable bundles it, in a child
 * process with Node's default flags, as the bin runs).
 * Targets (issue 17): memory flat in the number of accounts (each account's state freed before the
 * next: the heap kept after a full GC, and the peak RSS, by the 50th account within 10 % of the
 * figure by the 25th, once V8 has sized its heap; the figure by the 10th is printed too) and the wall time within 1.3 × its lower bound: ⌈50 / 4⌉ times one account's
 * scan measured alone (warm), since its calls wait on one another. BENCH_ORG_ACCOUNTS and
 * BENCH_ORG_CONCURRENCY change the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrgScanReport } from '../org-scan.js';
import type { BenchRow } from '../run.js';
import { SMALL } from './small.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchRow[]> {
  const worker = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundle', 'org-scan.js');
  if (!existsSync(worker)) return [{ name: 'org: organization scan', value: 0, unit: '', ok: false, note: `${worker} is missing: npm run bench bundles it (node scripts/bundle.mjs --bench)` }];
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
  const mid = marks[1] ?? marks[0];
  const keptMid = r.keptHeapMbAt[String(mid)] ?? 0;
  const peakMid = r.peakRssMbAt[String(mid)] ?? 0;
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
      name: `org: heap kept, account ${mid} to ${marks.at(-1)}`,
      value: round(keptMid > 0 ? ((keptLast - keptMid) / keptMid) * 100 : 0, 1),
      unit: '%',
      target: '< 10 (flat)',
      ok: keptMid > 0 && (keptLast - keptMid) / keptMid < 0.1,
      note: "what the walk holds after a full GC: each account's state is let go once its findings are written",
    },
    {
      name: `org: peak RSS growth, account ${mid} to ${marks.at(-1)}`,
      value: round(peakMid > 0 ? ((last - peakMid) / peakMid) * 100 : 0, 1),
      unit: '%',
      target: '< 10 (flat)',
      ok: peakMid > 0 && (last - peakMid) / peakMid < 0.1,
      note: `the peak grows over the first accounts while V8 sizes its heap (${round(first, 0)} MB by account ${marks[0]}), then stays: the walk collects garbage between accounts once 16 MB has piled up (src/lib/memory.ts), since V8 alone, sizing its heap from the machine, lets garbage grow the peak with every account; BENCH_ORG_ACCOUNTS=120 shows the plateau`,
    },
  ];
}

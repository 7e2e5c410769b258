/**
 * The large-account scan, run in its own process by bench/suites/scan.ts (so its memory and its
 * mocked SDK clients touch nothing else). Prints one JSON object on stdout.
 *
 * Size and latency come from the environment (defaults in brackets):
 *   BENCH_USERS [2000]  BENCH_BUCKETS [5000]  BENCH_SGS [3000]  BENCH_INSTANCES [1000]
 *   BENCH_REGIONS [17]  BENCH_LATENCY_MS [30]
 */
import { pathToFileURL } from 'node:url';
import { ClientFactory } from '../src/aws/clients.js';
import { Collection, type CollectorModule } from '../src/aws/collector.js';
import { callerIdentity, enabledRegions } from '../src/aws/identity.js';
import { DEFAULT_SETTINGS, EMPTY_RECORDS } from '../src/engine/model.js';
import { loadRegistry } from '../src/engine/registry.js';
import { countStatuses, needsOf, runAll } from '../src/engine/runner.js';
import type { Result } from '../src/engine/state.js';
import { collectorLoaders } from '../src/generated/collectors.js';
import { FakeAccount, type FakeSize, installFake, sizeFromEnv } from './fake-aws.js';


export interface LargeAccountReport {
  readonly size: FakeSize;
  readonly resources: number;
  readonly wallMs: number;
  readonly collectMs: number;
  readonly evaluateMs: number;
  /** CPU time the process used during the scan (user + system): on a busy machine, wall time cannot beat it. */
  readonly cpuMs: number;
  readonly calls: number;
  readonly duplicates: number;
  readonly duplicateExamples: readonly string[];
  readonly boundMs: number;
  readonly bottleneck: string;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly heapLimitMb: number;
  /** Heap in use after the scan and a full garbage collection (NaN without --expose-gc). */
  readonly keptHeapMb: number;
  readonly slices: { readonly ok: number; readonly failed: number; readonly noCollector: readonly string[]; readonly failures: readonly string[] };
  readonly findings: Record<string, number>;
  /** The slowest slices (collector runs), for finding a collector that calls one at a time. */
  readonly slowest: readonly string[];
}


/** Scans a fake account of `size` with the real collectors and checks, and measures it. */
export async function measureLargeAccount(size: FakeSize): Promise<LargeAccountReport> {
  const account = new FakeAccount(size);
  const { log, restore } = await installFake(account);

  // Everything a scan could read: every check's needs plus every slice a collector file offers.
  const registry = await loadRegistry();
  const needs = needsOf(registry.checks);
  const global = new Set(needs.global);
  const regional = new Set(needs.regional);
  // BENCH_NEEDS_ONLY=1: only what the checks read, as `scan` does (the small suite counts requests so).
  if (process.env.BENCH_NEEDS_ONLY !== '1')
    for (const load of Object.values(collectorLoaders)) {
    const mod = (await load()) as CollectorModule;
    for (const [key, def] of Object.entries(mod.collectors as Record<string, { scope: string }>)) (def.scope === 'global' ? global : regional).add(key);
  }

  const { getHeapStatistics } = await import('node:v8');
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  let ticks = 0;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    // The full figures walk the heap's spaces; read them less often.
    if (ticks++ % 10 === 0) {
      const heap = process.memoryUsage().heapUsed;
      if (heap > peakHeap) peakHeap = heap;
    }
  };
  const sampler = setInterval(sample, 10);

  const clients = new ClientFactory();
  const byPool = new Map<string, number>();
  // BENCH_CALLS_BY_COMMAND=1: the requests per client and command, on stderr (which calls to cut).
  const byCommand = new Map<string, number>();
  clients.setSendWrapper((client, region, command, send) => {
    const k = `${client}@${region}`;
    byPool.set(k, (byPool.get(k) ?? 0) + 1);
    const c = `${client.replace(/Client$/, '')} ${command.replace(/Command$/, '')}`;
    byCommand.set(c, (byCommand.get(c) ?? 0) + 1);
    return send();
  });
  const home = account.regions[0] ?? 'us-east-1';
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const identity = await callerIdentity(clients, home);
  const { regions } = await enabledRegions(clients, home);
  byPool.clear();
  const tStart = performance.now();
  const began = new Map<string, number>();
  const took: { slice: string; ms: number }[] = [];
  const collection = new Collection({
    clients,
    identity,
    homeRegion: home,
    regions,
    onEvent: (e) => {
      const id = e.region ? `${e.key}@${e.region}` : e.key;
      if (e.type === 'start') began.set(id, performance.now());
      else took.push({ slice: id, ms: performance.now() - (began.get(id) ?? performance.now()) });
    },
  });
  await collection.collect({ global: [...global], regional: [...regional] });
  const tCollected = performance.now();

  if (process.env.BENCH_CALLS_BY_COMMAND === '1')
    process.stderr.write(`${[...byCommand].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${String(n).padStart(5)}  ${c}`).join('\n')}\n`);
  const state = collection.state();
  const findings = runAll(registry, state, { now: new Date('2026-11-24T00:00:00Z'), settings: DEFAULT_SETTINGS, records: EMPTY_RECORDS });
  const tEnd = performance.now();
  const cpu = process.cpuUsage(cpu0);
  sample();
  // With node --expose-gc: what the scan keeps (SDK code, the state, the findings), garbage swept.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const keptHeap = gc ? process.memoryUsage().heapUsed : Number.NaN;
  void findings.length;
  clearInterval(sampler);
  restore();

  // The lower bound: the three start-up calls run one after another (identity, alias, regions);
  // after that, each service-and-region pool can have `limit` calls in flight, so a pool with n
  // calls needs at least ceil(n / limit) latencies. The busiest pool sets the bound.
  const startupCalls = 3;
  let boundRounds = 0;
  let bottleneck = '';
  for (const p of clients.poolStats()) {
    const n = byPool.get(`${p.client}@${p.region}`) ?? 0;
    const rounds = Math.ceil(n / p.limit);
    if (rounds > boundRounds) {
      boundRounds = rounds;
      bottleneck = `${p.client.replace(/Client$/, '')} in ${p.region}: ${n} calls, ${p.limit} at a time`;
    }
  }
  const boundMs = (startupCalls + boundRounds) * size.latencyMs;

  const dupes = [...log.byKey.entries()].filter(([, n]) => n > 1);
  const noCollector = new Set<string>();
  const failures = new Map<string, number>();
  let okCount = 0;
  let failed = 0;
  const tally = (key: string, r: Result<unknown> | undefined) => {
    if (!r) return;
    if (r.ok) okCount++;
    else if (r.error.code === 'NoCollector') noCollector.add(key);
    else {
      failed++;
      const k = `${key}: ${r.error.message}`;
      failures.set(k, (failures.get(k) ?? 0) + 1);
    }
  };
  for (const [k, r] of Object.entries(state.global)) tally(k, r as Result<unknown>);
  for (const slices of Object.values(state.regional)) for (const [k, r] of Object.entries(slices)) tally(k, r as Result<unknown>);

  const report: LargeAccountReport = {
    size,
    resources: account.resources,
    wallMs: tEnd - t0,
    collectMs: tCollected - tStart,
    evaluateMs: tEnd - tCollected,
    cpuMs: (cpu.user + cpu.system) / 1000,
    calls: log.total,
    duplicates: dupes.reduce((s, [, n]) => s + n - 1, 0),
    duplicateExamples: dupes.slice(0, 5).map(([k, n]) => `${n}× ${(log.repeated.get(k) ?? k).slice(0, 160)}`),
    boundMs,
    bottleneck,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    heapLimitMb: getHeapStatistics().heap_size_limit / 2 ** 20,
    keptHeapMb: keptHeap / 2 ** 20,
    slices: {
      ok: okCount,
      failed,
      noCollector: [...noCollector].sort(),
      failures: [...failures.entries()].slice(0, 10).map(([k, n]) => (n > 1 ? `${k} (${n} regions)` : k)),
    },
    findings: { ...countStatuses(findings) },
    slowest: took
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((t) => `${t.slice} ${Math.round(t.ms)} ms`),
  };
  clients.destroy();
  return report;
}

// Run as a program (by bench/suites/scan.ts): measure the size the environment asks for, print JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  measureLargeAccount(sizeFromEnv())
    .then((report) => process.stdout.write(`${JSON.stringify(report)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`large-account bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}

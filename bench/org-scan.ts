/**
 * The organization scan, run in its own process by bench/suites/org.ts: `scan --org` over N member
 * accounts of the fake (bench/fake-aws.ts), each reached by STS AssumeRole and scanned by the real
 * walk (src/session/org.ts walkOrganization with openLiveSource), C accounts at a time, each
 * account's findings rendered and written as `scan --org` writes them (as each account finishes)
 * and its state let go. Prints one JSON object on stdout.
 *
 * Environment (defaults in brackets): BENCH_ORG_ACCOUNTS [50], BENCH_ORG_CONCURRENCY [4], and the
 * account size of bench/large-account.ts (BENCH_USERS, BENCH_BUCKETS, BENCH_SGS, BENCH_INSTANCES,
 * BENCH_REGIONS, BENCH_LATENCY_MS); the suite passes the small account's size with 30 ms per call.
 */
import { pathToFileURL } from 'node:url';
import { ClientFactory } from '../src/aws/clients.js';
import { Collection } from '../src/aws/collector.js';
import { callerIdentity, enabledRegions } from '../src/aws/identity.js';
import { DEFAULT_SETTINGS, EMPTY_RECORDS } from '../src/engine/model.js';
import { loadRegistry } from '../src/engine/registry.js';
import { countStatuses, needsOf, runAll } from '../src/engine/runner.js';
import type { GlobalKey, RegionalKey } from '../src/engine/state.js';
import { painter } from '../src/report/style.js';
import { scanText } from '../src/report/scan-output.js';
import { openLiveSource } from '../src/session/live.js';
import { type AccountScanValue, orgSummary, streamOrgText, walkOrganization } from '../src/session/org.js';
import { FakeAccount, installFake, sizeFromEnv } from './fake-aws.js';

export interface OrgScanReport {
  readonly accounts: number;
  readonly concurrency: number;
  readonly latencyMs: number;
  readonly scanned: number;
  readonly wallMs: number;
  /** ⌈N / C⌉ × one account's scan measured alone (with its AssumeRole), after the walk's own start. */
  readonly boundMs: number;
  /** The same from the pools alone: each account's AssumeRole, 3 start-up calls and its busiest pool. */
  readonly poolBoundMs: number;
  readonly accountAloneMs: number;
  /** One account's own lower bound (AssumeRole, the three start-up calls, its busiest pool). */
  readonly accountBoundMs: number;
  readonly accountBottleneck: string;
  readonly callsPerAccount: number;
  readonly cpuMs: number;
  /** Peak RSS by the time this many accounts were done: { "10": MB, "25": MB, "50": MB }. */
  readonly peakRssMbAt: Readonly<Record<string, number>>;
  /** Heap in use after a full GC at those moments. */
  readonly keptHeapMbAt: Readonly<Record<string, number>>;
  readonly outputKb: number;
}

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, not "${process.env[name]}"`);
  return n;
};

export async function measureOrgScan(): Promise<OrgScanReport> {
  const size = sizeFromEnv();
  const n = int('BENCH_ORG_ACCOUNTS', 50);
  const concurrency = int('BENCH_ORG_CONCURRENCY', 4);
  const account = new FakeAccount(size);
  account.orgAccounts = Array.from({ length: n }, (_, i) => ({ Id: String(200000000000 + i), Name: `clinic-${String(i + 1).padStart(2, '0')}` }));
  const { restore } = await installFake(account, { trackDuplicates: false });
  const home = account.regions[0] ?? 'us-east-1';
  const registry = await loadRegistry();
  const checks = registry.checks;
  const needs = needsOf(checks);
  const ctx = { now: new Date('2026-11-24T00:00:00Z'), settings: DEFAULT_SETTINGS, records: EMPTY_RECORDS };
  const steps = registry.steps;

  // One account alone first, counting its calls per pool: its lower bound, as bench/large-account.ts
  // computes it (each service-and-region pool needs ceil(calls / limit) latencies; the busiest sets it).
  // It also loads the SDK packages and warms the code, so the organization's wall time measures the
  // walk, not imports. Then the same account alone once more, timed: one warm account's scan.
  const probe = new ClientFactory();
  const byPool = new Map<string, number>();
  let probeCalls = 0;
  probe.setSendWrapper((client, region, _command, send) => {
    byPool.set(`${client}@${region}`, (byPool.get(`${client}@${region}`) ?? 0) + 1);
    probeCalls++;
    return send();
  });
  const alone = async (clients: ClientFactory, counting: boolean) => {
    const identity = await callerIdentity(clients, home);
    const { regions } = await enabledRegions(clients, home);
    if (counting) {
      byPool.clear();
      probeCalls = 3;
    }
    const collection = new Collection({ clients, identity, homeRegion: home, regions });
    await collection.collect({ global: needs.global as GlobalKey[], regional: needs.regional as RegionalKey[] });
    const findings = runAll(registry, collection.state(), ctx, steps);
    return scanText({ mode: 'live', state: collection.state(), steps, findings, generatedAt: ctx.now.toISOString() }, painter(false), 100);
  };
  await alone(probe, true);
  const warm = new ClientFactory();
  const probeStart = performance.now();
  await alone(warm, false);
  // Plus its AssumeRole: what each of the walk's accounts takes at best (its calls wait on one
  // another: the buckets before their settings, the trails before their status).
  const accountAloneMs = performance.now() - probeStart + size.latencyMs;
  warm.destroy();
  let rounds = 0;
  let bottleneck = '';
  for (const p of probe.poolStats()) {
    const calls = byPool.get(`${p.client}@${p.region}`) ?? 0;
    if (Math.ceil(calls / p.limit) > rounds) {
      rounds = Math.ceil(calls / p.limit);
      bottleneck = `${p.client.replace(/Client$/, '')} in ${p.region}: ${calls} calls, ${p.limit} at a time`;
    }
  }
  probe.destroy();
  // AssumeRole, then identity, alias and regions one after another, then the busiest pool.
  const accountBoundMs = (1 + 3 + rounds) * size.latencyMs;

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  }, 10);
  const marks = new Set([Math.min(10, n), Math.min(25, n), n]);
  const peakRssMbAt: Record<string, number> = {};
  const keptHeapMbAt: Record<string, number> = {};
  let done = 0;
  let written = 0;
  const paint = painter(false);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await walkOrganization<AccountScanValue>(
    { region: home },
    { roleName: 'HipaaWizardReadOnly', concurrency },
    openLiveSource,
    // What scan --org does with each account (src/cli/commands/scan.ts scanOrg, text format).
    async (source) => {
      const state = await source.collect(needs);
      const findings = runAll(registry, state, ctx, steps);
      return {
        counts: countStatuses(findings),
        text: scanText({ mode: source.mode, state, steps, findings, generatedAt: ctx.now.toISOString() }, paint, 100),
        partial: source.partialProblem(state),
      };
    },
    (_account, phase) => {
      if (phase !== 'done') return;
      done++;
      if (!marks.has(done)) return;
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
      peakRssMbAt[String(done)] = peak / 2 ** 20;
      gc?.();
      keptHeapMbAt[String(done)] = process.memoryUsage().heapUsed / 2 ** 20;
    },
    // As scan --org writes its text: each account's section as it finishes (here counted, not printed).
    streamOrgText((text) => {
      written += Buffer.byteLength(text);
    }),
  );
  written += Buffer.byteLength(orgSummary(result));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  restore();
  // The walk's own start: identity and alias, then ListAccounts (20 a page); then the accounts, C at a
  // time. Two bounds: from the pools alone (no call waits on another: looser), and from one account's
  // scan measured alone (the walk cannot beat ⌈N / C⌉ of them: the target's bound).
  const start = (2 + Math.ceil(n / 20)) * size.latencyMs;
  const poolBoundMs = start + Math.ceil(n / concurrency) * accountBoundMs;
  const boundMs = start + Math.ceil(n / concurrency) * accountAloneMs;
  return {
    accounts: n,
    concurrency,
    latencyMs: size.latencyMs,
    scanned: result.outcomes.filter((o) => o.status === 'scanned').length,
    wallMs,
    boundMs,
    poolBoundMs,
    accountAloneMs,
    accountBoundMs,
    accountBottleneck: bottleneck,
    // The probe's calls (its three start-up calls included) and the AssumeRole before them.
    callsPerAccount: probeCalls + 1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMbAt,
    keptHeapMbAt,
    outputKb: written / 1024,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureOrgScan().then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}

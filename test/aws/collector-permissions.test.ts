/**
 * Each slice's IAM read actions live next to the collector that fills it: every command a collector
 * sends (SDK mocked, the slices it builds on read from the demo account so its per-resource calls
 * run too) is authorized by an action that collector declares.
 */
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import type { CollectorContext, CollectorModule } from '../../src/aws/collector.js';
import { READ_ACTIONS } from '../../src/aws/read-actions.js';
import { SERVICES } from '../../src/aws/services.js';
import { buildDemoState } from '../../src/demo/account.js';
import { collectorLoaders } from '../../src/generated/collectors.js';
import type { GlobalKey, RegionalKey } from '../../src/engine/state.js';
import { NOW } from '../helpers/state.js';

const demo = buildDemoState(NOW);
const mocks: { service: string; mock: ReturnType<typeof mockClient> }[] = [];
for (const [service, info] of Object.entries(SERVICES)) {
  const pkg = (await import(info.pkg)) as Record<string, unknown>;
  const mock = mockClient(pkg[info.client] as never);
  mock.onAnyCommand().resolves({});
  mocks.push({ service, mock });
}
afterAll(() => {
  for (const { mock } of mocks) mock.restore();
});

const unwrap = (r: { ok: boolean; value?: unknown; error?: unknown } | undefined) => {
  if (!r?.ok) throw Object.assign(new Error('not in the demo account'), { name: 'AccessDenied' });
  return r.value;
};

/** The slices each collector asked the context for, while it ran. */
const DEPS = new Map<string, Set<string>>();
let running = '';

interface Sent {
  readonly slice: string;
  readonly service: string;
  readonly command: string;
}

async function sentBy(): Promise<{ sent: Sent[]; declared: Map<string, { permissions: readonly string[]; reads?: readonly string[] }> }> {
  const sent: Sent[] = [];
  const declared = new Map<string, { permissions: readonly string[]; reads?: readonly string[] }>();
  const clients = new ClientFactory({ maxAttempts: 1 });
  const ctx: CollectorContext = {
    clients,
    identity: demo.identity,
    homeRegion: demo.homeRegion,
    regions: ['us-east-1'],
    global: async (key: GlobalKey) => {
      DEPS.get(running)?.add(key);
      return unwrap(demo.global[key] as never) as never;
    },
    regional: async (key: RegionalKey, region: string) => {
      DEPS.get(running)?.add(key);
      return unwrap(demo.regional[region]?.[key] as never) as never;
    },
  } as CollectorContext;
  for (const load of Object.values(collectorLoaders) as (() => Promise<CollectorModule>)[]) {
    const mod = await load();
    for (const [slice, def] of Object.entries(mod.collectors) as [
      string,
      { scope: string; permissions: readonly string[]; reads?: readonly string[]; collect: (c: CollectorContext, r?: string) => Promise<unknown> },
    ][]) {
      declared.set(slice, def);
      running = slice;
      DEPS.set(slice, new Set());
      for (const { mock } of mocks) mock.resetHistory();
      const run = def.scope === 'global' ? def.collect(ctx) : def.collect(ctx, 'us-east-1');
      await Promise.race([run.catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
      for (const { service, mock } of mocks) {
        for (const call of mock.calls()) {
          const cmd = call.args[0] as { constructor: { name: string } };
          sent.push({ slice, service, command: cmd.constructor.name.replace(/Command$/, '') });
        }
      }
    }
  }
  clients.destroy();
  return { sent, declared };
}

const { sent: SENT, declared: DECLARED } = await sentBy();

describe('collector permissions', () => {
  it('runs every collector and sees the calls of most of them', () => {
    const slices = new Set(SENT.map((s) => s.slice));
    expect(slices.size).toBeGreaterThan(DECLARED.size * 0.8);
  });

  it('knows the IAM action of every command a collector sends', () => {
    const unknown = [...new Set(SENT.filter((s) => READ_ACTIONS[s.service]?.[s.command] === undefined).map((s) => `${s.service} ${s.command} (${s.slice})`))];
    expect(unknown).toEqual([]);
  });

  it('finds each call’s IAM action among the actions its slice’s collector declares', () => {
    const gaps = [
      ...new Set(
        SENT.filter((s) => {
          const action = READ_ACTIONS[s.service]?.[s.command];
          return action !== undefined && !(DECLARED.get(s.slice)?.permissions ?? []).includes(action);
        }).map((s) => `${s.slice}: ${s.service} ${s.command} needs ${READ_ACTIONS[s.service]?.[s.command]}`),
      ),
    ].sort();
    expect(gaps).toEqual([]);
  });

  it('declares, as reads, every other slice a collector builds on, so a check reading its slice gets their actions too', () => {
    const undeclared = [...DEPS].flatMap(([slice, deps]) => [...deps].filter((d) => !(DECLARED.get(slice)?.reads ?? []).includes(d)).map((d) => `${slice} reads ${d}`));
    expect(undeclared).toEqual([]);
    expect([...DEPS.values()].some((d) => d.size > 0)).toBe(true);
  });
});

/**
 * Collectors and the collection: each slice of AccountState is filled by one collector, at most once
 * per scan, and shared by every check that reads it. A collector that needs another slice (bucket
 * details need the bucket list) asks for it through the context and gets the memoised answer.
 * Errors become data: the slice holds `{ ok: false, error }` naming the refused IAM action.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { collectGarbage } from '../lib/memory.js';
import { collectorLoaders } from '../generated/collectors.js';
import {
  type AccountIdentity,
  type AccountState,
  type CollectError,
  type GlobalKey,
  type GlobalSlices,
  type RegionalKey,
  type RegionalSlices,
  type Result,
  STATE_FORMAT_VERSION,
  err,
  ok,
} from '../engine/state.js';
import { VERSION } from '../version.js';
import type { ClientFactory } from './clients.js';
import { classify, inRegion, isFatal } from './errors.js';
import { Semaphore } from './limit.js';

export interface CollectorContext {
  readonly clients: ClientFactory;
  readonly identity: AccountIdentity;
  readonly homeRegion: string;
  /** The regions being scanned. */
  readonly regions: readonly string[];
  /** Another global slice's value; when that slice failed, this collector fails with the same error. */
  global<K extends GlobalKey>(key: K): Promise<GlobalSlices[K]>;
  /** Another regional slice's value in one region. */
  regional<K extends RegionalKey>(key: K, region: string): Promise<RegionalSlices[K]>;
}

export interface GlobalCollectorDef<K extends GlobalKey> {
  readonly scope: 'global';
  /** The IAM actions the collector's own calls need. */
  readonly permissions: readonly string[];
  /** Other slices it builds on (through ctx.global / ctx.regional): their actions are needed too. */
  readonly reads?: readonly (GlobalKey | RegionalKey)[];
  readonly collect: (ctx: CollectorContext) => Promise<GlobalSlices[K]>;
}
export interface RegionalCollectorDef<K extends RegionalKey> {
  readonly scope: 'regional';
  /** The IAM actions the collector's own calls need. */
  readonly permissions: readonly string[];
  /** Other slices it builds on (through ctx.global / ctx.regional): their actions are needed too. */
  readonly reads?: readonly (GlobalKey | RegionalKey)[];
  readonly collect: (ctx: CollectorContext, region: string) => Promise<RegionalSlices[K]>;
}

export type CollectorSet = { readonly [K in GlobalKey]?: GlobalCollectorDef<K> } & {
  readonly [K in RegionalKey]?: RegionalCollectorDef<K>;
};

export interface CollectorModule {
  readonly collectors: CollectorSet;
}

export const globalCollector = <K extends GlobalKey>(
  permissions: readonly string[],
  collect: (ctx: CollectorContext) => Promise<GlobalSlices[K]>,
  reads?: readonly (GlobalKey | RegionalKey)[],
): GlobalCollectorDef<K> => ({ scope: 'global', permissions, collect, ...(reads ? { reads } : {}) });

export const regionalCollector = <K extends RegionalKey>(
  permissions: readonly string[],
  collect: (ctx: CollectorContext, region: string) => Promise<RegionalSlices[K]>,
  reads?: readonly (GlobalKey | RegionalKey)[],
): RegionalCollectorDef<K> => ({ scope: 'regional', permissions, collect, ...(reads ? { reads } : {}) });

/** Marks an error with the IAM action of the call that threw it, so AccessDenied names it precisely. */
export async function as<T>(action: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e && typeof e === 'object') (e as { $action?: string }).$action ??= action;
    throw e;
  }
}

/** Runs one call for one resource and keeps its failure as data (the resource's part is unknown). */
export async function attempt<T>(action: string, call: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await call());
  } catch (e) {
    return err(toCollectError(e, action));
  }
}

/** The running collector's way to wait on another slice without holding its place in the gate. */
/** Heap growth (MB) after which a finished slice triggers a full garbage collection. */
const GC_GROWTH_MB = 32;

const currentRun = new AsyncLocalStorage<<T>(p: Promise<T>) => Promise<T>>();

class SliceFailed extends Error {
  constructor(readonly error: CollectError) {
    super(error.message);
  }
}

export function toCollectError(e: unknown, fallbackAction?: string): CollectError {
  if (e instanceof SliceFailed) return e.error;
  const tagged = (e as { $action?: string } | undefined)?.$action;
  return classify(e, tagged ?? fallbackAction);
}

export type CollectEvent =
  | { readonly type: 'start'; readonly key: string; readonly region?: string }
  | { readonly type: 'done'; readonly key: string; readonly region?: string; readonly error?: CollectError };

export interface CollectionOptions {
  readonly clients: ClientFactory;
  readonly identity: AccountIdentity;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  readonly onEvent?: (event: CollectEvent) => void;
  /**
   * How many collectors run at once (each may make several calls). Requests are bounded per service
   * and region by the client factory, so this only keeps the number of open collectors sane.
   */
  readonly concurrency?: number;
  /** Where collectors come from; tests may pass their own. */
  readonly loaders?: Readonly<Record<string, () => Promise<CollectorModule>>>;
}

/** One scan's collection: memoised slices, collected on demand, bounded in concurrency. */
export class Collection {
  private readonly globals = new Map<string, Promise<Result<unknown>>>();
  private readonly regionals = new Map<string, Promise<Result<unknown>>>();
  private readonly done: { global: Record<string, Result<unknown>>; regional: Record<string, Record<string, Result<unknown>>> } = {
    global: {},
    regional: {},
  };
  private readonly gate: Semaphore;
  private readonly loaders: Readonly<Record<string, () => Promise<CollectorModule>>>;
  private stopped: CollectError | undefined;
  private readonly context: CollectorContext;

  constructor(private readonly options: CollectionOptions) {
    this.gate = new Semaphore(options.concurrency ?? 64);
    this.loaders = options.loaders ?? collectorLoaders;
    for (const r of options.regions) this.done.regional[r] = {};
    this.context = this.makeContext();
  }

  /**
   * The one context every collector of this scan sees (collectors may key per-scan caches on it).
   * Waiting on another slice gives the waiting run's place in the gate back until the answer comes
   * (the run is found through async-local storage), so collectors waiting on others can never fill
   * the gate and starve the very slices they wait for.
   */
  private makeContext(): CollectorContext {
    const self = this;
    const { clients, identity, homeRegion, regions } = this.options;
    const waitFor = <T>(p: Promise<T>): Promise<T> => {
      const run = currentRun.getStore();
      return run ? run(p) : p;
    };
    return {
      clients,
      identity,
      homeRegion,
      regions,
      async global(key) {
        const r = await waitFor(self.global(key));
        if (!r.ok) throw new SliceFailed(r.error);
        return r.value as never;
      },
      async regional(key, region) {
        const r = await waitFor(self.regional(key, region));
        if (!r.ok) throw new SliceFailed(r.error);
        return r.value as never;
      },
    };
  }

  private async def(key: string): Promise<GlobalCollectorDef<GlobalKey> | RegionalCollectorDef<RegionalKey>> {
    const service = key.split('.')[0] ?? '';
    const loader = this.loaders[service];
    if (!loader) throw new Error(`no collector module for ${key}`);
    const mod = await loader();
    const def = (mod.collectors as Record<string, GlobalCollectorDef<GlobalKey> | RegionalCollectorDef<RegionalKey>>)[key];
    if (!def) throw new Error(`src/aws/collectors/${service}.ts has no collector for ${key}`);
    return def;
  }

  /** A global slice, collected once. */
  global<K extends GlobalKey>(key: K): Promise<Result<GlobalSlices[K]>> {
    let p = this.globals.get(key);
    if (!p) {
      p = this.run(key, undefined);
      this.globals.set(key, p);
    }
    return p as Promise<Result<GlobalSlices[K]>>;
  }

  /** A regional slice in one region, collected once. */
  regional<K extends RegionalKey>(key: K, region: string): Promise<Result<RegionalSlices[K]>> {
    const id = `${key}@${region}`;
    let p = this.regionals.get(id);
    if (!p) {
      p = this.run(key, region);
      this.regionals.set(id, p);
    }
    return p as Promise<Result<RegionalSlices[K]>>;
  }

  private async run(key: string, region: string | undefined): Promise<Result<unknown>> {
    const { onEvent } = this.options;
    let def: Awaited<ReturnType<Collection['def']>>;
    try {
      def = await this.def(key);
    } catch (e) {
      const result = err({ code: 'NoCollector', kind: 'other', message: (e as Error).message });
      this.store(key, region, result);
      return result;
    }
    // A run holds one place in the gate while it works, and none while it waits on another slice.
    let owned = 0;
    const take = async () => {
      await this.gate.acquire();
      owned++;
    };
    const give = () => {
      if (owned > 0) {
        owned--;
        this.gate.release();
      }
    };
    let waiting = 0;
    const waitFor = async <T>(p: Promise<T>): Promise<T> => {
      if (waiting++ === 0) give();
      try {
        return await p;
      } finally {
        if (--waiting === 0) await take();
      }
    };
    await take();
    let result: Result<unknown>;
    try {
      // Once the credentials have expired or the run was interrupted, nothing more is asked of AWS.
      const stopped = this.stopReason();
      if (stopped) result = err(stopped);
      else {
        onEvent?.({ type: 'start', key, region });
        try {
          const collect = () => (def.scope === 'global' ? def.collect(this.context) : def.collect(this.context, region ?? this.options.homeRegion));
          const value = await currentRun.run(waitFor, collect);
          result = ok(value);
        } catch (e) {
          let error = toCollectError(e, def.permissions.length === 1 ? def.permissions[0] : undefined);
          if (region !== undefined) error = inRegion(error, region, this.options.homeRegion);
          if (isFatal(error)) this.stopped ??= error;
          result = err(error);
        }
      }
    } finally {
      while (owned > 0) give();
    }
    this.store(key, region, result);
    // The responses a slice was built from are garbage now. V8 sizes its heap from the machine and
    // lets such garbage pile up (a big account's scan peaked near 380 MB, 75 MB of it kept): once the
    // heap has grown 32 MB since the last collection, collect (bench: the peak near 280 MB, the
    // wall time and CPU time unchanged, since V8 then has less to collect on its own).
    collectGarbage(GC_GROWTH_MB);
    onEvent?.({ type: 'done', key, region, error: result.ok ? undefined : result.error });
    return result;
  }

  private stopReason(): CollectError | undefined {
    if (this.stopped) return this.stopped;
    const { clients } = this.options;
    if (clients.signal.aborted) return toCollectError(clients.signal.reason);
    if (clients.expiredError) this.stopped = toCollectError(clients.expiredError);
    return this.stopped;
  }

  /** Why collection stopped early (expired credentials, Ctrl-C), if it did; later slices carry the same error. */
  get stoppedBy(): CollectError | undefined {
    return this.stopReason();
  }

  private store(key: string, region: string | undefined, result: Result<unknown>): void {
    if (region === undefined) this.done.global[key] = result;
    else (this.done.regional[region] ??= {})[key] = result;
  }

  /**
   * Collects the named slices (regional ones in every scanned region), concurrently. The global
   * slices start first (IAM's, in the home region, are the longest chain of a big account); the
   * regional ones start a region at a time, letting answers already back be handled in between,
   * so building hundreds of clients does not hold up the chain that sets the scan's length.
   */
  async collect(needs: { readonly global?: readonly string[]; readonly regional?: readonly string[] }): Promise<void> {
    const jobs: Promise<unknown>[] = [];
    for (const k of needs.global ?? []) jobs.push(this.global(k as GlobalKey));
    const regional = needs.regional ?? [];
    if (regional.length > 0)
      for (const r of this.options.regions) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        for (const k of regional) jobs.push(this.regional(k as RegionalKey, r));
      }
    await Promise.all(jobs);
  }

  /** Everything collected so far, as a serialisable state. */
  state(): AccountState {
    return {
      formatVersion: STATE_FORMAT_VERSION,
      tool: { name: 'hipaa-wizard', version: VERSION },
      collectedAt: new Date().toISOString(),
      identity: this.options.identity,
      homeRegion: this.options.homeRegion,
      regions: [...this.options.regions],
      global: { ...this.done.global } as AccountState['global'],
      regional: Object.fromEntries(Object.entries(this.done.regional).map(([r, s]) => [r, { ...s }])) as AccountState['regional'],
    };
  }
}

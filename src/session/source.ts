/**
 * Where the account state comes from: the live account (AWS SDK), a snapshot file, or the built-in
 * demo. Every mode answers the same questions, so the scan, the wizard and the report never care.
 */
import { readFile } from 'node:fs/promises';
import { parseSnapshot, SnapshotError } from '../engine/snapshot.js';
import type { AccountIdentity, AccountState } from '../engine/state.js';

export type Mode = 'live' | 'demo' | 'snapshot';

export interface SourceOptions {
  readonly demo?: boolean;
  readonly snapshot?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly regions?: readonly string[];
  readonly endpointUrl?: string;
  /** Fixed clock for the demo (tests). */
  readonly now?: Date;
  /** Aborting it stops opening a live account, and every call the source makes, at once (quitting the wizard while it connects). */
  readonly signal?: AbortSignal;
  /** Told each AWS call opening a live account is about to wait on, so a person sees which one hangs. */
  readonly onOpeningCall?: (call: string) => void;
}

export interface Needs {
  readonly global?: readonly string[];
  readonly regional?: readonly string[];
}

export type CollectProgress = (event: { type: 'start' | 'done'; key: string; region?: string; error?: { message: string } }) => void;

interface SourceBase {
  readonly identity: AccountIdentity;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  /** Warnings to show once (a requested region that is not enabled). */
  readonly warnings: readonly string[];
  /** Collects what the needs name (live) or returns the saved state; the state grows with each call. */
  collect(needs: Needs, onProgress?: CollectProgress): Promise<AccountState>;
  /** When the credentials stopped working part-way (expired): the sentence saying `state` is partial. */
  partialProblem(state: AccountState): string | undefined;
  close(): void;
}

/** The live account: its SDK clients come with it, for plans and apply. */
export interface LiveSource extends SourceBase {
  readonly mode: 'live';
  readonly clients: import('../aws/clients.js').ClientFactory;
  /** Reads the given slices afresh, sharing nothing with earlier reads (apply's verification). */
  readFresh(needs: Needs): Promise<AccountState>;
}

/** The built-in demo or a saved snapshot: a fixed state, and no clients, so nothing can be changed. */
export interface StaticSource extends SourceBase {
  readonly mode: 'demo' | 'snapshot';
  readonly clients?: undefined;
  readonly readFresh?: undefined;
}

/** Where the account state comes from, told apart by `mode`: only a live source has clients. */
export type Source = LiveSource | StaticSource;

/** A start-up failure with one sentence for a person; the CLI exits 2 with it. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

function staticSource(mode: StaticSource['mode'], state: AccountState, regions?: readonly string[]): StaticSource {
  const kept = regions && regions.length > 0 ? state.regions.filter((r) => regions.includes(r)) : state.regions;
  const missing = (regions ?? []).filter((r) => !state.regions.includes(r));
  const view: AccountState = { ...state, regions: kept };
  return {
    mode,
    identity: state.identity,
    homeRegion: state.homeRegion,
    regions: kept,
    warnings: missing.length ? [`Not in the ${mode === 'demo' ? 'demo account' : 'snapshot'}: ${missing.join(', ')}.`] : [],
    collect: async () => view,
    partialProblem: () => undefined,
    close: () => {},
  };
}

export async function openSource(options: SourceOptions): Promise<Source> {
  if (options.demo && options.snapshot) throw new StartupError('Use either --demo or --snapshot, not both.');
  if (options.demo) {
    const { buildDemoState } = await import('../demo/account.js');
    return staticSource('demo', buildDemoState(options.now), options.regions);
  }
  if (options.snapshot) {
    let text: string;
    try {
      text = await readFile(options.snapshot, 'utf8');
    } catch (e) {
      throw new StartupError(`Cannot read the snapshot ${options.snapshot}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    }
    try {
      return staticSource('snapshot', parseSnapshot(text, options.snapshot), options.regions);
    } catch (e) {
      if (e instanceof SnapshotError) throw new StartupError(e.message);
      throw e;
    }
  }
  const { openLiveSource } = await import('./live.js');
  return openLiveSource(options);
}

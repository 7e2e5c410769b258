/**
 * The wizard under test: real walk services over the demo account (or a "live" account whose SDK
 * clients are mocked), a records folder of its own, a fixed clock and a fixed 100×30 frame.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { ClientFactory } from '../../src/aws/clients.js';
import { buildDemoState } from '../../src/demo/account.js';
import { DEFAULT_SETTINGS } from '../../src/engine/model.js';
import { loadRegistry, type Registry } from '../../src/engine/registry.js';
import type { AccountState } from '../../src/engine/state.js';
import { openSource, type Source, type SourceOptions } from '../../src/session/source.js';
import { Wizard } from '../../src/ui/components/wizard.js';
import { makeApplyPort, recordsPort } from '../../src/wizard/ports.js';
import { createWalk, outline, type WalkServices } from '../../src/wizard/services.js';

export const NOW = new Date('2026-11-24T12:00:00Z');
export const KEY = { enter: '\r', down: '\u001B[B', up: '\u001B[A', esc: '\u001B', tab: '\t', backspace: '\u007F', pageDown: '\u001B[6~' } as const;

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

export function recordsDir(): string {
  return mkdtempSync(join(tmpdir(), 'hipaa-wizard-ui-'));
}

export interface ServiceOptions {
  readonly records?: string;
  /** A source to use instead of the demo (a "live" account with mocked clients). */
  readonly source?: (options: SourceOptions) => Promise<Source>;
  /** How apply reads the account again (before the change, then after it). */
  readonly reads?: AccountState[];
  /** Where the summary writes the report (a fresh temporary folder unless given). */
  readonly reportDir?: string;
}

export async function services(opts: ServiceOptions = {}): Promise<{ services: WalkServices; registry: Registry; records: string; reportDir: string }> {
  const registry = await loadRegistry();
  const records = opts.records ?? recordsDir();
  const reads = opts.reads ? [...opts.reads] : undefined;
  const reportDir = opts.reportDir ?? recordsDir();
  const svc = createWalk({
    registry,
    source: opts.source ? { now: NOW } : { demo: true, now: NOW },
    recordsDir: records,
    settings: DEFAULT_SETTINGS,
    now: () => NOW,
    owner: 'dana.okafor',
    records: recordsPort(registry),
    apply: makeApplyPort(reads ? { collect: async () => reads.shift() ?? (reads.at(-1) as AccountState), by: 'dana.okafor' } : {}),
    openSource: opts.source ? (o) => (opts.source as (options: SourceOptions) => Promise<Source>)(o) : openSource,
    reportDir,
  });
  return { services: svc, registry, records, reportDir };
}

/** A live-mode source over a prepared state, with real (mockable) SDK clients for apply. */
export function liveSource(state: AccountState, collect?: Source['collect']): Source {
  const clients = new ClientFactory({ maxAttempts: 1 });
  return {
    mode: 'live',
    identity: state.identity,
    homeRegion: state.homeRegion,
    regions: state.regions,
    warnings: [],
    clients,
    collect: collect ?? (async () => state),
    partialProblem: () => undefined,
    readFresh: async (needs) => (collect ? collect(needs) : state),
    close: () => clients.destroy(),
  };
}

export const demoState = () => buildDemoState(NOW);

export function renderWizard(svc: WalkServices, registry: Registry, size = { columns: 100, rows: 30 }, startAt?: string) {
  let exited = false;
  const app = render(
    <Wizard services={svc} steps={outline(registry)} theme={{ color: false }} size={size} startAt={startAt} onExit={() => (exited = true)} />,
  );
  return { ...app, exited: () => exited };
}

/** Writes keys one at a time, letting Ink and the reducer settle after each. */
export async function press(stdin: { write(s: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick();
  }
}

/** Waits until the frame shows `text` (the walk's work is asynchronous). */
export async function waitFor(frame: () => string | undefined, text: string | RegExp, ms = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const f = frame() ?? '';
    if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
    if (Date.now() - start > ms) throw new Error(`The frame never showed ${String(text)}. Last frame:\n${f}`);
    await tick(15);
  }
}

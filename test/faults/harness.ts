/**
 * A small fake account behind every mocked SDK client (the bench's fake, tiny and without latency),
 * with one fault injected by client, region and command. `scanWith` runs the real Collection over
 * every check's needs and the real runner, and returns the state, the findings and the call log.
 */
import { FakeAccount, type FakeSize, installFake } from '../../bench/fake-aws.js';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';
import { DEFAULT_SETTINGS, EMPTY_RECORDS, type Finding } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { needsOf, runAll } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';

export const HOME = 'us-east-1';
export const OTHER = 'us-east-2';
const SMALL: FakeSize = { users: 3, buckets: 4, securityGroups: 6, instances: 4, regions: 2, latencyMs: 0 };

/** A fault: return an error to throw it for this call, undefined to answer normally. */
export type Fault = (call: { client: string; region: string; command: string; input: Record<string, unknown>; n: number }) => Error | undefined;

/** An AWS error as the SDK throws it: AWS's code as `name`, the HTTP status in `$metadata`. */
export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

export const denied = (name: string, action: string) =>
  awsError(name, `User: arn:aws:iam::111122223333:user/scanner is not authorized to perform: ${action} on resource: *`, 403);

class FaultyAccount extends FakeAccount {
  calls = 0;
  constructor(
    size: FakeSize,
    private readonly fault: Fault,
  ) {
    super(size);
  }
  override answer(client: string, region: string, command: string, input: Record<string, unknown>): unknown {
    const n = ++this.calls;
    const e = this.fault({ client, region, command, input, n });
    if (e) throw e;
    return super.answer(client, region, command, input);
  }
}

export interface ScanRun {
  readonly state: AccountState;
  readonly findings: readonly Finding[];
  readonly byId: ReadonlyMap<string, Finding>;
  readonly collection: Collection;
  readonly clients: ClientFactory;
  readonly calls: number;
}

export async function scanWith(fault: Fault = () => undefined, options: { concurrency?: number } = {}): Promise<ScanRun> {
  const account = new FaultyAccount(SMALL, fault);
  const { restore } = await installFake(account);
  const clients = new ClientFactory();
  try {
    const registry = await loadRegistry();
    const collection = new Collection({
      clients,
      identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/scanner', partition: 'aws' },
      homeRegion: HOME,
      regions: [HOME, OTHER],
      concurrency: options.concurrency,
    });
    await collection.collect(needsOf(registry.checks));
    const state = collection.state();
    const findings = runAll(registry, state, { now: new Date('2026-11-24T12:00:00Z'), settings: DEFAULT_SETTINGS, records: EMPTY_RECORDS });
    return { state, findings, byId: new Map(findings.map((f) => [f.id, f])), collection, clients, calls: account.calls };
  } finally {
    restore();
    clients.destroy();
  }
}

/** Every slice in the state with where it is: [key, region | undefined, result]. */
export function slices(state: AccountState): [string, string | undefined, { ok: boolean; error?: { kind: string; code: string; message: string; action?: string } }][] {
  const out: ReturnType<typeof slices> = [];
  for (const [k, r] of Object.entries(state.global)) out.push([k, undefined, r as never]);
  for (const [region, s] of Object.entries(state.regional)) for (const [k, r] of Object.entries(s)) out.push([k, region, r as never]);
  return out;
}

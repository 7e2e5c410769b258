/**
 * The client factory: one place that builds every AWS SDK client, with the region, the profile,
 * the endpoint (--endpoint-url, or the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
 * variables), adaptive retries and timeouts. Clients are cached per class and region, and SDK
 * packages are imported only when a client is first needed, so start-up never waits for them.
 *
 * Every send goes through one path that
 * - bounds the requests in flight per service and region (`SERVICE_LIMITS` in limit.ts),
 * - gives each call (retries included) a deadline, after which it fails with `TimeoutError`,
 * - stops at once when the factory is aborted (Ctrl-C) or its credentials have expired: after the
 *   first `ExpiredToken`, further calls fail with that same error without reaching AWS, so a scan
 *   ends quickly with what it had read instead of failing thousands of calls one by one.
 */
import { errorName } from './errors.js';
import { Semaphore, serviceLimit } from './limit.js';
import { sdkModuleFor } from './sdk-commands.js';
import { isService, SERVICES, type ServiceKey } from './services.js';

export interface ClientOptions {
  readonly profile?: string;
  /** Overrides every service's endpoint (AWS_ENDPOINT_URL is honoured by the SDK itself). */
  readonly endpointUrl?: string;
  readonly maxAttempts?: number;
  readonly connectionTimeoutMs?: number;
  /** One attempt's limit (the SDK's request timeout). */
  readonly requestTimeoutMs?: number;
  /** One call's limit, retries included (default two minutes). */
  readonly callTimeoutMs?: number;
  /** Credentials to use instead of the default chain (assumed-role sessions for --org). */
  readonly credentials?: unknown;
  /** Requests in flight per service and region, by client class name (e.g. `{ S3Client: 20 }`). */
  readonly limits?: Readonly<Record<string, number>>;
  /** Aborting it stops every call in flight and every later one (Ctrl-C). */
  readonly signal?: AbortSignal;
  /** An SDK request handler to use instead of the default HTTP one (tests). */
  readonly requestHandler?: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: SDK client constructors share no useful common type
type AnyCtor = new (config: any) => { send(command: unknown, options?: unknown): Promise<unknown>; destroy(): void };

/** A hook around every send: counting calls in benchmarks. It runs inside the concurrency limit. */
export type SendWrapper = (service: string, region: string, command: string, send: () => Promise<unknown>) => Promise<unknown>;

/** Errors after which no call with the same credentials can succeed. */
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'CredentialsProviderError']);

export const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/**
 * A client's or command's class name as the SDK spells it. The bundle (scripts/bundle.mjs) renames a
 * class whose name another bundled class has (EKS's and Redshift's DescribeClusterCommand become
 * DescribeClusterCommand and DescribeClusterCommand2); the names here key the concurrency limits and
 * name the call in a timeout's sentence, so the suffix is dropped.
 */
export function className(ctor: { name: string }): string {
  return ctor.name.replace(/(Command|Client)\d+$/, '$1');
}

function named(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

export interface PoolStats {
  readonly client: string;
  readonly region: string;
  readonly limit: number;
  readonly peak: number;
}

export class ClientFactory {
  /**
   * By class, then region: the bundled EC2Client and one loaded from node_modules (a command missing
   * from src/aws/sdk-commands.ts) share a name but not their commands, so each gets its own client.
   */
  private readonly cache = new Map<AnyCtor, Map<string, InstanceType<AnyCtor>>>();
  private readonly pools = new Map<string, Semaphore>();
  private readonly stop = new AbortController();
  /** The abort controllers of the calls in flight, aborted together on stop. */
  private readonly inFlight = new Set<AbortController>();
  private wrapper: SendWrapper | undefined;
  private expired: unknown;

  constructor(readonly options: ClientOptions = {}) {
    const outer = options.signal;
    if (outer) {
      if (outer.aborted) this.abort();
      else outer.addEventListener('abort', () => this.abort(), { once: true });
    }
  }

  /** Whether a custom endpoint is in force (flag or environment), for services that need path-style URLs. */
  get customEndpoint(): string | undefined {
    return this.options.endpointUrl ?? process.env.AWS_ENDPOINT_URL ?? undefined;
  }

  /** Aborted when the factory is stopped (Ctrl-C). */
  get signal(): AbortSignal {
    return this.stop.signal;
  }

  /** The expiry error that stopped this factory's calls, if any. */
  get expiredError(): unknown {
    return this.expired;
  }

  /** Stops every call in flight and refuses later ones with an `AbortError`. */
  abort(reason = 'the run was interrupted'): void {
    if (this.stop.signal.aborted) return;
    this.stop.abort(named('AbortError', reason));
    for (const c of this.inFlight) c.abort(this.stop.signal.reason);
    this.inFlight.clear();
  }

  setSendWrapper(wrapper: SendWrapper | undefined): void {
    this.wrapper = wrapper;
  }

  /** The concurrency pools used so far: their limits and the most requests they had in flight. */
  poolStats(): PoolStats[] {
    return [...this.pools.entries()].map(([key, s]) => {
      const [client = '', region = ''] = key.split('@');
      return { client, region, limit: s.size, peak: s.peak };
    });
  }

  /** The limit for a client class in force here. */
  limitFor(clientName: string): number {
    return serviceLimit(clientName, this.options.limits);
  }

  /** The client of class `Ctor` for `region`, built once. */
  get<C extends AnyCtor>(Ctor: C, region: string): InstanceType<C> {
    let byRegion = this.cache.get(Ctor);
    if (!byRegion) {
      byRegion = new Map();
      this.cache.set(Ctor, byRegion);
    }
    let client = byRegion.get(region);
    if (!client) {
      const name = className(Ctor);
      client = new Ctor(this.config(name, region));
      const original = client.send.bind(client);
      client.send = (command: unknown, opts?: unknown) => this.dispatch(name, region, command, opts, original);
      byRegion.set(region, client);
    }
    return client as InstanceType<C>;
  }

  private pool(clientName: string, region: string): Semaphore {
    const key = `${clientName}@${region}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new Semaphore(this.limitFor(clientName));
      this.pools.set(key, pool);
    }
    return pool;
  }

  private refusal(): unknown {
    if (this.stop.signal.aborted) return this.stop.signal.reason;
    return this.expired;
  }

  private async dispatch(
    clientName: string,
    region: string,
    command: unknown,
    opts: unknown,
    original: (command: unknown, options?: unknown) => Promise<unknown>,
  ): Promise<unknown> {
    const early = this.refusal();
    if (early) throw early;
    return this.pool(clientName, region).run(async () => {
      const late = this.refusal();
      if (late) throw late;
      const commandName = className((command as { constructor: { name: string } }).constructor);
      const call = () => this.withDeadline(commandName, command, opts, original);
      try {
        return await (this.wrapper ? this.wrapper(clientName, region, commandName, call) : call());
      } catch (e) {
        if (EXPIRED.has(errorName(e))) this.expired ??= e;
        throw e;
      }
    });
  }

  /** Runs one call with the factory's stop signal and the call deadline, both passed to the SDK and enforced here. */
  private async withDeadline(
    commandName: string,
    command: unknown,
    opts: unknown,
    original: (command: unknown, options?: unknown) => Promise<unknown>,
  ): Promise<unknown> {
    const ms = this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const local = new AbortController();
    const timer = setTimeout(
      () => local.abort(named('TimeoutError', `AWS did not answer ${commandName.replace(/Command$/, '')} within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`)),
      ms,
    );
    this.inFlight.add(local);
    let onLocal: (() => void) | undefined;
    try {
      return await new Promise<unknown>((resolve, reject) => {
        onLocal = () => reject(local.signal.reason);
        local.signal.addEventListener('abort', onLocal, { once: true });
        const given = opts && typeof opts === 'object' ? (opts as Record<string, unknown>) : {};
        // A mock may answer synchronously or throw; either way it becomes this promise.
        Promise.resolve()
          .then(() => original(command, { ...given, abortSignal: local.signal }))
          .then(resolve, reject);
      });
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(local);
      if (onLocal) local.signal.removeEventListener('abort', onLocal);
    }
  }

  /**
   * Loads the module holding `service`'s `command` (src/aws/sdk-commands.ts: the bundled list, else
   * the whole package) and returns its client for `region` and the module itself.
   */
  async load(service: ServiceKey, region: string, command: string): Promise<{ client: InstanceType<AnyCtor>; pkg: Record<string, unknown> }> {
    const info = SERVICES[service];
    const pkg = await sdkModuleFor(service, command, info.pkg);
    const Ctor = pkg[info.client] as AnyCtor;
    return { client: this.get(Ctor, region), pkg };
  }

  /** Sends `<command>Command` with `input` to `service` in `region`: the plan executor's one path to AWS. */
  /** What is wrong with `input` for the AWS API's `command` (src/aws/input-shape.ts); [] when nothing. */
  async inputProblems(service: string, command: string, input: Record<string, unknown>): Promise<readonly string[]> {
    if (!isService(service)) return [`there is no AWS service "${service}" here`];
    const { inputProblems } = await import('./input-shape.js');
    return inputProblems(service, command, input);
  }

  async send(service: ServiceKey, region: string, command: string, input: Record<string, unknown>): Promise<unknown> {
    const { client, pkg } = await this.load(service, region, command);
    const Command = pkg[`${command}Command`] as (new (input: unknown) => unknown) | undefined;
    if (!Command) throw new Error(`${SERVICES[service].pkg} has no ${command}Command`);
    return client.send(new Command(input));
  }

  private config(clientName: string, region: string): Record<string, unknown> {
    const o = this.options;
    const config: Record<string, unknown> = {
      region,
      maxAttempts: o.maxAttempts ?? 8,
      // Adaptive: exponential backoff with jitter on throttling and 5xx, plus a client-side rate
      // limiter that slows down when AWS starts throttling.
      retryMode: 'adaptive',
      requestHandler: o.requestHandler ?? {
        connectionTimeout: o.connectionTimeoutMs ?? 5_000,
        requestTimeout: o.requestTimeoutMs ?? 30_000,
        // A request past its timeout fails as TimeoutError (retried, then said in our words), rather
        // than the handler printing its own "[WARN] a request has exceeded…" on the console and waiting on.
        throwOnRequestTimeout: true,
        logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {} },
        // Sockets enough for the concurrency limit, so requests never queue inside the agent.
        httpsAgent: { maxSockets: Math.max(50, this.limitFor(clientName)), keepAlive: true },
      },
    };
    if (o.profile) config.profile = o.profile;
    if (o.credentials) config.credentials = o.credentials;
    if (o.endpointUrl) config.endpoint = o.endpointUrl;
    if (clientName === 'S3Client' && this.customEndpoint) config.forcePathStyle = true;
    return config;
  }

  destroy(): void {
    for (const byRegion of this.cache.values()) for (const c of byRegion.values()) c.destroy();
    this.cache.clear();
  }
}

/**
 * The client factory: one place that builds every AWS SDK client, with the region, the profile,
 * the endpoint (--endpoint-url, or the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
 * variables), adaptive retries and timeouts. Clients are cached per class and region, and SDK
 * packages are imported only when a client is first needed, so start-up never waits for them.
 */
import { SERVICES, type ServiceKey } from './services.js';

export interface ClientOptions {
  readonly profile?: string;
  /** Overrides every service's endpoint (AWS_ENDPOINT_URL is honoured by the SDK itself). */
  readonly endpointUrl?: string;
  readonly maxAttempts?: number;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Credentials to use instead of the default chain (assumed-role sessions for --org). */
  readonly credentials?: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: SDK client constructors share no useful common type
type AnyCtor = new (config: any) => { send(command: unknown, options?: unknown): Promise<unknown>; destroy(): void };

/** A hook around every send: counting calls in benchmarks, bounding concurrency. */
export type SendWrapper = (service: string, region: string, command: string, send: () => Promise<unknown>) => Promise<unknown>;

export class ClientFactory {
  private readonly cache = new Map<string, InstanceType<AnyCtor>>();
  private wrapper: SendWrapper | undefined;

  constructor(readonly options: ClientOptions = {}) {}

  /** Whether a custom endpoint is in force (flag or environment), for services that need path-style URLs. */
  get customEndpoint(): string | undefined {
    return this.options.endpointUrl ?? process.env.AWS_ENDPOINT_URL ?? undefined;
  }

  setSendWrapper(wrapper: SendWrapper | undefined): void {
    this.wrapper = wrapper;
  }

  /** The client of class `Ctor` for `region`, built once. */
  get<C extends AnyCtor>(Ctor: C, region: string): InstanceType<C> {
    const key = `${Ctor.name}@${region}`;
    let client = this.cache.get(key);
    if (!client) {
      client = new Ctor(this.config(Ctor.name, region));
      const wrapper = this.wrapper;
      if (wrapper) {
        const original = client.send.bind(client);
        const name = Ctor.name;
        client.send = (command: unknown, opts?: unknown) =>
          wrapper(name, region, (command as { constructor: { name: string } }).constructor.name, () => original(command, opts));
      }
      this.cache.set(key, client);
    }
    return client as InstanceType<C>;
  }

  /** Loads a service's SDK package and returns its client for `region` and the package itself. */
  async load(service: ServiceKey, region: string): Promise<{ client: InstanceType<AnyCtor>; pkg: Record<string, unknown> }> {
    const info = SERVICES[service];
    const pkg = (await import(info.pkg)) as Record<string, unknown>;
    const Ctor = pkg[info.client] as AnyCtor;
    return { client: this.get(Ctor, region), pkg };
  }

  /** Sends `<command>Command` with `input` to `service` in `region`: the plan executor's one path to AWS. */
  async send(service: ServiceKey, region: string, command: string, input: Record<string, unknown>): Promise<unknown> {
    const { client, pkg } = await this.load(service, region);
    const Command = pkg[`${command}Command`] as (new (input: unknown) => unknown) | undefined;
    if (!Command) throw new Error(`${SERVICES[service].pkg} has no ${command}Command`);
    return client.send(new Command(input));
  }

  private config(clientName: string, region: string): Record<string, unknown> {
    const o = this.options;
    const config: Record<string, unknown> = {
      region,
      maxAttempts: o.maxAttempts ?? 8,
      retryMode: 'adaptive',
      requestHandler: {
        connectionTimeout: o.connectionTimeoutMs ?? 5_000,
        requestTimeout: o.requestTimeoutMs ?? 30_000,
      },
    };
    if (o.profile) config.profile = o.profile;
    if (o.credentials) config.credentials = o.credentials;
    if (o.endpointUrl) config.endpoint = o.endpointUrl;
    if (clientName === 'S3Client' && this.customEndpoint) config.forcePathStyle = true;
    return config;
  }

  destroy(): void {
    for (const c of this.cache.values()) c.destroy();
    this.cache.clear();
  }
}

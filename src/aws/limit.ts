/** A counting semaphore: at most `size` tasks run at once, the rest wait in order. */
export class Semaphore {
  private running = 0;
  private peakRunning = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** The most tasks that ever ran at once. */
  get peak(): number {
    return this.peakRunning;
  }

  /** Tasks waiting for a place. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Takes a place, waiting in order when none is free. Pair with `release()`. */
  async acquire(): Promise<void> {
    // A freed place is handed straight to the next waiter (running is not decremented), so a task
    // arriving in between can never overtake the queue.
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    if (this.running > this.peakRunning) this.peakRunning = this.running;
  }

  /** Gives a place back (to the next waiter, if any). */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}

/**
 * How many resources a collector should read at once (`mapLimit(items, RESOURCE_FANOUT, …)`). The
 * client factory already bounds the requests in flight per service and region, so a collector's
 * own limit only has to be high enough to keep those pools busy; a low one (4 buckets at a time)
 * makes a 5,000-bucket account take minutes while the S3 pools sit idle.
 */
export const RESOURCE_FANOUT = 64;

/** Maps with at most `size` calls of `fn` in flight. */
export async function mapLimit<T, R>(items: readonly T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  return out;
}

/**
 * How many requests may be in flight at once to one service in one region. The figures sit below
 * each service's documented request rates (EC2's Describe* bucket refills at 20/s with a burst of
 * 100; IAM and Organizations allow a handful of calls per second; S3's bucket-configuration reads
 * are generous), so a scan stays clear of throttling and the adaptive retries handle the rest.
 * Keyed by SDK client class name.
 */
export const SERVICE_LIMITS: Readonly<Record<string, number>> = {
  IAMClient: 8,
  STSClient: 8,
  OrganizationsClient: 4,
  AccountClient: 4,
  SSOAdminClient: 8,
  EC2Client: 16,
  S3Client: 48,
  S3ControlClient: 8,
  CloudTrailClient: 8,
  ConfigServiceClient: 8,
  KMSClient: 16,
  CloudWatchLogsClient: 8,
  CloudWatchClient: 8,
  RDSClient: 8,
  DynamoDBClient: 16,
  SSMClient: 8,
  ACMClient: 8,
  CloudFrontClient: 4,
};

export const DEFAULT_SERVICE_LIMIT = 10;

export function serviceLimit(clientName: string, overrides?: Readonly<Record<string, number>>): number {
  return overrides?.[clientName] ?? SERVICE_LIMITS[clientName] ?? DEFAULT_SERVICE_LIMIT;
}

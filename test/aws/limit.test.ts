/** Bounded concurrency: the semaphore's order and ceiling, and the client factory's per-service, per-region pools. */
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { mapLimit, Semaphore, serviceLimit } from '../../src/aws/limit.js';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('Semaphore', () => {
  it('runs at most `size` tasks at once, and the waiting ones in arrival order', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        s.run(async () => {
          running++;
          peak = Math.max(peak, running);
          order.push(i);
          await tick();
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(s.peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.active).toBe(0);
  });

  it('frees its place when a task fails', async () => {
    const s = new Semaphore(1);
    await expect(s.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(s.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('mapLimit', () => {
  it('keeps the results in input order with a bounded number in flight', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick(n);
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20]);
    expect(peak).toBe(2);
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});

describe('ClientFactory pools', () => {
  const iam = mockClient(IAMClient);
  const s3 = mockClient(S3Client);
  afterEach(() => {
    iam.reset();
    s3.reset();
  });

  it('bound the requests in flight per service and region, each pool on its own', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick(10);
      inFlight--;
      return {};
    };
    iam.on(ListUsersCommand).callsFake(slow);
    s3.on(ListBucketsCommand).callsFake(async () => ({ Buckets: [] }));
    const clients = new ClientFactory({ limits: { IAMClient: 3 } });
    const calls = Array.from({ length: 20 }, (_, i) => clients.get(IAMClient, 'us-east-1').send(new ListUsersCommand({ Marker: String(i) })));
    // Another service is not held up behind IAM's queue.
    await clients.get(S3Client, 'eu-west-1').send(new ListBucketsCommand({}));
    expect(inFlight).toBe(3);
    await Promise.all(calls);
    expect(peak).toBe(3);
    expect(clients.poolStats()).toEqual(
      expect.arrayContaining([
        { client: 'IAMClient', region: 'us-east-1', limit: 3, peak: 3 },
        { client: 'S3Client', region: 'eu-west-1', limit: serviceLimit('S3Client'), peak: 1 },
      ]),
    );
    clients.destroy();
  });

  // The bundle renames a class whose name another bundled class has (EKS's and Redshift's
  // DescribeClusterCommand): the pool, its limit and a timeout's sentence still use the SDK's name.
  it('name a client and a command by their SDK names when the bundle has suffixed them', async () => {
    iam.on(ListUsersCommand).callsFake(() => new Promise(() => {}));
    const IAMClient2 = class IAMClient2 extends IAMClient {};
    const ListUsersCommand2 = class ListUsersCommand2 extends ListUsersCommand {};
    const clients = new ClientFactory({ limits: { IAMClient: 2 }, callTimeoutMs: 50 });
    await expect(clients.get(IAMClient2, 'us-east-1').send(new ListUsersCommand2({}))).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'AWS did not answer ListUsers within 50 ms',
    });
    expect(clients.poolStats()).toEqual([{ client: 'IAMClient', region: 'us-east-1', limit: 2, peak: 1 }]);
    clients.destroy();
  });

  it('stop every later call once the credentials have expired, with that same error', async () => {
    let n = 0;
    iam.on(ListUsersCommand).callsFake(() => {
      n++;
      throw Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken', $metadata: { httpStatusCode: 403 } });
    });
    const clients = new ClientFactory();
    const client = clients.get(IAMClient, 'us-east-1');
    await expect(client.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
    await expect(client.send(new ListUsersCommand({ Marker: 'x' }))).rejects.toMatchObject({ name: 'ExpiredToken' });
    await expect(clients.get(IAMClient, 'eu-west-1').send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
    expect(n).toBe(1);
    clients.destroy();
  });
});

describe('Collection gate', () => {
  it('never deadlocks when every running collector waits on another slice', async () => {
    const { Collection, regionalCollector } = await import('../../src/aws/collector.js');
    const regions = Array.from({ length: 10 }, (_, i) => `r-${i}`);
    let listed = 0;
    // Ten dependants grab both places of the gate before any of the slices they wait on has started.
    const collectors = {
      'fake.details': regionalCollector([], async (ctx, region) => {
        const names = (await ctx.regional('fake.list' as never, region)) as unknown as string[];
        return names.map((n) => `${n}!`) as never;
      }),
      'fake.list': regionalCollector([], async (_ctx, region) => {
        listed++;
        await tick(1);
        return [`item-${region}`] as never;
      }),
    };
    const c = new Collection({
      clients: new ClientFactory(),
      identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/t', partition: 'aws' },
      homeRegion: 'r-0',
      regions,
      concurrency: 2,
      loaders: { fake: async () => ({ collectors: collectors as never }) },
    });
    const done = c.collect({ regional: ['fake.details', 'fake.list'] });
    const outcome = await Promise.race([done.then(() => 'finished'), tick(3000).then(() => 'stuck')]);
    expect(outcome).toBe('finished');
    expect(listed).toBe(10);
    expect(c.state().regional['r-7']?.['fake.details' as never]).toEqual({ ok: true, value: ['item-r-7!'] });
  });
});

/**
 * Throttling, server errors and timeouts through the SDK's real retry middleware: the client
 * factory's clients are given a fake HTTP handler (no network) that answers IAM's query protocol,
 * so what is tested is the adaptive retry mode, the call deadline and the abort, end to end.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ClientFactory, type ClientOptions } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';

type Reply = { status: number; body: string } | 'hang';

const RID = '11111111-2222-4333-8444-555555555555';
const summaryOk = {
  status: 200,
  body: `<GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>7</value></entry><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap></GetAccountSummaryResult><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></GetAccountSummaryResponse>`,
};
const queryError = (status: number, type: 'Sender' | 'Receiver', code: string, message: string) => ({
  status,
  body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${RID}</RequestId></ErrorResponse>`,
});
const throttled = queryError(400, 'Sender', 'Throttling', 'Rate exceeded');
const unavailable = queryError(503, 'Receiver', 'ServiceUnavailable', 'Service is unable to handle request.');

/** An SDK request handler that answers from a script (the last reply repeats) and records each request. */
class ScriptedHandler {
  readonly seen: { action: string; aborted: () => boolean }[] = [];
  constructor(private readonly script: readonly Reply[]) {}
  async handle(request: { body?: unknown }, options?: { abortSignal?: AbortSignal }) {
    const action = new URLSearchParams(String(request.body ?? '')).get('Action') ?? '';
    const signal = options?.abortSignal;
    this.seen.push({ action, aborted: () => Boolean(signal?.aborted) });
    const reply = this.script[Math.min(this.seen.length - 1, this.script.length - 1)] as Reply;
    if (reply === 'hang') {
      await new Promise<never>((_, reject) => {
        signal?.addEventListener('abort', () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' })), { once: true });
      });
    }
    const r = reply as { status: number; body: string };
    return {
      response: { statusCode: r.status, reason: '', headers: { 'content-type': 'text/xml', 'x-amzn-requestid': RID }, body: Readable.from([Buffer.from(r.body)]) },
    };
  }
  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}
}

function setup(script: readonly Reply[], options: Partial<ClientOptions> = {}) {
  const handler = new ScriptedHandler(script);
  const clients = new ClientFactory({
    requestHandler: handler,
    credentials: { accessKeyId: 'AKIAFAKEFAKEFAKEFAKE', secretAccessKey: 'fake' },
    maxAttempts: 3,
    ...options,
  });
  const collection = new Collection({
    clients,
    identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/scanner', partition: 'aws' },
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
  });
  return { handler, clients, collection };
}

describe('throttling', () => {
  it('is retried with backoff, and a call that gets through is used', async () => {
    const { handler, collection } = setup([throttled, throttled, summaryOk]);
    const r = await collection.global('iam.accountSummary');
    expect(handler.seen.map((s) => s.action)).toEqual(['GetAccountSummary', 'GetAccountSummary', 'GetAccountSummary']);
    expect(r).toEqual({ ok: true, value: { Users: 7, AccountMFAEnabled: 1 } });
  });

  it('that never lets up ends, after every attempt, as a throttled error in one sentence', async () => {
    const { handler, collection } = setup([throttled]);
    const started = Date.now();
    const r = await collection.global('iam.accountSummary');
    expect(handler.seen).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r).toEqual({
      ok: false,
      error: { code: 'Throttling', kind: 'throttled', action: 'iam:GetAccountSummary', message: 'AWS kept throttling iam:GetAccountSummary after every retry' },
    });
  });
});

describe('server errors', () => {
  it('a 503 is retried and a later success is used', async () => {
    const { handler, collection } = setup([unavailable, summaryOk]);
    const r = await collection.global('iam.accountSummary');
    expect(handler.seen).toHaveLength(2);
    expect(r.ok).toBe(true);
  });

  it('a 503 on every attempt ends as a server error naming the status', async () => {
    const { handler, collection } = setup([unavailable]);
    const r = await collection.global('iam.accountSummary');
    expect(handler.seen).toHaveLength(3);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ kind: 'network', code: 'ServiceUnavailable' });
      expect(r.error.message).toBe('AWS answered with a server error 503 (ServiceUnavailable) after every retry');
    }
  });
});

describe('timeouts and interruption', () => {
  it('a call that never answers is given up at its deadline, and the request is aborted', async () => {
    const { handler, collection } = setup(['hang'], { callTimeoutMs: 300 });
    const started = Date.now();
    const r = await collection.global('iam.accountSummary');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r).toEqual({
      ok: false,
      error: { code: 'TimeoutError', kind: 'network', action: 'iam:GetAccountSummary', message: 'AWS did not answer GetAccountSummary within 300 ms; the call was given up' },
    });
    expect(handler.seen[0]?.aborted()).toBe(true);
  });

  it('abort stops the call in flight and every later one without reaching AWS', async () => {
    const { handler, clients, collection } = setup(['hang']);
    const pending = collection.global('iam.accountSummary');
    await new Promise((r) => setTimeout(r, 50));
    clients.abort();
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('AbortError');
    expect(handler.seen[0]?.aborted()).toBe(true);
    const later = await collection.global('iam.passwordPolicy');
    expect(later.ok).toBe(false);
    expect(handler.seen).toHaveLength(1);
    expect(collection.stoppedBy).toMatchObject({ code: 'AbortError' });
  });
});

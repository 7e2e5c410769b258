/** The client factory builds every client with the same region, profile, endpoint and retry policy. */
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';

afterEach(() => vi.unstubAllEnvs());

describe('ClientFactory', () => {
  it('sends every call to --endpoint-url and makes S3 use path-style URLs', async () => {
    const f = new ClientFactory({ endpointUrl: 'http://127.0.0.1:4566' });
    const iam = f.get(IAMClient, 'us-west-2');
    expect(await iam.config.region()).toBe('us-west-2');
    const endpoint = await (iam.config.endpoint as () => Promise<{ hostname: string; port?: number; protocol: string }>)();
    expect(endpoint).toMatchObject({ hostname: '127.0.0.1', port: 4566, protocol: 'http:' });
    expect(f.get(S3Client, 'us-east-1').config.forcePathStyle).toBe(true);
    f.destroy();
  });

  it('uses path-style S3 when AWS_ENDPOINT_URL is set, and virtual-host style otherwise', () => {
    const plain = new ClientFactory();
    expect(plain.get(S3Client, 'us-east-1').config.forcePathStyle).toBe(false);
    expect(plain.get(IAMClient, 'us-east-1').config.endpoint).toBeUndefined();
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://localhost:4566');
    const custom = new ClientFactory();
    expect(custom.customEndpoint).toBe('http://localhost:4566');
    expect(custom.get(S3Client, 'us-east-1').config.forcePathStyle).toBe(true);
  });

  it('passes the profile and uses adaptive retries', async () => {
    const iam = new ClientFactory({ profile: 'clinic-prod' }).get(IAMClient, 'us-east-1');
    expect(iam.config.profile).toBe('clinic-prod');
    const retry = await iam.config.retryStrategy();
    expect((retry as { mode?: string }).mode).toBe('adaptive');
    expect(await iam.config.maxAttempts()).toBeGreaterThanOrEqual(3);
  });

  it('builds one client per class and region', () => {
    const f = new ClientFactory();
    expect(f.get(IAMClient, 'us-east-1')).toBe(f.get(IAMClient, 'us-east-1'));
    expect(f.get(IAMClient, 'us-east-1')).not.toBe(f.get(IAMClient, 'us-west-2'));
  });
});

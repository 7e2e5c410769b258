import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/state/cloudfront.js';
import { err, ok } from '../../src/engine/state.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, ctx, daysAgo, denied, state } from '../helpers/state.js';
import { bucket, loadBalancer, rdsInstance, tlsDeny } from './02-fixtures.js';

const E1 = 'us-east-1';

describe('s3-tls-only', () => {
  it('passes when the policy denies aws:SecureTransport=false', async () => {
    expect((await runCheckById('s3-tls-only', state({ global: { 's3.buckets': [bucket('records', { policy: ok(tlsDeny('records')) })] } }))).status).toBe('pass');
  });
  it('fails a bucket with no policy and one whose policy only allows', async () => {
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
    const f = await runCheckById('s3-tls-only', state({ global: { 's3.buckets': [bucket('a'), bucket('b', { policy: ok(allow), region: 'eu-west-1' })] } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/2 buckets accept plain HTTP requests: a \(us-east-1\), b \(eu-west-1\)/);
  });
  it('does not count a TLS deny written for another bucket', async () => {
    expect((await runCheckById('s3-tls-only', state({ global: { 's3.buckets': [bucket('records', { policy: ok(tlsDeny('other')) })] } }))).status).toBe('fail');
  });
  it('is unknown when GetBucketPolicy is denied', async () => {
    const f = await runCheckById('s3-tls-only', state({ global: { 's3.buckets': [bucket('a', { policy: err(denied('s3:GetBucketPolicy')) })] } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetBucketPolicy']);
  });
});

describe('elb-https-only and elb-tls-policy', () => {
  const https = (policy: string) => ({ arn: 'l-443', port: 443, protocol: 'HTTPS', sslPolicy: policy, certificateArns: [], defaultActions: [{ type: 'forward', redirectProtocol: null }] });
  const http = (redirect: boolean) => ({
    arn: 'l-80',
    port: 80,
    protocol: 'HTTP',
    sslPolicy: null,
    certificateArns: [],
    defaultActions: [redirect ? { type: 'redirect', redirectProtocol: 'HTTPS' } : { type: 'forward', redirectProtocol: null }],
  });
  const lbState = (listeners: unknown[], policies: Record<string, string[]> | ReturnType<typeof denied> = {}) =>
    state({ regional: { [E1]: { 'elbv2.loadBalancers': [loadBalancer('web', { listeners: ok(listeners as never) })], 'elbv2.sslPolicies': policies } } });
  it('https-only passes when HTTP redirects to HTTPS', async () => {
    expect((await runCheckById('elb-https-only', lbState([https('p'), http(true)]))).status).toBe('pass');
  });
  it('https-only fails when HTTP forwards', async () => {
    const f = await runCheckById('elb-https-only', lbState([http(false)]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/web in us-east-1 serves plain HTTP on port 80/);
  });
  it('https-only is unknown when listeners are denied', async () => {
    const s = state({ regional: { [E1]: { 'elbv2.loadBalancers': [loadBalancer('web', { listeners: err(denied('elasticloadbalancing:DescribeListeners')) })] } } });
    expect((await runCheckById('elb-https-only', s)).status).toBe('unknown');
  });
  it('tls-policy passes a TLS 1.2-only policy and fails one that accepts TLS 1.0', async () => {
    expect((await runCheckById('elb-tls-policy', lbState([https('ELBSecurityPolicy-TLS13-1-2-2021-06')], { 'ELBSecurityPolicy-TLS13-1-2-2021-06': ['TLSv1.2', 'TLSv1.3'] }))).status).toBe('pass');
    const f = await runCheckById('elb-tls-policy', lbState([https('ELBSecurityPolicy-2016-08')], { 'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/still accepts TLSv1, TLSv1.1/);
  });
  it('tls-policy is unknown for an old-looking policy when DescribeSSLPolicies is denied', async () => {
    const f = await runCheckById('elb-tls-policy', lbState([https('ELBSecurityPolicy-2016-08')], denied('elasticloadbalancing:DescribeSSLPolicies')));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['elasticloadbalancing:DescribeSSLPolicies']);
  });
});

describe('CloudFront', () => {
  const dist = (o: Partial<Distribution> = {}): Distribution => ({
    id: 'E1',
    arn: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`,
    domainName: 'd1.cloudfront.net',
    aliases: ['portal.example'],
    enabled: true,
    viewerPolicies: [{ path: '*', policy: 'redirect-to-https' }],
    minimumProtocolVersion: 'TLSv1.2_2021',
    defaultCertificate: false,
    origins: [{ id: 'alb', domainName: 'alb.example', protocolPolicy: 'https-only', sslProtocols: ['TLSv1.2'] }],
    ...o,
  });
  const cf = (d: Distribution[] | ReturnType<typeof denied>) => state({ global: { 'cloudfront.distributions': d } });
  it('viewer-https passes and fails on allow-all', async () => {
    expect((await runCheckById('cloudfront-viewer-https', cf([dist()]))).status).toBe('pass');
    const f = await runCheckById('cloudfront-viewer-https', cf([dist({ viewerPolicies: [{ path: '*', policy: 'redirect-to-https' }, { path: '/api/*', policy: 'allow-all' }] })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/E1 \(portal.example\) \(global\) serves plain HTTP for path \/api\/\*/);
  });
  it('min-tls fails the default certificate', async () => {
    expect((await runCheckById('cloudfront-min-tls', cf([dist()]))).status).toBe('pass');
    const f = await runCheckById('cloudfront-min-tls', cf([dist({ defaultCertificate: true, minimumProtocolVersion: 'TLSv1' })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/default CloudFront certificate/);
  });
  it('origin-https fails an http-only origin', async () => {
    expect((await runCheckById('cloudfront-origin-https', cf([dist()]))).status).toBe('pass');
    const f = await runCheckById('cloudfront-origin-https', cf([dist({ origins: [{ id: 'web', domainName: 'web.example', protocolPolicy: 'http-only', sslProtocols: [] }] })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/Origin web \(web.example\) of distribution E1 \(global\) connects over plain HTTP/);
  });
  it('all three are unknown when ListDistributions is denied', async () => {
    for (const id of ['cloudfront-viewer-https', 'cloudfront-min-tls', 'cloudfront-origin-https']) {
      const f = await runCheckById(id, cf(denied('cloudfront:ListDistributions')));
      expect(f.status).toBe('unknown');
      expect(f.missing).toEqual(['cloudfront:ListDistributions']);
    }
  });
});

describe('rds-force-tls', () => {
  const params = (forceSsl: string | null, requireSecureTransport: string | null = null) => ({
    'instance:pg16': ok({ group: 'pg16', kind: 'instance' as const, forceSsl, requireSecureTransport }),
  });
  const s = (p: unknown, engine = 'postgres') =>
    state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db', { engine })], 'rds.clusters': [], 'rds.tlsParameters': p as never } } });
  it('passes PostgreSQL with rds.force_ssl=1 and MySQL with require_secure_transport=ON', async () => {
    expect((await runCheckById('rds-force-tls', s(params('1')))).status).toBe('pass');
    expect((await runCheckById('rds-force-tls', s(params(null, 'ON'), 'mysql'))).status).toBe('pass');
  });
  it('fails PostgreSQL with rds.force_ssl=0', async () => {
    const f = await runCheckById('rds-force-tls', s(params('0')));
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toMatch(/accepts unencrypted connections \(rds.force_ssl=0 in pg16\)/);
  });
  it('is unknown when the parameter group could not be read', async () => {
    const f = await runCheckById('rds-force-tls', s({ 'instance:pg16': err(denied('rds:DescribeDBParameters')) }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['rds:DescribeDBParameters']);
  });
});

describe('acm-cert-expiry', () => {
  const cert = (days: number, o = {}) => ({
    arn: 'arn:aws:acm:us-east-1:1:certificate/x',
    domain: 'portal.example',
    status: 'ISSUED',
    type: 'AMAZON_ISSUED',
    notAfter: daysAgo(-days),
    inUse: true,
    renewalEligibility: 'ELIGIBLE',
    keyAlgorithm: 'RSA-2048',
    ...o,
  });
  it('passes a certificate valid for months', async () => {
    expect((await runCheckById('acm-cert-expiry', state({ regional: { [E1]: { 'acm.certificates': [cert(200)] } } }))).status).toBe('pass');
  });
  it('fails one expiring within the threshold, and the threshold is a setting', async () => {
    const s = state({ regional: { [E1]: { 'acm.certificates': [cert(12, { type: 'IMPORTED' })] } } });
    const f = await runCheckById('acm-cert-expiry', s);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/portal.example in us-east-1 \(in use, imported, never renewed by ACM\) expires in 12 days/);
    expect((await runCheckById('acm-cert-expiry', s, ctx({ certExpiryDays: 10 }))).status).toBe('pass');
  });
  it('is unknown when certificates cannot be listed', async () => {
    expect((await runCheckById('acm-cert-expiry', state({ regional: { [E1]: { 'acm.certificates': denied('acm:ListCertificates') } } }))).status).toBe('unknown');
  });
});

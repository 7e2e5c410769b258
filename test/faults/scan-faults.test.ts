/**
 * Faults during a scan, injected at the SDK clients of a small fake account: one refused API,
 * throttling that never lets up, a region that is not enabled, credentials that expire midway.
 * In each case the scan finishes, and only what the fault touched is unknown, with a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { partialScanProblem } from '../../src/aws/errors.js';
import { awsError, denied, HOME, OTHER, type ScanRun, scanWith, slices } from './harness.js';

let baseline: ScanRun;
beforeAll(async () => {
  baseline = await scanWith();
}, 120_000);

describe('a fault-free scan of the fake account', () => {
  it('reads every slice and evaluates checks to real verdicts', () => {
    const failed = slices(baseline.state).filter(([, , r]) => !r.ok);
    expect(failed.map(([k, region, r]) => `${k}@${region ?? 'global'}: ${r.error?.message}`)).toEqual([]);
    expect(baseline.findings.filter((f) => f.status === 'pass' || f.status === 'fail').length).toBeGreaterThan(20);
  });
});

describe('AccessDenied on a single API', () => {
  // One API in each protocol family, refused with the error name that service really uses.
  const cases = [
    { client: 'IAMClient', command: 'GetAccountAuthorizationDetailsCommand', error: 'AccessDenied', action: 'iam:GetAccountAuthorizationDetails' },
    { client: 'EC2Client', command: 'DescribeSecurityGroupsCommand', error: 'UnauthorizedOperation', action: 'ec2:DescribeSecurityGroups' },
    { client: 'S3Client', command: 'ListBucketsCommand', error: 'AccessDenied', action: 's3:ListAllMyBuckets' },
    { client: 'CloudTrailClient', command: 'DescribeTrailsCommand', error: 'AccessDeniedException', action: 'cloudtrail:DescribeTrails' },
    { client: 'KMSClient', command: 'ListKeysCommand', error: 'AccessDeniedException', action: 'kms:ListKeys' },
  ];

  it.each(cases)('$action refused: only the checks that read it turn unknown, naming it', async ({ client, command, error, action }) => {
    const run = await scanWith((c) => (c.client === client && c.command === command ? denied(error, action) : undefined));
    const changed = run.findings.filter((f) => baseline.byId.get(f.id)?.status !== f.status || baseline.byId.get(f.id)?.message !== f.message);
    expect(changed.length, `no check reads ${action}`).toBeGreaterThan(0);
    for (const f of changed) {
      // A check that already fails on other resources keeps failing (fail outranks unknown);
      // every other check that read the refused API is unknown and names the action.
      if (f.status === 'fail' && baseline.byId.get(f.id)?.status === 'fail') continue;
      expect(f.status, f.id).toBe('unknown');
      expect(f.missing ?? [], f.id).toContain(action);
    }
    expect(changed.some((f) => f.status === 'unknown')).toBe(true);
    // Everything else went on: most findings are exactly as without the fault.
    expect(run.findings.length - changed.length).toBeGreaterThan(run.findings.length / 2);
    expect(run.collection.stoppedBy).toBeUndefined();
  });
});

describe('a throttling storm', () => {
  it('ends every EC2 read as throttled, leaves the rest alone, and still finishes', async () => {
    const run = await scanWith((c) => (c.client === 'EC2Client' ? awsError('RequestLimitExceeded', 'Request limit exceeded.', 503) : undefined));
    // Network ACLs and VPN connections (vpcnet.*) are EC2 reads too.
    const isEc2 = (k: string) => k.startsWith('ec2.') || k.startsWith('vpcnet.');
    const ec2 = slices(run.state).filter(([k]) => isEc2(k));
    expect(ec2.length).toBeGreaterThan(0);
    for (const [k, region, r] of ec2) {
      expect(r.ok, `${k}@${region}`).toBe(false);
      expect(r.error).toMatchObject({ kind: 'throttled', code: 'RequestLimitExceeded' });
      expect(r.error?.message).toMatch(/kept throttling ec2:\w+ after every retry/);
    }
    const others = slices(run.state).filter(([k]) => !isEc2(k));
    expect(others.filter(([, , r]) => r.ok).length).toBe(slices(baseline.state).filter(([k, , r]) => !isEc2(k) && r.ok).length);
    const hit = run.findings.filter((f) => f.status !== baseline.byId.get(f.id)?.status);
    expect(hit.length).toBeGreaterThan(0);
    for (const f of hit) {
      expect(f.status).toBe('unknown');
      expect(f.message).toMatch(/throttl/i);
    }
  });
});

describe('a region that is not enabled', () => {
  it('marks that region not enabled, per service error, without stopping the scan or the home region', async () => {
    // What an opt-in region answers before it is enabled: EC2 OptInRequired, the JSON services
    // UnrecognizedClientException (they do not know the token), some query services InvalidClientTokenId.
    const run = await scanWith((c) => {
      if (c.region !== OTHER || c.client === 'S3Client' || c.client === 'IAMClient' || c.client === 'STSClient') return undefined;
      if (c.client === 'EC2Client') return awsError('OptInRequired', `You are not subscribed to this service in ${OTHER}.`, 401);
      if (c.client === 'RDSClient') return awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      return awsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400);
    });
    expect(run.collection.stoppedBy).toBeUndefined();
    const other = slices(run.state).filter(([, region]) => region === OTHER);
    expect(other.length).toBeGreaterThan(5);
    const notEnabled = other.filter(([, , r]) => !r.ok);
    // A collector may skip a region that cannot answer (an empty value); none may call it anything but "not enabled".
    expect(notEnabled.length).toBeGreaterThan(0);
    for (const [k, , r] of notEnabled) {
      expect(r.error?.kind, k).toBe('not-enabled');
      expect(r.error?.message, k).toContain(OTHER);
    }
    // The home region reads exactly as without the fault.
    const home = (s: ScanRun) =>
      slices(s.state)
        .filter(([, region]) => region === HOME || region === undefined)
        .map(([k, region, r]) => `${k}@${region ?? 'global'}:${r.ok}`)
        .sort();
    expect(home(run)).toEqual(home(baseline));
  });
});

describe('credentials that expire mid-scan', () => {
  it('stops asking AWS, keeps what was read, and says the results are partial', async () => {
    let expiredAt = 0;
    let afterExpiry = 0;
    const run = await scanWith(
      (c) => {
        if (c.n < 40) return undefined;
        expiredAt ||= c.n;
        afterExpiry++;
        return awsError('ExpiredTokenException', 'The security token included in the request is expired', 400);
      },
      { concurrency: 8 },
    );
    expect(expiredAt).toBeGreaterThan(0);
    // Only calls already on their way when the first one failed reach the fake; nothing new is started.
    expect(afterExpiry).toBeLessThan(60);
    expect(run.calls).toBeLessThan(baseline.calls);
    expect(run.collection.stoppedBy).toMatchObject({ kind: 'credentials', code: 'ExpiredTokenException' });
    const all = slices(run.state);
    expect(all.filter(([, , r]) => r.ok).length).toBeGreaterThan(0);
    const lost = all.filter(([, , r]) => !r.ok);
    expect(lost.length).toBeGreaterThan(0);
    for (const [k, , r] of lost) expect(r.error?.kind, k).toBe('credentials');
    const sentence = partialScanProblem(run.clients.expiredError, run.state);
    expect(sentence).toMatch(/^The scan stopped early: the AWS credentials have expired; .* \d+ parts were read before that and \d+ could not be, so the findings are partial/);
    const hit = run.findings.filter((f) => f.status === 'unknown' && f.message.includes('expired'));
    expect(hit.length).toBeGreaterThan(0);
  });
});

/**
 * `scan --org` in the findings formats and with --send-to-security-hub, in one process over the
 * bench's fake account (every SDK client mocked): one combined CSV for every scanned account, and
 * each account's findings imported with that account's own (assumed-role) client.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, FakeAccount, installFake } from '../../bench/fake-aws.js';
import { main } from '../../src/cli/main.js';

const MEMBER = '222233334444';

class Organization extends FakeAccount {
  readonly imports: { region: string; findings: { AwsAccountId: string; Id: string }[] }[] = [];
  override answer(client: string, region: string, command: string, input: Record<string, unknown>): unknown {
    if (client === 'OrganizationsClient' && command === 'ListAccountsCommand') {
      return { Accounts: [{ Id: ACCOUNT, Name: 'management', State: 'ACTIVE' }, { Id: MEMBER, Name: 'clinic-prod', State: 'ACTIVE' }] };
    }
    if (client === 'STSClient' && command === 'AssumeRoleCommand') {
      return { Credentials: { AccessKeyId: 'ASIAFAKE', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } };
    }
    if (client === 'SecurityHubClient' && command === 'BatchImportFindingsCommand') {
      const findings = input.Findings as { AwsAccountId: string; Id: string }[];
      this.imports.push({ region, findings });
      return { FailedCount: 0, SuccessCount: findings.length, FailedFindings: [] };
    }
    return super.answer(client, region, command, input);
  }
}

let dir: string;
let out = '';
let err = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-org-formats-'));
  out = '';
  err = '';
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFAKEFAKEFAKEFAKE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake');
  vi.stubEnv('HIPAA_WIZARD_NOW', '2026-11-24T12:00:00Z');
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('scan --org --format csv --send-to-security-hub', () => {
  it('writes one CSV for every scanned account and imports each account’s findings through its own session', async () => {
    const org = new Organization({ users: 3, buckets: 2, securityGroups: 2, instances: 2, regions: 1, latencyMs: 0 });
    const { restore } = await installFake(org);
    try {
      await main(['node', 'hipaa-wizard', 'scan', '--org', '--step', '1', '--region', 'us-east-1', '--regions', 'us-east-1', '--records', dir, '--format', 'csv', '--send-to-security-hub']);
    } finally {
      restore();
    }
    expect(err).not.toMatch(/^\s+at /m);
    const rows = parse(out, { bom: true, columns: true }) as Record<string, string>[];
    // Two accounts scanned: each one's rows, under one header.
    expect(rows.length % 2).toBe(0);
    expect(rows.slice(0, rows.length / 2).map((r) => [r['Check id'], r.Resource])).toEqual(rows.slice(rows.length / 2).map((r) => [r['Check id'], r.Resource]));
    const sent = org.imports.flatMap((i) => i.findings);
    expect(sent).toHaveLength(rows.length);
    expect(org.imports.every((i) => i.region === 'us-east-1' && i.findings.length <= 100)).toBe(true);
    expect(err).toMatch(new RegExp(`^account ${ACCOUNT}: Sent \\d+ findings to AWS Security Hub: \\d+ imported, 0 not imported`, 'm'));
    expect(err).toMatch(new RegExp(`^account ${MEMBER}: Sent \\d+ findings to AWS Security Hub: \\d+ imported, 0 not imported`, 'm'));
    expect(process.exitCode).toBe(1);
  }, 60_000);
});

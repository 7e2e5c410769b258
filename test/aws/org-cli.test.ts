/**
 * `scan --org` end to end in one process: the real command, collectors and checks over the bench's
 * fake account (every SDK client mocked), with an organisation of three ACTIVE accounts, one of
 * which refuses the role. The JSON has every account; the refused one says why; exit code 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, FakeAccount, installFake } from '../../bench/fake-aws.js';
import { main } from '../../src/cli/main.js';

const MEMBER = '222233334444';
const LOCKED = '333344445555';

class Organization extends FakeAccount {
  readonly assumed: Record<string, unknown>[] = [];
  override answer(client: string, region: string, command: string, input: Record<string, unknown>): unknown {
    if (client === 'OrganizationsClient' && command === 'ListAccountsCommand') {
      return {
        Accounts: [
          { Id: ACCOUNT, Name: 'management', State: 'ACTIVE' },
          { Id: MEMBER, Name: 'clinic-prod', State: 'ACTIVE' },
          { Id: LOCKED, Name: 'clinic-dev', State: 'ACTIVE' },
          { Id: '444455556666', Name: 'closed', State: 'CLOSED' },
        ],
      };
    }
    if (client === 'STSClient' && command === 'AssumeRoleCommand') {
      this.assumed.push(input);
      if (String(input.RoleArn).includes(LOCKED)) {
        throw Object.assign(new Error(`User: arn:aws:iam::${ACCOUNT}:user/bench is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`), {
          name: 'AccessDenied',
          $metadata: { httpStatusCode: 403 },
        });
      }
      return { Credentials: { AccessKeyId: 'ASIAFAKE', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } };
    }
    return super.answer(client, region, command, input);
  }
}

let dir: string;
let out = '';
let err = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-org-'));
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

describe('scan --org', () => {
  it('scans each ACTIVE account, reports the one whose role is refused, and exits 1', async () => {
    const org = new Organization({ users: 3, buckets: 2, securityGroups: 2, instances: 2, regions: 1, latencyMs: 0 });
    const { restore } = await installFake(org);
    try {
      await main(['node', 'hipaa-wizard', 'scan', '--org', '--external-id', 'audit-7', '--step', '1', '--region', 'us-east-1', '--regions', 'us-east-1', '--records', dir, '--format', 'json']);
    } finally {
      restore();
    }
    expect(err).not.toMatch(/^\s+at /m);
    expect(process.exitCode).toBe(1);
    const doc = JSON.parse(out) as { mode: string; roleName: string; summary: Record<string, number>; accounts: { id: string; status: string; reason?: string; scan?: { findings: unknown[] } }[] };
    expect(doc.mode).toBe('organization');
    expect(doc.roleName).toBe('HipaaWizardReadOnly');
    expect(doc.summary).toMatchObject({ accounts: 3, scanned: 2, notScanned: 1 });
    expect(doc.accounts.map((a) => [a.id, a.status])).toEqual([
      [ACCOUNT, 'scanned'],
      [MEMBER, 'scanned'],
      [LOCKED, 'not-scanned'],
    ]);
    expect(doc.accounts[1]?.scan?.findings.length).toBeGreaterThan(5);
    expect(doc.accounts[2]?.reason).toMatch(/^the role arn:aws:iam::333344445555:role\/HipaaWizardReadOnly could not be assumed \(AccessDenied\)/);
    expect(org.assumed.map((i) => i.ExternalId)).toEqual(['audit-7', 'audit-7']);
    expect(err).toContain(`Account ${LOCKED} (clinic-dev) not scanned: the role`);
  }, 60_000);

  it('writes the text as the accounts finish: the heading, each account in the list order, then the summary', async () => {
    const org = new Organization({ users: 3, buckets: 2, securityGroups: 2, instances: 2, regions: 1, latencyMs: 0 });
    const { restore } = await installFake(org);
    try {
      await main(['node', 'hipaa-wizard', 'scan', '--org', '--step', '1', '--region', 'us-east-1', '--regions', 'us-east-1', '--records', dir]);
    } finally {
      restore();
    }
    expect(err).not.toMatch(/^\s+at /m);
    const at = (s: string) => out.indexOf(s);
    expect(at(`Organization scan from account ${ACCOUNT} with the role HipaaWizardReadOnly: 3 accounts.`)).toBe(0);
    expect(at(`=== account ${ACCOUNT} (management) ===`)).toBeGreaterThan(0);
    expect(at(`=== account ${MEMBER} (clinic-prod) ===`)).toBeGreaterThan(at(`=== account ${ACCOUNT} (management) ===`));
    expect(at(`=== account ${LOCKED} (clinic-dev) ===\nNot scanned: the role`)).toBeGreaterThan(at(`=== account ${MEMBER} (clinic-prod) ===`));
    expect(at('Summary by account: 2 scanned, 1 not scanned.')).toBeGreaterThan(at(`=== account ${LOCKED} (clinic-dev) ===`));
    expect(out.match(/=== account /g)).toHaveLength(3);
  }, 60_000);

  it('refuses --org with --demo in one sentence, exit 2', async () => {
    await main(['node', 'hipaa-wizard', 'scan', '--org', '--demo', '--records', dir]);
    expect(err).toBe('hipaa-wizard: --org scans live member accounts; it cannot be combined with --demo.\n');
    expect(process.exitCode).toBe(2);
  });
});

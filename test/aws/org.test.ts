/**
 * scan --org: the organisation's ACTIVE accounts, each scanned through the assumed role's own
 * credentials; an account whose role cannot be assumed is reported and the rest go on.
 */
import { AccessDeniedException, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { assumeRole } from '../../src/aws/identity.js';
import { openLiveSource } from '../../src/session/live.js';
import { type AccountOutcome, type AccountScanValue, orgExitCode, orgJson, orgOptions, orgSummary, orgText, streamOrgText, walkOrganization } from '../../src/session/org.js';
import { StartupError } from '../../src/session/source.js';

const MANAGEMENT = '111122223333';
const MEMBER = '222233334444';
const LOCKED = '333344445555';
const SUSPENDED = '444455556666';

const orgs = mockClient(OrganizationsClient);
const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);

/** The account a client's credentials belong to: assumed sessions carry it in their key id (ASIA + account). */
async function accountOf(getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } }): Promise<string> {
  const c = await getClient().config.credentials();
  return c.accessKeyId.startsWith('ASIA') ? c.accessKeyId.slice(4) : MANAGEMENT;
}

beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAMANAGEMENTFAKE00');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake');
  vi.stubEnv('AWS_PROFILE', '');
  orgs
    .on(ListAccountsCommand)
    .resolvesOnce({
      Accounts: [
        { Id: MANAGEMENT, Name: 'management', Status: 'ACTIVE' },
        { Id: MEMBER, Name: 'clinic-prod', Status: 'ACTIVE' },
      ],
      NextToken: 'page2',
    })
    .resolves({
      Accounts: [
        { Id: LOCKED, Name: 'clinic-dev', Status: 'ACTIVE' },
        { Id: SUSPENDED, Name: 'old', Status: 'SUSPENDED' },
      ],
    });
  sts.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => {
    const account = input.RoleArn.split(':')[4] ?? '';
    if (account === LOCKED) {
      throw Object.assign(new Error(`User: arn:aws:iam::${MANAGEMENT}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`), {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
      });
    }
    return { Credentials: { AccessKeyId: `ASIA${account}`, SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(Date.now() + 3600_000) } };
  });
  sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
    const account = await accountOf(getClient);
    return { Account: account, Arn: account === MANAGEMENT ? `arn:aws:iam::${account}:user/auditor` : `arn:aws:sts::${account}:assumed-role/HipaaWizardReadOnly/hipaa-wizard-scan`, UserId: 'X' };
  });
  iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: [] });
  iam.on(GetAccountSummaryCommand).callsFake(async (_input, getClient) => ({ SummaryMap: { Users: Number((await accountOf(getClient)).slice(0, 1)) } }));
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] });
});

afterEach(() => {
  vi.unstubAllEnvs();
  orgs.reset();
  sts.reset();
  iam.reset();
  ec2.reset();
});

const options = { region: 'us-east-1' };

describe('walkOrganization', () => {
  it('scans every ACTIVE account with its own credentials and reports the one whose role is refused', async () => {
    const org = orgOptions({ org: true, externalId: 'clinic-audit-2026' });
    const run = await walkOrganization(options, org, openLiveSource, async (source) => {
      const state = await source.collect({ global: ['iam.accountSummary'] });
      const summary = state.global['iam.accountSummary'];
      return { identity: source.identity.accountId, users: summary?.ok ? summary.value.Users : undefined };
    });
    expect(run.caller.accountId).toBe(MANAGEMENT);
    expect(run.outcomes.map((o) => [o.account.id, o.status])).toEqual([
      [MANAGEMENT, 'scanned'],
      [MEMBER, 'scanned'],
      [LOCKED, 'not-scanned'],
    ]);
    const [mgmt, member, locked] = run.outcomes;
    // Each account was read with its own session: the identity and the data are that account's.
    expect(mgmt?.status === 'scanned' && mgmt.value).toEqual({ identity: MANAGEMENT, users: 1 });
    expect(member?.status === 'scanned' && member.value).toEqual({ identity: MEMBER, users: 2 });
    expect(locked?.status === 'not-scanned' && locked.reason).toBe(
      `the role arn:aws:iam::${LOCKED}:role/HipaaWizardReadOnly could not be assumed (AccessDenied): check that it exists, that its trust policy allows this caller with this external id, and that the caller may call sts:AssumeRole on it.`,
    );
    // The caller's own account needs no role; members get the read-only role with the external id.
    const assumed = sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input);
    expect(assumed.map((i) => i.RoleArn).sort()).toEqual([`arn:aws:iam::${MEMBER}:role/HipaaWizardReadOnly`, `arn:aws:iam::${LOCKED}:role/HipaaWizardReadOnly`]);
    for (const i of assumed) expect(i).toMatchObject({ ExternalId: 'clinic-audit-2026', RoleSessionName: 'hipaa-wizard-scan', DurationSeconds: 3600 });
  });

  it('--accounts limits the set and warns about an id that is not an ACTIVE member', async () => {
    const run = await walkOrganization(options, orgOptions({ accounts: `${MEMBER},${SUSPENDED}`, roleName: 'AuditRole' }), openLiveSource, async (s) => s.identity.accountId);
    expect(run.outcomes.map((o) => o.account.id)).toEqual([MEMBER]);
    expect(run.warnings).toEqual([`Not ACTIVE members of the organization, so not scanned: ${SUSPENDED}.`]);
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([`arn:aws:iam::${MEMBER}:role/AuditRole`]);
  });

  it('without organizations:ListAccounts, scans the accounts given with --accounts, and otherwise says what is needed', async () => {
    orgs.on(ListAccountsCommand).rejects(new AccessDeniedException({ message: 'You don’t have permissions to access this resource.', $metadata: {} }));
    const run = await walkOrganization(options, orgOptions({ accounts: MEMBER }), openLiveSource, async (s) => s.identity.accountId);
    expect(run.outcomes).toMatchObject([{ account: { id: MEMBER }, status: 'scanned', value: MEMBER }]);
    expect(run.warnings[0]).toMatch(/needs organizations:ListAccounts.*Scanning the accounts given with --accounts\.$/);
    await expect(walkOrganization(options, orgOptions({ org: true }), openLiveSource, async () => 1)).rejects.toThrow(
      new StartupError('Listing the organization needs organizations:ListAccounts, from the management account or a delegated administrator; or name the accounts with --accounts.'),
    );
  });

  it('scans no more accounts at once than --concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const many = Array.from({ length: 7 }, (_, i) => ({ Id: String(500000000000 + i), Name: `a${i}`, Status: 'ACTIVE' as const }));
    orgs.on(ListAccountsCommand).resolves({ Accounts: many });
    const run = await walkOrganization(options, orgOptions({ org: true, concurrency: '2' }), openLiveSource, async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      return 0;
    });
    expect(run.outcomes.filter((o) => o.status === 'scanned')).toHaveLength(7);
    expect(peak).toBe(2);
  });
});

describe('orgOptions', () => {
  it('refuses bad flags with one sentence each', () => {
    expect(() => orgOptions({ accounts: '1234,222233334444' })).toThrow('--accounts takes twelve-digit AWS account ids separated by commas; "1234" is not one.');
    expect(() => orgOptions({ org: true, demo: true })).toThrow('--org scans live member accounts; it cannot be combined with --demo.');
    expect(() => orgOptions({ org: true, roleName: 'no spaces allowed' })).toThrow('--role-name "no spaces allowed" is not a valid IAM role name.');
    expect(() => orgOptions({ org: true, concurrency: '0' })).toThrow('--concurrency must be a whole number of accounts from 1 to 32, not "0".');
    expect(orgOptions({ org: true })).toEqual({ roleName: 'HipaaWizardReadOnly', externalId: undefined, accounts: undefined, concurrency: 4 });
  });
});

describe('the combined output', () => {
  const counts = (fail: number) => ({ pass: 3, fail, unknown: 1, manual: 0, accepted: 0 });
  const run = {
    caller: { accountId: MANAGEMENT, arn: `arn:aws:iam::${MANAGEMENT}:user/auditor` },
    roleName: 'HipaaWizardReadOnly',
    warnings: [],
    outcomes: [
      { account: { id: MEMBER, name: 'clinic-prod' }, status: 'scanned' as const, warnings: [], value: { counts: counts(2), text: 'member findings\n', json: { findings: [] } } as AccountScanValue },
      { account: { id: LOCKED, name: 'clinic-dev' }, status: 'not-scanned' as const, reason: 'the role could not be assumed.' },
    ],
  };

  it('prints each account and a summary line per account, including the one not scanned', () => {
    const text = orgText(run);
    expect(text).toContain(`=== account ${MEMBER} (clinic-prod) ===\nmember findings`);
    expect(text).toContain(`=== account ${LOCKED} (clinic-dev) ===\nNot scanned: the role could not be assumed.`);
    expect(text).toContain(`  ${MEMBER}  clinic-prod  2 fail, 1 unknown, 0 manual, 0 accepted, 3 pass`);
    expect(text).toContain(`  ${LOCKED}  clinic-dev   not scanned: the role could not be assumed.`);
  });

  it('streams the text as accounts finish: the heading at once, each section in the list order as soon as those before it are written, the text not kept', () => {
    const written: string[] = [];
    const stream = streamOrgText((s) => written.push(s));
    const third = { account: { id: '444455556666', name: 'clinic-test' }, status: 'scanned' as const, warnings: [], value: { counts: counts(0), text: 'third findings\n' } };
    stream.start({ caller: run.caller, roleName: run.roleName, accounts: [...run.outcomes.map((x) => x.account), third.account], warnings: ['Not ACTIVE members of the organization, so not scanned: 999999999999.'] });
    expect(written).toEqual([`Organization scan from account ${MANAGEMENT} with the role HipaaWizardReadOnly: 3 accounts.\nwarning: Not ACTIVE members of the organization, so not scanned: 999999999999.\n`]);
    // The second account finishes first: nothing is written until the first is done.
    stream.outcome(run.outcomes[1] as AccountOutcome<AccountScanValue>, 1);
    expect(written).toHaveLength(1);
    const kept = stream.outcome(run.outcomes[0] as AccountOutcome<AccountScanValue>, 0);
    expect(written.slice(1)).toEqual([`\n=== account ${MEMBER} (clinic-prod) ===\nmember findings\n`, `\n=== account ${LOCKED} (clinic-dev) ===\nNot scanned: the role could not be assumed.\n`]);
    expect(kept.status === 'scanned' && kept.value.text).toBeUndefined();
    expect(kept.status === 'scanned' && kept.value.counts.fail).toBe(2);
    stream.outcome(third, 2);
    expect(written.at(-1)).toBe('\n=== account 444455556666 (clinic-test) ===\nthird findings\n');
    expect(orgSummary({ ...run, outcomes: [...run.outcomes, third] })).toContain('Summary by account: 2 scanned, 1 not scanned.');
  });

  it('gives JSON per account and totals, and an exit code that never hides an unscanned account', () => {
    expect(orgJson(run, '2026-11-24T12:00:00.000Z', '0.1.0')).toMatchObject({
      mode: 'organization',
      summary: { accounts: 2, scanned: 1, notScanned: 1, fail: 2, pass: 3 },
      accounts: [
        { id: MEMBER, status: 'scanned', scan: { findings: [] } },
        { id: LOCKED, status: 'not-scanned', reason: 'the role could not be assumed.' },
      ],
    });
    expect(orgExitCode(run)).toBe(1);
    expect(orgExitCode({ ...run, outcomes: [{ ...run.outcomes[0], value: { counts: counts(0) } } as never] })).toBe(0);
    expect(orgExitCode({ ...run, outcomes: [run.outcomes[1] as never] })).toBe(2);
  });
});

describe('assumeRole', () => {
  it('assumes again shortly before the session ends, so a long scan never runs out', async () => {
    let n = 0;
    sts.on(AssumeRoleCommand).callsFake(() => {
      n++;
      return { Credentials: { AccessKeyId: `ASIA${n}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + (n === 1 ? 120_000 : 3600_000)) } };
    });
    const clients = new ClientFactory();
    const provider = await assumeRole(clients, 'us-east-1', `arn:aws:iam::${MEMBER}:role/R`, undefined);
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect(n).toBe(2);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.ExternalId).toBeUndefined();
    clients.destroy();
  });
});

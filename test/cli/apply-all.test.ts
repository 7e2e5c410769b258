/**
 * `apply all --yes` goes on after one fix fails: each fix is its own unit. Run through the CLI
 * (the program main() builds, in this process) against an account whose SDK clients are mocked with
 * AWS's real answers: creating the analyzer is refused with Access Analyzer's AccessDeniedException,
 * the password policy is still set after it, the MFA fix is not attempted because --yes does not cover it, and the
 * run ends with the table of what became of each fix and exit code 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessAnalyzerClient, CreateAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readRecords } from '../../src/records/store.js';
import { PINNED_NOW } from '../helpers/built-cli.js';

const ACCOUNT = '111122223333';
const awsError = (name: string, message: string, status: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);
const aa = mockClient(AccessAnalyzerClient);
const sso = mockClient(SSOAdminClient);
const secrets = mockClient(SecretsManagerClient);

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const report = [
  HEADER,
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `tester,arn:aws:iam::${ACCOUNT}:user/tester,2024-03-01T00:00:00+00:00,true,2026-11-23T08:00:00+00:00,2026-10-01T00:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `alice,arn:aws:iam::${ACCOUNT}:user/alice,2024-03-01T00:00:00+00:00,true,2026-11-20T08:00:00+00:00,2026-10-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-apply-all-'));
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((d) => {
    out += String(d);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.env.HIPAA_WIZARD_NOW = PINNED_NOW;
  process.env.NO_COLOR = '1';
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKEFAKE';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake';
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/tester`, UserId: 'AIDATESTER' });
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] });
  const weak = { MinimumPasswordLength: 8, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: false, AllowUsersToChangePassword: true, HardExpiry: false };
  let policy: Record<string, unknown> = weak;
  iam.on(GetAccountPasswordPolicyCommand).callsFake(async () => ({ PasswordPolicy: policy }));
  iam.on(UpdateAccountPasswordPolicyCommand).callsFake(async (input: Record<string, unknown>) => {
    policy = input;
    return {};
  });
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(report), ReportFormat: 'text/csv', GeneratedTime: new Date(PINNED_NOW) });
  iam.on(GetAccountAuthorizationDetailsCommand).resolves({
    IsTruncated: false,
    UserDetailList: ['tester', 'alice'].map((u) => ({ UserName: u, Arn: `arn:aws:iam::${ACCOUNT}:user/${u}`, CreateDate: new Date('2024-03-01T00:00:00Z'), GroupList: [] })),
  });
  aa.on(ListAnalyzersCommand).resolves({ analyzers: [] });
  aa.on(CreateAnalyzerCommand).rejects(
    awsError('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT}:user/tester is not authorized to perform: access-analyzer:CreateAnalyzer on resource: arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/hipaa-wizard-external-access`, 403),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const m of [sts, iam, ec2, aa, sso, secrets]) m.reset();
  for (const k of ['HIPAA_WIZARD_NOW', 'NO_COLOR', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete process.env[k];
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('apply all --yes', () => {
  it('goes on after a fix fails with an AWS error, skips what --yes does not cover, and ends with a table and exit code 1', async () => {
    await main(['node', 'hipaa-wizard', 'apply', 'all', '--yes', '--allow-disruptive', 'password-policy', '--step', '1', '--region', 'us-east-1', '--regions', 'us-east-1', '--records', dir]);

    // The first fix's call was refused; the run went on, and the password policy was set after it.
    expect(aa.commandCalls(CreateAnalyzerCommand).map((c) => c.args[0].input)).toEqual([{ analyzerName: 'hipaa-wizard-external-access', type: 'ACCOUNT' }]);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand).map((c) => c.args[0].input.MinimumPasswordLength)).toEqual([14]);
    expect(out.indexOf('Fix access-analyzer')).toBeLessThan(out.indexOf('Fix password-policy'));
    const summary = out.slice(out.indexOf('Summary:'));
    expect(summary.split('\n')[0]).toBe('Summary: 1 applied, 1 failed, 1 not attempted.');
    expect(summary).toMatch(
      /access-analyzer +failed +CreateAnalyzer on .* \(us-east-1\) failed: AccessDeniedException: User: arn:aws:iam::111122223333:user\/tester is not authorized to perform: access-analyzer:CreateAnalyzer/,
    );
    expect(summary).toMatch(/password-policy +applied +Re-checked: passes\./);
    expect(summary).toMatch(
      /mfa-enforcement-policy +not attempted +It needs a confirmation: mfa-enforcement-policy is disruptive, and --yes covers safe fixes only\. Type its id at the prompt, or pass --yes --allow-disruptive mfa-enforcement-policy to apply it without one\. Its disruptive call: AddUserToGroup on IAM user alice \(us-east-1\) is tightening\./,
    );
    expect(process.exitCode).toBe(1);
    // Both attempts are journaled: the failure too, so what happened can be reviewed and undone.
    const journal = (await readRecords(dir)).entries.filter((e) => e.kind === 'journal').map((e) => [(e.body as { remediation: string }).remediation, (e.body as { outcome: string }).outcome]);
    expect(journal).toEqual([
      ['access-analyzer', 'failed'],
      ['password-policy', 'applied'],
    ]);
  });
});

/** Exit codes: 0 when nothing fails, 1 when something fails, 2 for usage and access problems, each with one sentence. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../src/engine/snapshot.js';
import { ensureBuilt, isolatedEnv, runCli, workDir } from '../helpers/built-cli.js';
import { daysAgo, state } from '../helpers/state.js';

beforeAll(() => ensureBuilt(), 240_000);

/** An account that does everything step 1 asks. */
function cleanAccount() {
  const region = {
    'accessanalyzer.analyzers': [{ name: 'a', arn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a', type: 'ACCOUNT', status: 'ACTIVE', createdAt: null }],
    'secretsmanager.secrets': [],
    'lambdaaccess.functions': [],
    'analytics.codebuildProjects': [],
    'analytics.sagemakerNotebooks': [],
    'ec2.instances': [],
    'ec2.metadataDefaults': { httpTokens: 'required' as const },
  };
  return state({
    regions: ['us-east-1'],
    global: {
      'iam.accountSummary': { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
      'iam.virtualMfaDevices': [],
      'iam.passwordPolicy': {
        minimumLength: 16,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: true,
        allowUsersToChangePassword: true,
        maxAgeDays: 90,
        reusePrevention: 24,
        hardExpiry: false,
      },
      'iam.credentialReport': [
        {
          user: '<root_account>',
          arn: 'arn:aws:iam::111122223333:root',
          userCreationTime: daysAgo(900),
          passwordEnabled: true,
          passwordLastUsed: daysAgo(400),
          passwordLastChanged: null,
          mfaActive: true,
          accessKeys: [],
        },
        {
          user: 'dana.okafor',
          arn: 'arn:aws:iam::111122223333:user/dana.okafor',
          userCreationTime: daysAgo(300),
          passwordEnabled: true,
          passwordLastUsed: daysAgo(1),
          passwordLastChanged: daysAgo(30),
          mfaActive: true,
          accessKeys: [],
        },
      ],
      'iam.authorization': {
        users: [{ name: 'dana.okafor', arn: 'arn:aws:iam::111122223333:user/dana.okafor', createDate: null, groups: ['Admins'], attachedPolicies: [], inlinePolicies: [] }],
        groups: [],
        roles: [],
        policies: [],
      },
      'iam.roleSessions': [],
      'ssoadmin.permissionSets': [],
    },
    regional: { 'us-east-1': region },
  });
}

describe('exit codes', () => {
  it('is 0 when nothing fails (attestations still to answer do not fail a scan)', async () => {
    const dir = workDir();
    writeFileSync(join(dir, 'clean.json'), serializeSnapshot(cleanAccount()));
    const r = await runCli(['scan', '--snapshot', 'clean.json', '--step', '1', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { summary: Record<string, number>; findings: { id: string; kind: string; status: string; message: string }[] };
    expect(out.summary).toMatchObject({ fail: 0, unknown: 0 });
    // Unanswered attestations are manual findings that put the question to the person.
    const asked = out.findings.filter((f) => f.kind === 'attestation');
    expect(asked.map((f) => f.id).sort()).toEqual(['access-reviews', 'automatic-logoff', 'emergency-access', 'unique-logins']);
    for (const f of asked) expect(f).toMatchObject({ status: 'manual', message: expect.stringMatching(/^No one has attested to this yet\. .*\?$/) });
    expect(r.code).toBe(0);
  });

  it('is 1 when something fails', async () => {
    expect((await runCli(['scan', '--demo', '--step', '1'])).code).toBe(1);
  });

  it('is 2 for a bad flag value or an unknown step, with one sentence', async () => {
    const format = await runCli(['scan', '--demo', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr.trim()).toBe('hipaa-wizard: --format must be text, json, ocsf, asff, csv or junit, not "xml".');
    const step = await runCli(['scan', '--demo', '--step', '99']);
    expect(step.code).toBe(2);
    expect(step.stderr).toMatch(/^hipaa-wizard: There is no step "99"\./);
    const threshold = await runCli(['scan', '--demo', '--access-key-max-age-days', 'soon']);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toMatch(/--access-key-max-age-days must be a whole number of days/);
  });

  it('is 2 without credentials: one sentence, no stack trace', async () => {
    const r = await runCli(['scan', '--region', 'us-east-1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^hipaa-wizard: Cannot reach AWS: no AWS credentials were found/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('is 2 for an unknown profile, naming it', async () => {
    const r = await runCli(['scan', '--profile', 'clinic-typo', '--region', 'us-east-1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^hipaa-wizard: The AWS profile "clinic-typo" is not defined in \/nonexistent\/aws-config or \/nonexistent\/aws-credentials\.$/);
  });

  it('is 2 when no region is set anywhere', async () => {
    const r = await runCli(['scan'], { env: isolatedEnv({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' }) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('hipaa-wizard: No AWS region is set: pass --region, set AWS_REGION, or set a region in your AWS profile.');
  });
});

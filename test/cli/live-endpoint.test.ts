/**
 * The real binary against an AWS-compatible endpoint (AWS_ENDPOINT_URL): it reports the live state,
 * makes only read calls, and turns exactly the refused APIs' checks `unknown`, naming the action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, isolatedEnv, runCli } from '../helpers/built-cli.js';
import { FAKE_ACCOUNT, type FakeAws, startFakeAws } from '../helpers/fake-aws.js';

let aws: FakeAws;
beforeAll(async () => {
  ensureBuilt();
  aws = await startFakeAws();
}, 240_000);
afterAll(() => aws?.close());

interface JsonFinding {
  id: string;
  kind: string;
  status: string;
  message: string;
  missingPermissions: string[];
}

describe('scan --step 1 against AWS_ENDPOINT_URL', () => {
  it('reports the live findings, reads only, and marks refused APIs unknown', async () => {
    const env = isolatedEnv({ AWS_ENDPOINT_URL: aws.url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key' });
    const r = await runCli(['scan', '--step', '1', '--region', 'us-east-1', '--format', 'json'], { env });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { mode: string; account: { id: string; alias: string | null }; regions: string[]; findings: JsonFinding[] };
    expect(out).toMatchObject({ mode: 'live', account: { id: FAKE_ACCOUNT, alias: 'fake-clinic' }, regions: ['us-east-1'] });
    const f = new Map(out.findings.map((x) => [x.id, x]));

    // Live state, as the fake account holds it.
    expect(f.get('root-mfa')).toMatchObject({ status: 'fail', message: expect.stringContaining(`root user of account ${FAKE_ACCOUNT} has no MFA`) });
    expect(f.get('password-policy-strength')).toMatchObject({ status: 'fail', message: expect.stringContaining('has no IAM password policy') });
    expect(f.get('console-users-mfa')).toMatchObject({ status: 'fail', message: expect.stringContaining('alice') });
    expect(f.get('root-recent-use')?.status).toBe('fail');
    expect(f.get('admin-star-policies')).toMatchObject({ status: 'fail', message: expect.stringContaining('everything') });
    expect(f.get('external-identities')).toMatchObject({ status: 'fail', message: expect.stringContaining('999988887777') });
    expect(f.get('users-via-groups')).toMatchObject({ status: 'fail', message: expect.stringContaining('scanner') });
    expect(f.get('access-key-age')?.status).toBe('pass');
    expect(f.get('shared-user-names')?.status).toBe('pass');

    // APIs the fake refuses: only their checks are unknown, each naming the refused action.
    expect(f.get('access-analyzer')).toMatchObject({ status: 'unknown', missingPermissions: ['access-analyzer:ListAnalyzers'] });
    expect(f.get('secrets-rotation')).toMatchObject({ status: 'unknown', missingPermissions: ['secretsmanager:ListSecrets'] });
    expect(f.get('session-duration')).toMatchObject({ status: 'unknown', missingPermissions: ['sso:ListInstances'] });
    expect(f.get('imdsv2-required')).toMatchObject({ status: 'unknown', missingPermissions: ['ec2:DescribeInstances'] });
    const unknown = out.findings.filter((x) => x.status === 'unknown').map((x) => x.id).sort();
    // Lambda, CodeBuild and SageMaker (the coverage checks of issue 14) are refused by the fake too.
    expect(unknown).toEqual([
      'access-analyzer',
      'codebuild-plaintext-credentials',
      'imdsv2-required',
      'lambda-public-policy',
      'lambda-url-auth',
      'sagemaker-root-access',
      'secrets-rotation',
      'session-duration',
    ]);

    // Every call was a read.
    expect(aws.requests.length).toBeGreaterThan(10);
    for (const q of aws.requests) {
      if (q.protocol === 'rest') expect(q.method, `${q.service} ${q.action}`).toBe('GET');
      else expect(q.action, `${q.service} ${q.action}`).toMatch(/^(Get|List|Describe|GenerateCredentialReport$)/);
    }
    const iamCalls = aws.requests.filter((q) => q.service === 'iam').map((q) => q.action);
    expect(iamCalls).toEqual(expect.arrayContaining(['GetAccountSummary', 'GetAccountPasswordPolicy', 'GenerateCredentialReport', 'GetCredentialReport', 'GetAccountAuthorizationDetails']));
    expect(aws.requests.some((q) => q.service === 'sts' && q.action === 'GetCallerIdentity')).toBe(true);
    // The account is in no organization (AWSOrganizationsNotInUseException), so its accounts are not listed and 999988887777 is outside.
    expect(aws.requests.filter((q) => q.service === 'organizations').map((q) => q.action)).toEqual(['DescribeOrganization']);
  });
});

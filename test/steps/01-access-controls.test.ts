/** Step 1 checks over built states: each one passes, fails and turns unknown when its data is refused. */
import { describe, expect, it } from 'vitest';
import type { CredentialReportRow, IamAuthorization, IamRole, IamUser, PasswordPolicy } from '../../src/state/iam.js';
import type { Ec2Instance } from '../../src/state/ec2.js';
import type { OrgAccount } from '../../src/state/organizations.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, ctx, daysAgo, denied, state } from '../helpers/state.js';

const userArn = (n: string) => `arn:aws:iam::${ACCOUNT}:user/${n}`;
const noKey = (slot: 1 | 2) => ({ slot, active: false, lastRotated: null, lastUsed: null });
const row = (user: string, o: Partial<CredentialReportRow> = {}): CredentialReportRow => ({
  user,
  arn: user === '<root_account>' ? `arn:aws:iam::${ACCOUNT}:root` : userArn(user),
  userCreationTime: daysAgo(400),
  passwordEnabled: false,
  passwordLastUsed: null,
  passwordLastChanged: null,
  mfaActive: false,
  accessKeys: [noKey(1), noKey(2)],
  ...o,
});
const report = (...rows: CredentialReportRow[]) => state({ global: { 'iam.credentialReport': rows } });
const reportDenied = () => state({ global: { 'iam.credentialReport': denied('iam:GetCredentialReport') } });

const user = (name: string, o: Partial<IamUser> = {}): IamUser => ({
  name,
  arn: userArn(name),
  createDate: daysAgo(100),
  groups: ['Staff'],
  attachedPolicies: [],
  inlinePolicies: [],
  ...o,
});
const role = (name: string, o: Partial<IamRole> = {}): IamRole => ({
  name,
  arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
  path: '/',
  trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  attachedPolicies: [],
  inlinePolicies: [],
  ...o,
});
const auth = (o: Partial<IamAuthorization>) => state({ global: { 'iam.authorization': { users: [], groups: [], roles: [], policies: [], ...o } } });
const authDenied = () => state({ global: { 'iam.authorization': denied('iam:GetAccountAuthorizationDetails') } });

const policy = (o: Partial<PasswordPolicy> = {}): PasswordPolicy => ({
  minimumLength: 14,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  allowUsersToChangePassword: true,
  maxAgeDays: 90,
  reusePrevention: 24,
  hardExpiry: false,
  ...o,
});

describe('root-access-keys', () => {
  it('fails when the root user has an access key', async () => {
    const f = await runCheckById('root-access-keys', state({ global: { 'iam.accountSummary': { AccountAccessKeysPresent: 1 } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toContain(`root user of account ${ACCOUNT} has an access key`);
  });
  it('passes without root keys', async () => {
    const f = await runCheckById('root-access-keys', state({ global: { 'iam.accountSummary': { AccountAccessKeysPresent: 0 } } }));
    expect(f.status).toBe('pass');
  });
  it('is unknown when the summary is refused', async () => {
    const f = await runCheckById('root-access-keys', state({ global: { 'iam.accountSummary': denied('iam:GetAccountSummary') } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['iam:GetAccountSummary']);
  });
});

describe('root-recent-use', () => {
  it('fails when root signed in within the window, saying when', async () => {
    const f = await runCheckById('root-recent-use', report(row('<root_account>', { passwordEnabled: true, passwordLastUsed: daysAgo(10) })));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/signed in to the console on 2026-11-14 \(10 days ago\)/);
  });
  it('fails on a recent root access key use', async () => {
    const f = await runCheckById(
      'root-recent-use',
      report(row('<root_account>', { accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(900), lastUsed: daysAgo(3) }, noKey(2)] })),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/used access key 1/);
  });
  it('says "today", never "-1 days ago", for a use stamped after this machine\'s clock', async () => {
    const f = await runCheckById('root-recent-use', report(row('<root_account>', { passwordEnabled: true, passwordLastUsed: daysAgo(-0.2) })));
    expect(f.status).toBe('fail');
    expect(f.message).not.toMatch(/-\d+ days/);
    expect(f.message).toMatch(/\(today \(AWS's timestamp is ahead of this machine's clock\)\)/);
    const g = await runCheckById('root-recent-use', report(row('<root_account>', { passwordEnabled: true, passwordLastUsed: daysAgo(0.5) })));
    expect(g.message).toMatch(/\(today\)/);
    const h = await runCheckById('root-recent-use', report(row('<root_account>', { passwordEnabled: true, passwordLastUsed: daysAgo(1.5) })));
    expect(h.message).toMatch(/\(1 day ago\)/);
  });
  it('passes when root was last used long ago, and honours the threshold', async () => {
    const s = report(row('<root_account>', { passwordLastUsed: daysAgo(200) }));
    expect((await runCheckById('root-recent-use', s)).status).toBe('pass');
    expect((await runCheckById('root-recent-use', s, ctx({ rootRecentUseDays: 365 }))).status).toBe('fail');
  });
  it('is unknown when the report is refused, or has no root row', async () => {
    expect((await runCheckById('root-recent-use', reportDenied())).missing).toEqual(['iam:GetCredentialReport']);
    expect((await runCheckById('root-recent-use', report(row('alice')))).status).toBe('unknown');
  });
});

describe('password-policy-strength', () => {
  it('fails without a policy, and on a short one', async () => {
    expect((await runCheckById('password-policy-strength', state({ global: { 'iam.passwordPolicy': null } }))).status).toBe('fail');
    const f = await runCheckById('password-policy-strength', state({ global: { 'iam.passwordPolicy': policy({ minimumLength: 8, requireSymbols: false }) } }));
    expect(f.message).toMatch(/minimum length is 8, below 14; it does not require symbols/);
  });
  it('passes a 14-character four-class policy', async () => {
    expect((await runCheckById('password-policy-strength', state({ global: { 'iam.passwordPolicy': policy() } }))).status).toBe('pass');
  });
  it('is unknown when refused', async () => {
    const f = await runCheckById('password-policy-strength', state({ global: { 'iam.passwordPolicy': denied('iam:GetAccountPasswordPolicy') } }));
    expect(f.status).toBe('unknown');
  });
});

describe('password-policy-rotation', () => {
  it('fails when passwords never expire and may be reused', async () => {
    const f = await runCheckById('password-policy-rotation', state({ global: { 'iam.passwordPolicy': policy({ maxAgeDays: 0, reusePrevention: 0 }) } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/passwords never expire; any earlier password may be reused/);
  });
  it('fails on an expiry beyond the setting or too little reuse prevention', async () => {
    const f = await runCheckById('password-policy-rotation', state({ global: { 'iam.passwordPolicy': policy({ maxAgeDays: 180, reusePrevention: 5 }) } }));
    expect(f.message).toMatch(/after 180 days, more than 90.*last 5 passwords/);
  });
  it('fails with no policy at all', async () => {
    expect((await runCheckById('password-policy-rotation', state({ global: { 'iam.passwordPolicy': null } }))).status).toBe('fail');
  });
  it('passes at 90 days / 24, and follows the settings', async () => {
    const s = state({ global: { 'iam.passwordPolicy': policy({ maxAgeDays: 60, reusePrevention: 24 }) } });
    expect((await runCheckById('password-policy-rotation', s)).status).toBe('pass');
    expect((await runCheckById('password-policy-rotation', s, ctx({ passwordMaxAgeDays: 45 }))).status).toBe('fail');
  });
  it('is unknown when refused', async () => {
    const f = await runCheckById('password-policy-rotation', state({ global: { 'iam.passwordPolicy': denied('iam:GetAccountPasswordPolicy') } }));
    expect(f.missing).toEqual(['iam:GetAccountPasswordPolicy']);
  });
});

describe('console-users-mfa', () => {
  it('fails naming the console users without MFA, ignoring key-only users and root', async () => {
    const f = await runCheckById(
      'console-users-mfa',
      report(
        row('<root_account>', { passwordEnabled: true, mfaActive: false }),
        row('alice', { passwordEnabled: true, mfaActive: true }),
        row('bob', { passwordEnabled: true, mfaActive: false }),
        row('robot', { passwordEnabled: false }),
      ),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toBe(`1 IAM user of account ${ACCOUNT} can sign in to the console with a password alone: bob.`);
    expect(f.resources.map((r) => r.status)).toEqual(['pass', 'fail']);
  });
  it('passes when every console user has MFA, or there are none', async () => {
    expect((await runCheckById('console-users-mfa', report(row('alice', { passwordEnabled: true, mfaActive: true })))).status).toBe('pass');
    const none = await runCheckById('console-users-mfa', report(row('robot')));
    expect(none.status).toBe('pass');
    expect(none.message).toMatch(/No IAM user .* has a console password/);
  });
  it('is unknown when the report is refused', async () => {
    expect((await runCheckById('console-users-mfa', reportDenied())).status).toBe('unknown');
  });
});

describe('access-key-age', () => {
  const key = (rotated: number) => ({ slot: 1 as const, active: true, lastRotated: daysAgo(rotated), lastUsed: daysAgo(1) });
  it('fails on an active key older than the limit, naming user, key and age', async () => {
    const f = await runCheckById('access-key-age', report(row('ci-deploy', { accessKeys: [key(212), noKey(2)] }), row('fresh', { accessKeys: [key(10), noKey(2)] })));
    expect(f.status).toBe('fail');
    expect(f.message).toContain('ci-deploy (key 1, 212 days)');
  });
  it('ignores inactive keys and passes young ones; the limit is a setting', async () => {
    const s = report(row('a', { accessKeys: [key(60), { slot: 2, active: false, lastRotated: daysAgo(900), lastUsed: null }] }));
    expect((await runCheckById('access-key-age', s)).status).toBe('pass');
    expect((await runCheckById('access-key-age', s, ctx({ accessKeyMaxAgeDays: 45 }))).status).toBe('fail');
  });
  it('is unknown when the report is refused', async () => {
    expect((await runCheckById('access-key-age', reportDenied())).missing).toEqual(['iam:GetCredentialReport']);
  });
});

describe('unused-credentials', () => {
  it("fails on a departed user's idle password and key", async () => {
    const f = await runCheckById(
      'unused-credentials',
      report(
        row('old-contractor', {
          passwordEnabled: true,
          passwordLastUsed: daysAgo(163),
          accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(470), lastUsed: daysAgo(151) }, noKey(2)],
        }),
        row('dana', { passwordEnabled: true, passwordLastUsed: daysAgo(1) }),
      ),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/2 credentials .* more than 90 days \(old-contractor\)/);
    expect(f.resources.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      `${userArn('old-contractor')} console password`,
      `${userArn('old-contractor')} access key 1`,
    ]);
  });
  it('counts a never-used key from its creation', async () => {
    const s = report(row('idle', { accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(120), lastUsed: null }, noKey(2)] }));
    const f = await runCheckById('unused-credentials', s);
    expect(f.status).toBe('fail');
    expect(f.resources[0]?.detail).toMatch(/never used since/);
  });
  it('passes recently used credentials', async () => {
    const s = report(row('dana', { passwordEnabled: true, passwordLastUsed: daysAgo(30) }));
    expect((await runCheckById('unused-credentials', s)).status).toBe('pass');
    expect((await runCheckById('unused-credentials', s, ctx({ unusedCredentialDays: 20 }))).status).toBe('fail');
  });
  it('is unknown when the report is refused', async () => {
    expect((await runCheckById('unused-credentials', reportDenied())).status).toBe('unknown');
  });
});

describe('admin-star-policies', () => {
  const star = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
  it('fails on an attached customer policy with a single-object Statement and Action "*"', async () => {
    const f = await runCheckById(
      'admin-star-policies',
      auth({ policies: [{ name: 'PowerUser', arn: `arn:aws:iam::${ACCOUNT}:policy/PowerUser`, attachmentCount: 2, document: star }] }),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toContain('PowerUser');
  });
  it('fails on inline policies of users, groups and roles, with Action arrays and NotAction', async () => {
    const f = await runCheckById(
      'admin-star-policies',
      auth({
        users: [user('u', { inlinePolicies: [{ name: 'all', document: { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] }] } }] })],
        groups: [{ name: 'G', arn: `arn:aws:iam::${ACCOUNT}:group/G`, attachedPolicies: [], inlinePolicies: [{ name: 'almost-all', document: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } }] }],
        roles: [role('r', { inlinePolicies: [{ name: 'starstar', document: { Statement: [{ Effect: 'Allow', Action: '*:*', Resource: '*' }] } }] })],
      }),
    );
    expect(f.resources.filter((r) => r.status === 'fail').map((r) => r.detail)).toEqual([
      'Inline policy all on user u allows every action on every resource.',
      'Inline policy almost-all on group G allows every action on every resource.',
      'Inline policy starstar on role r allows every action on every resource.',
    ]);
  });
  it('judges NotAction by what it leaves out (a narrow exception list is admin, "*" or a long list is not) and NotResource as everywhere', async () => {
    const pol = (name: string, statement: object) => ({ name, arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, attachmentCount: 1, document: { Version: '2012-10-17', Statement: [statement] } });
    const f = await runCheckById(
      'admin-star-policies',
      auth({
        policies: [
          pol('AllButBilling', { Effect: 'Allow', NotAction: ['aws-portal:*', 'budgets:*'], Resource: '*' }),
          pol('AllButNothing', { Effect: 'Allow', NotAction: '*', Resource: '*' }),
          pol('ManyExceptions', { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*', 'kms:*', 's3:*'], Resource: '*' }),
          pol('NotResource', { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::audit-logs/*' }),
        ],
      }),
    );
    // Everything but one bucket (NotResource) is everything, too.
    expect(f.resources.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([`arn:aws:iam::${ACCOUNT}:policy/AllButBilling`, `arn:aws:iam::${ACCOUNT}:policy/NotResource`]);
  });
  it('fails for the AWS-managed AdministratorAccess attached to a user, a group or a role', async () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const f = await runCheckById(
      'admin-star-policies',
      auth({
        users: [user('dana', { attachedPolicies: [admin] })],
        groups: [{ name: 'Admins', arn: `arn:aws:iam::${ACCOUNT}:group/Admins`, attachedPolicies: [admin], inlinePolicies: [] }],
        roles: [role('ops', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess', admin] }), role('reader', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })],
      }),
    );
    expect(f.status).toBe('fail');
    expect(f.resources.filter((r) => r.status === 'fail').map((r) => r.detail)).toEqual([
      'AWS-managed policy AdministratorAccess on user dana allows every action on every resource.',
      'AWS-managed policy AdministratorAccess on group Admins allows every action on every resource.',
      'AWS-managed policy AdministratorAccess on role ops allows every action on every resource.',
    ]);
    expect(f.message).toMatch(/^3 policies in account 111122223333 allow every action on every resource: AWS-managed policy AdministratorAccess on user dana/);
  });
  it('passes scoped policies, Deny "*", and an unattached admin policy', async () => {
    const f = await runCheckById(
      'admin-star-policies',
      auth({
        policies: [
          { name: 'Unused', arn: `arn:aws:iam::${ACCOUNT}:policy/Unused`, attachmentCount: 0, document: star },
          { name: 'DenyAll', arn: `arn:aws:iam::${ACCOUNT}:policy/DenyAll`, attachmentCount: 1, document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } },
          { name: 'S3Star', arn: `arn:aws:iam::${ACCOUNT}:policy/S3Star`, attachmentCount: 1, document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }] } },
        ],
      }),
    );
    expect(f.status).toBe('pass');
  });
  it('is unknown when the authorization details are refused', async () => {
    expect((await runCheckById('admin-star-policies', authDenied())).missing).toEqual(['iam:GetAccountAuthorizationDetails']);
  });
});

describe('users-via-groups', () => {
  it('fails on users with attached or inline policies of their own', async () => {
    const f = await runCheckById(
      'users-via-groups',
      auth({
        users: [
          user('marcus', { attachedPolicies: ['arn:aws:iam::aws:policy/AmazonRDSFullAccess'] }),
          user('ci', { inlinePolicies: [{ name: 'deploy', document: null }] }),
          user('dana'),
        ],
      }),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/2 IAM users .* marcus, ci/);
    expect(f.resources[1]?.detail).toBe('IAM user ci has policies of its own: deploy (inline).');
  });
  it('passes when every user gets permissions from groups', async () => {
    expect((await runCheckById('users-via-groups', auth({ users: [user('dana')] }))).status).toBe('pass');
  });
  it('is unknown when refused', async () => {
    expect((await runCheckById('users-via-groups', authDenied())).status).toBe('unknown');
  });
});

describe('access-analyzer', () => {
  const analyzer = (type = 'ACCOUNT', status = 'ACTIVE') => ({ name: 'a', arn: 'arn:aws:access-analyzer:us-east-1:1:analyzer/a', type, status, createdAt: null });
  it('fails for a region with no analyzer, or only an unused-access one', async () => {
    const f = await runCheckById(
      'access-analyzer',
      state({
        regional: {
          'us-east-1': { 'accessanalyzer.analyzers': [analyzer()] },
          'us-west-2': { 'accessanalyzer.analyzers': [analyzer('ACCOUNT_UNUSED_ACCESS')] },
          'eu-west-1': { 'accessanalyzer.analyzers': [] },
        },
      }),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toBe(`Account ${ACCOUNT} has no active IAM Access Analyzer in us-west-2, eu-west-1.`);
  });
  it('passes with an active analyzer everywhere', async () => {
    const f = await runCheckById('access-analyzer', state({ regional: { 'us-east-1': { 'accessanalyzer.analyzers': [analyzer('ORGANIZATION')] } } }));
    expect(f.status).toBe('pass');
  });
  it('is unknown for a refused region when the others pass', async () => {
    const f = await runCheckById(
      'access-analyzer',
      state({
        regional: {
          'us-east-1': { 'accessanalyzer.analyzers': [analyzer()] },
          'us-west-2': { 'accessanalyzer.analyzers': denied('access-analyzer:ListAnalyzers') },
        },
      }),
    );
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['access-analyzer:ListAnalyzers']);
    expect(f.message).toMatch(/us-west-2/);
  });
});

describe('session-duration', () => {
  const roles = (...r: [string, number, string?][]) =>
    r.map(([name, s, path]) => ({ name, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, path: path ?? '/', maxSessionSeconds: s }));
  const ps = (name: string, sessionDuration: string | null) => ({
    name,
    arn: `arn:aws:sso:::permissionSet/ssoins-1/ps-${name}`,
    sessionDuration,
    instanceArn: 'arn:aws:sso:::instance/ssoins-1',
    region: 'us-east-1',
  });
  it('fails a role or permission set longer than the setting, skipping service-linked roles', async () => {
    const s = state({
      global: {
        'iam.roleSessions': roles(
          ['ops', 43200],
          ['svc', 43200, '/aws-service-role/support.amazonaws.com/'],
          ['AWSReservedSSO_Admins_0123', 43200, '/aws-reserved/sso.amazonaws.com/'],
          ['app', 3600],
        ),
        'ssoadmin.permissionSets': [ps('Admins', 'PT12H'), ps('Front', 'PT4H')],
      },
    });
    expect((await runCheckById('session-duration', s, ctx({ maxSessionHours: 12 }))).status).toBe('pass');
    const f = await runCheckById('session-duration', s);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/2 roles or permission sets .* longer than 8 hours: IAM role ops, SSO permission set Admins/);
    expect(f.resources.some((r) => r.id.includes('aws-service-role') || r.id.includes('AWSReservedSSO'))).toBe(false);
  });
  it('reads ISO-8601 durations with minutes and days', async () => {
    const s = state({ global: { 'iam.roleSessions': [], 'ssoadmin.permissionSets': [ps('Long', 'PT1H30M'), ps('Day', 'P1D')] } });
    const f = await runCheckById('session-duration', s, ctx({ maxSessionHours: 2 }));
    expect(f.resources.map((r) => r.status)).toEqual(['pass', 'fail']);
  });
  it('is unknown when Identity Center cannot be read', async () => {
    const f = await runCheckById('session-duration', state({ global: { 'iam.roleSessions': roles(['app', 3600]), 'ssoadmin.permissionSets': denied('sso:ListInstances') } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['sso:ListInstances']);
  });
});

describe('secrets-rotation', () => {
  const secret = (name: string, rotationEnabled: boolean) => ({
    name,
    arn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-AbCdEf`,
    rotationEnabled,
    rotationDays: rotationEnabled ? 30 : null,
    lastRotated: rotationEnabled ? daysAgo(5) : null,
    lastAccessed: daysAgo(1),
  });
  it('fails naming an unrotated secret and its region', async () => {
    const f = await runCheckById('secrets-rotation', state({ regional: { 'us-east-1': { 'secretsmanager.secrets': [secret('db', true), secret('api-key', false)] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toBe(`1 secret of account ${ACCOUNT} does not rotate automatically: api-key in us-east-1.`);
  });
  it('passes when every secret rotates, or there are none', async () => {
    expect((await runCheckById('secrets-rotation', state({ regional: { 'us-east-1': { 'secretsmanager.secrets': [secret('db', true)] } } }))).status).toBe('pass');
    expect((await runCheckById('secrets-rotation', state({ regional: { 'us-east-1': { 'secretsmanager.secrets': [] } } }))).status).toBe('pass');
  });
  it('is unknown when a region is refused and nothing else fails', async () => {
    const f = await runCheckById(
      'secrets-rotation',
      state({ regional: { 'us-east-1': { 'secretsmanager.secrets': [secret('db', true)] }, 'us-west-2': { 'secretsmanager.secrets': denied('secretsmanager:ListSecrets') } } }),
    );
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['secretsmanager:ListSecrets']);
  });
});

describe('imdsv2-required', () => {
  const inst = (id: string, httpTokens: Ec2Instance['httpTokens'], o: Partial<Ec2Instance> = {}): Ec2Instance => ({
    id,
    arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${id}`,
    state: 'running',
    platform: 'Linux/UNIX',
    imageId: 'ami-1',
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    publicIp: null,
    httpTokens,
    httpEndpoint: 'enabled',
    iamInstanceProfile: null,
    securityGroups: [],
    launchTime: null,
    tags: {},
    ...o,
  });
  it('fails on an instance still answering IMDSv1 and on a region default that allows it', async () => {
    const f = await runCheckById(
      'imdsv2-required',
      state({
        regional: {
          'us-east-1': {
            'ec2.instances': [inst('i-1', 'optional', { publicIp: '54.1.2.3', tags: { Name: 'web' } }), inst('i-2', 'required')],
            'ec2.metadataDefaults': { httpTokens: null },
          },
        },
      }),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/1 instance still answers IMDSv1 \(i-1 \(web\) in us-east-1\), and new instances do not require IMDSv2 by default in us-east-1/);
    expect(f.resources[0]?.detail).toMatch(/public address 54\.1\.2\.3/);
  });
  it('passes when tokens are required, or the metadata endpoint is off', async () => {
    const f = await runCheckById(
      'imdsv2-required',
      state({
        regional: {
          'us-east-1': {
            'ec2.instances': [inst('i-2', 'required'), inst('i-3', 'optional', { httpEndpoint: 'disabled' })],
            'ec2.metadataDefaults': { httpTokens: 'required' },
          },
        },
      }),
    );
    expect(f.status).toBe('pass');
  });
  it('is unknown when DescribeInstances is refused', async () => {
    const f = await runCheckById(
      'imdsv2-required',
      state({ regional: { 'us-east-1': { 'ec2.instances': denied('ec2:DescribeInstances'), 'ec2.metadataDefaults': { httpTokens: 'required' } } } }),
    );
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['ec2:DescribeInstances']);
  });
});

describe('external-identities', () => {
  // An account in no organization: every other account is outside.
  const standalone = (o: Partial<IamAuthorization>) => state({ global: { 'iam.authorization': { users: [], groups: [], roles: [], policies: [], ...o }, 'organizations.organization': null, 'organizations.accounts': [] } });
  const member = (o: Partial<IamAuthorization>, accounts: OrgAccount[] | ReturnType<typeof denied>) =>
    state({
      global: {
        'iam.authorization': { users: [], groups: [], roles: [], policies: [], ...o },
        'organizations.organization': { id: 'o-abc123', managementAccountId: '999988887777', featureSet: 'ALL' },
        'organizations.accounts': accounts,
      },
    });
  const orgAccount = (id: string, name: string): OrgAccount => ({ id, name, email: `aws+${name}@maple-clinic.org`, status: 'ACTIVE' });
  const trust = (principal: unknown, condition?: unknown) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }],
  });
  it('fails on users named after personal mailboxes', async () => {
    const f = await runCheckById('external-identities', standalone({ users: [user('priya.shah@gmail.com'), user('abc@YAHOO.com'), user('dana@maple-clinic.org')] }));
    expect(f.status).toBe('fail');
    expect(f.resources.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([userArn('priya.shah@gmail.com'), userArn('abc@YAHOO.com')]);
  });
  it('fails on a role another account can assume without an external id, and on "*"', async () => {
    const f = await runCheckById(
      'external-identities',
      standalone({
        roles: [
          role('partner', { trustPolicy: trust({ AWS: 'arn:aws:iam::444455556666:root' }) }),
          role('open', { trustPolicy: trust({ AWS: ['*'] }) }),
          role('audit', { trustPolicy: trust({ AWS: '777788889999' }, { StringEquals: { 'sts:ExternalId': 'x' } }) }),
          role('own', { trustPolicy: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }),
          role('org', { trustPolicy: trust({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }) }),
        ],
      }),
    );
    expect(f.status).toBe('fail');
    expect(f.resources.map((r) => r.detail)).toEqual([
      'IAM role partner can be assumed from account 444455556666 without an external id.',
      'IAM role open can be assumed from any AWS account without an external id.',
    ]);
  });
  it('passes organization users and service or external-id roles', async () => {
    const f = await runCheckById('external-identities', standalone({ users: [user('dana.okafor')], roles: [role('app')] }));
    expect(f.status).toBe('pass');
  });
  it('is unknown when refused', async () => {
    expect((await runCheckById('external-identities', authDenied())).status).toBe('unknown');
  });
  it('does not count roles trusting accounts of the same organization (OrganizationAccountAccessRole, Control Tower) as external', async () => {
    const roles = [
      role('OrganizationAccountAccessRole', { trustPolicy: trust({ AWS: 'arn:aws:iam::999988887777:root' }) }),
      role('AWSControlTowerExecution', { trustPolicy: trust({ AWS: 'arn:aws:iam::999988887777:root' }) }),
      role('audit-read', { trustPolicy: trust({ AWS: 'arn:aws:iam::123412341234:root' }) }),
    ];
    const f = await runCheckById('external-identities', member({ roles }, [orgAccount('999988887777', 'management'), orgAccount('123412341234', 'audit'), orgAccount(ACCOUNT, 'workloads')]));
    expect(f.status).toBe('pass');
    expect(f.resources.map((r) => r.detail)).toContain('IAM role audit-read trusts only 1 account of the same organization (123412341234, audit).');
    const outsider = await runCheckById('external-identities', member({ roles: [role('partner', { trustPolicy: trust({ AWS: '444455556666' }) })] }, [orgAccount('999988887777', 'management')]));
    expect(outsider.status).toBe('fail');
  });
  it('knows the management account from a member account, and is unknown for other accounts when ListAccounts is refused', async () => {
    const mgmt = await runCheckById('external-identities', member({ roles: [role('OrganizationAccountAccessRole', { trustPolicy: trust({ AWS: 'arn:aws:iam::999988887777:root' }) })] }, denied('organizations:ListAccounts')));
    expect(mgmt.status).toBe('pass');
    const other = await runCheckById('external-identities', member({ roles: [role('audit-read', { trustPolicy: trust({ AWS: '123412341234' }) })] }, denied('organizations:ListAccounts')));
    expect(other.status).toBe('unknown');
    expect(other.missing).toEqual(['organizations:ListAccounts']);
    expect(other.resources[0]?.detail).toBe(
      "IAM role audit-read trusts account 123412341234, and the organization's account list could not be read to tell whether it is one of yours.",
    );
  });
});
describe('shared-user-names', () => {
  it('fails on names of desks and teams', async () => {
    const f = await runCheckById(
      'shared-user-names',
      auth({ users: [user('frontdesk'), user('Front-Desk2'), user('billing_team'), user('nurse-station'), user('dana.okafor'), user('marcus.lee')] }),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/4 IAM users .* frontdesk, Front-Desk2, billing_team and 1 more/);
  });
  it('passes personal names', async () => {
    expect((await runCheckById('shared-user-names', auth({ users: [user('dana.okafor'), user('priya.shah')] }))).status).toBe('pass');
  });
  it('is unknown when refused', async () => {
    expect((await runCheckById('shared-user-names', authDenied())).missing).toEqual(['iam:GetAccountAuthorizationDetails']);
  });
});

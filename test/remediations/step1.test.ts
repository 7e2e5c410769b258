import { IAMClient } from '@aws-sdk/client-iam';
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialReportRow, IamAuthorization } from '../../src/state/iam.js';
import { buildDemoState } from '../../src/demo/account.js';
import { ACCOUNT, daysAgo, NOW, state } from '../helpers/state.js';
import { ok } from '../../src/engine/state.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { applyWith, awsError, calls, planFor, sent, undoWith } from './harness.js';

const iam = mockClient(IAMClient);
const aa = mockClient(AccessAnalyzerClient);
afterEach(() => {
  iam.reset();
  aa.reset();
});

const arn = (user: string) => `arn:aws:iam::${ACCOUNT}:user/${user}`;
const noKey = (slot: 1 | 2) => ({ slot, active: false, lastRotated: null, lastUsed: null });
function row(user: string, o: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return {
    user,
    arn: arn(user),
    userCreationTime: daysAgo(400),
    passwordEnabled: false,
    passwordLastUsed: null,
    passwordLastChanged: null,
    mfaActive: false,
    accessKeys: [noKey(1), noKey(2)],
    ...o,
  };
}

describe('access-analyzer', () => {
  const analyzer = { name: 'hipaa-wizard-external-access', arn: 'arn:aws:access-analyzer:us-west-2:111122223333:analyzer/x', type: 'ACCOUNT', status: 'ACTIVE', createdAt: null };
  const before = state({
    regional: {
      'us-east-1': { 'accessanalyzer.analyzers': [{ ...analyzer, name: 'org', type: 'ORGANIZATION' }] },
      'us-west-2': { 'accessanalyzer.analyzers': [{ ...analyzer, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS' }] },
    },
  });
  const after = state({
    regional: {
      'us-east-1': { 'accessanalyzer.analyzers': [{ ...analyzer, name: 'org', type: 'ORGANIZATION' }] },
      'us-west-2': { 'accessanalyzer.analyzers': [{ ...analyzer, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS' }, analyzer] },
    },
  });

  it('creates an account analyzer only where no external-access analyzer is active, and undo deletes it', async () => {
    const plan = await planFor('access-analyzer', before);
    expect(calls(plan)).toEqual([['CreateAnalyzer', { analyzerName: 'hipaa-wizard-external-access', type: 'ACCOUNT' }]]);
    expect(plan.actions[0]?.region).toBe('us-west-2');
    aa.resolves({});
    const { outcome, entry } = await applyWith(plan, before, after);
    expect(outcome.status).toBe('applied');
    expect(outcome.verification).toEqual([expect.objectContaining({ check: 'access-analyzer', status: 'pass' })]);
    expect(sent(aa)).toEqual([['CreateAnalyzer', { analyzerName: 'hipaa-wizard-external-access', type: 'ACCOUNT' }]]);
    expect((await planFor('access-analyzer', after)).actions).toEqual([]);
    aa.reset();
    aa.resolves({});
    await undoWith(entry, after);
    expect(sent(aa)).toEqual([['DeleteAnalyzer', { analyzerName: 'hipaa-wizard-external-access' }]]);
  });

  it('takes the analyzer name as an option and reports a refused creation', async () => {
    const two = state({ regional: { 'us-east-1': { 'accessanalyzer.analyzers': [] }, 'us-west-2': { 'accessanalyzer.analyzers': [] } } });
    const plan = await planFor('access-analyzer', two, { name: 'clinic' });
    expect(calls(plan)).toEqual([
      ['CreateAnalyzer', { analyzerName: 'clinic', type: 'ACCOUNT' }],
      ['CreateAnalyzer', { analyzerName: 'clinic', type: 'ACCOUNT' }],
    ]);
    aa.resolvesOnce({}).rejects(awsError('ServiceQuotaExceededException', 'Analyzer quota reached.'));
    const { outcome } = await applyWith(plan, two, two);
    expect(outcome.status).toBe('failed');
    expect(outcome.changed.map((a) => a.region)).toEqual(['us-east-1']);
    expect(outcome.message).toMatch(/Stopped at change 2 of 2 \(CreateAnalyzer on analyzer clinic in us-west-2\): ServiceQuotaExceededException: Analyzer quota reached\. 1 change was made before it and 1 was not\./);
  });
});

describe('deactivate-stale-access-keys', () => {
  // ci-deploy's key is 200 days old but was used yesterday: a pipeline depends on it.
  const keyRow = row('ci-deploy', { accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(200), lastUsed: daysAgo(1) }, noKey(2)] });
  const idle = row('old-contractor', {
    passwordEnabled: true,
    passwordLastUsed: daysAgo(160),
    accessKeys: [
      { slot: 1, active: true, lastRotated: daysAgo(30), lastUsed: null },
      { slot: 2, active: true, lastRotated: daysAgo(120), lastUsed: daysAgo(100) },
    ],
  });
  // Never used, created 95 days ago: unused for longer than the 90-day limit.
  const neverUsed = row('intern', { accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(95), lastUsed: null }, noKey(2)] });
  const fresh = row('dana', { passwordEnabled: true, passwordLastUsed: daysAgo(2), mfaActive: true, accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(10), lastUsed: daysAgo(1) }, noKey(2)] });
  const keys = [
    { user: 'ci-deploy', accessKeyId: 'AKIACI00000000000001', status: 'Active' as const, createDate: daysAgo(200) },
    { user: 'old-contractor', accessKeyId: 'AKIAOC00000000000001', status: 'Active' as const, createDate: daysAgo(30) },
    { user: 'old-contractor', accessKeyId: 'AKIAOC00000000000002', status: 'Active' as const, createDate: daysAgo(120) },
    { user: 'intern', accessKeyId: 'AKIAINTERN0000000001', status: 'Active' as const, createDate: daysAgo(95) },
    { user: 'dana', accessKeyId: 'AKIADANA000000000001', status: 'Active' as const, createDate: daysAgo(10) },
  ];
  const before = state({ global: { 'iam.credentialReport': [keyRow, idle, neverUsed, fresh], 'iamkeys.accessKeys': keys } });

  it('turns off only keys unused for 90 days, leaves a key used yesterday alone and says how to rotate it; undo turns the keys back on', async () => {
    const plan = await planFor('deactivate-stale-access-keys', before);
    expect(calls(plan)).toEqual([
      ['UpdateAccessKey', { UserName: 'old-contractor', AccessKeyId: 'AKIAOC00000000000002', Status: 'Inactive' }],
      ['DeleteLoginProfile', { UserName: 'old-contractor' }],
      ['UpdateAccessKey', { UserName: 'intern', AccessKeyId: 'AKIAINTERN0000000001', Status: 'Inactive' }],
    ]);
    expect(plan.actions[1]?.reversible).toBe(false);
    expect(plan.notes).toContainEqual(expect.stringMatching(/^Not turned off, because they were used in the last 90 days and something depends on them: IAM user ci-deploy's key 1 \(200 days old, last used 1 days ago\)\. .*create a second key.*switch.*then deactivate the old key/));

    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    const after = model.read();
    // unused-credentials now passes; access-key-age still fails, on purpose, for ci-deploy's key in use.
    expect(outcome.verification.map((v) => [v.check, v.status])).toEqual([
      ['access-key-age', 'fail'],
      ['unused-credentials', 'pass'],
    ]);
    expect(after.global['iamkeys.accessKeys']).toEqual(ok(keys.map((k) => (['AKIAOC00000000000002', 'AKIAINTERN0000000001'].includes(k.accessKeyId) ? { ...k, status: 'Inactive' } : k))));
    expect((await planFor('deactivate-stale-access-keys', after)).actions).toEqual([]);

    const undo = await undoOnModel(entry, model);
    expect(undo.cannotUndo).toEqual([
      '"Remove the console password of IAM user old-contractor (last used 160 days ago)" cannot be undone: IAM cannot give the old password back; set a new one with aws iam create-login-profile if the person needs it.',
    ]);
    expect(undo.outcome.status).toBe('applied');
    expect(model.read().global['iamkeys.accessKeys']).toEqual(before.global['iamkeys.accessKeys']);
  });

  it('keeps passwords when asked, and stops at a refused call saying what changed', async () => {
    const plan = await planFor('deactivate-stale-access-keys', before, { passwords: 'no' });
    expect(plan.actions.map((a) => a.resource)).toEqual(['access key AKIAOC00000000000002 of IAM user old-contractor', 'access key AKIAINTERN0000000001 of IAM user intern']);
    // The intern's key was deleted after the plan was made: IAM answers NoSuchEntity.
    iam.resolvesOnce({}).rejects(awsError('NoSuchEntity', 'The Access Key with id AKIAINTERN0000000001 cannot be found.', 404));
    const { outcome } = await applyWith(plan, before, before);
    expect(outcome.status).toBe('failed');
    expect(outcome.changed.map((a) => a.resource)).toEqual(['access key AKIAOC00000000000002 of IAM user old-contractor']);
    expect(outcome.unchanged.map((a) => a.resource)).toEqual(['access key AKIAINTERN0000000001 of IAM user intern']);
    expect(outcome.message).toMatch(/NoSuchEntity: The Access Key with id AKIAINTERN0000000001 cannot be found\./);
  });
});

describe('mfa-enforcement-policy', () => {
  const policyArn = `arn:aws:iam::${ACCOUNT}:policy/hipaa-wizard-require-mfa`;
  const users = [row('marcus', { passwordEnabled: true }), row('dana', { passwordEnabled: true, mfaActive: true }), row('robot')];
  const auth = (groupPolicies: string[] | null, members: string[], policy: boolean): IamAuthorization => ({
    users: ['marcus', 'dana', 'robot'].map((name) => ({ name, arn: arn(name), createDate: null, groups: members.includes(name) ? ['mfa-required'] : [], attachedPolicies: [], inlinePolicies: [] })),
    groups: groupPolicies ? [{ name: 'mfa-required', arn: `arn:aws:iam::${ACCOUNT}:group/mfa-required`, attachedPolicies: groupPolicies, inlinePolicies: [] }] : [],
    roles: [],
    policies: policy ? [{ name: 'hipaa-wizard-require-mfa', arn: policyArn, attachmentCount: 1, document: null }] : [],
  });
  const before = state({ global: { 'iam.credentialReport': users, 'iam.authorization': auth(null, [], false) } });
  const after = state({ global: { 'iam.credentialReport': users, 'iam.authorization': auth([policyArn], ['marcus'], true) } });

  it('creates the deny-unless-MFA policy and the group, attaches it, adds the users without MFA; undo takes it all back in reverse', async () => {
    const plan = await planFor('mfa-enforcement-policy', before);
    expect(plan.actions.map((a) => a.command)).toEqual(['CreatePolicy', 'CreateGroup', 'AttachGroupPolicy', 'AddUserToGroup']);
    const doc = JSON.parse(String(plan.actions[0]?.input.PolicyDocument));
    const deny = doc.Statement.find((s: { Effect: string }) => s.Effect === 'Deny');
    expect(deny.Condition).toEqual({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } });
    expect(deny.NotAction).toContain('iam:EnableMFADevice');
    expect(deny.NotAction).toContain('iam:CreateVirtualMFADevice');
    expect(calls(plan).slice(1)).toEqual([
      ['CreateGroup', { GroupName: 'mfa-required' }],
      ['AttachGroupPolicy', { GroupName: 'mfa-required', PolicyArn: policyArn }],
      ['AddUserToGroup', { GroupName: 'mfa-required', UserName: 'marcus' }],
    ]);
    iam.resolves({});
    const { outcome, entry } = await applyWith(plan, before, after);
    expect(outcome.status).toBe('applied');
    expect(sent(iam)).toEqual(calls(plan));
    // The users still have to enroll a device: the check keeps failing, and the outcome says so.
    expect(outcome.message).toMatch(/console-users-mfa is still fail/);
    expect((await planFor('mfa-enforcement-policy', after)).actions).toEqual([]);
    iam.reset();
    iam.resolves({});
    await undoWith(entry, after);
    expect(sent(iam)).toEqual([
      ['RemoveUserFromGroup', { GroupName: 'mfa-required', UserName: 'marcus' }],
      ['DetachGroupPolicy', { GroupName: 'mfa-required', PolicyArn: policyArn }],
      ['DeleteGroup', { GroupName: 'mfa-required' }],
      ['DeletePolicy', { PolicyArn: policyArn }],
    ]);
  });

  it('uses an existing group by option and reports a failure midway', async () => {
    const s = state({ global: { 'iam.credentialReport': users, 'iam.authorization': { ...auth(null, [], false), groups: [{ name: 'Staff', arn: 'g', attachedPolicies: [], inlinePolicies: [] }] } } });
    const plan = await planFor('mfa-enforcement-policy', s, { group: 'Staff', 'add-users': 'no' });
    expect(calls(plan).map(([c]) => c)).toEqual(['CreatePolicy', 'AttachGroupPolicy']);
    iam.resolvesOnce({}).rejects(awsError('LimitExceeded', 'Cannot exceed quota for PoliciesPerGroup: 10', 409));
    const { outcome } = await applyWith(plan, s, s);
    expect(outcome.status).toBe('failed');
    expect(outcome.changed.map((a) => a.command)).toEqual(['CreatePolicy']);
    expect(outcome.unchanged.map((a) => a.command)).toEqual(['AttachGroupPolicy']);
  });
});

describe('mfa-enforcement-policy never locks out the caller or breaks keys in use', () => {
  const policyArn = `arn:aws:iam::${ACCOUNT}:policy/hipaa-wizard-require-mfa`;
  const people = [
    row('tester', { passwordEnabled: true, mfaActive: true }),
    row('marcus', { passwordEnabled: true }),
    // A console user without MFA whose access key a job used 3 days ago: the deny would stop that key.
    row('build-bot', { passwordEnabled: true, accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(50), lastUsed: daysAgo(3) }, noKey(2)] }),
  ];
  const authOf = (names: string[]): IamAuthorization => ({
    users: names.map((name) => ({ name, arn: arn(name), createDate: null, groups: [], attachedPolicies: [], inlinePolicies: [] })),
    groups: [],
    roles: [],
    policies: [],
  });
  const as = (callerArn: string, rows: CredentialReportRow[]) => {
    const s = state({ global: { 'iam.credentialReport': rows, 'iam.authorization': authOf(rows.map((r) => r.user)) } });
    return { ...s, identity: { ...s.identity, arn: callerArn } };
  };

  it('leaves users whose keys were used recently out of the group and names them; on the model, undo puts the account back exactly', async () => {
    const before = as(arn('tester'), people);
    const plan = await planFor('mfa-enforcement-policy', before);
    expect(calls(plan).map(([c, i]) => [c, i.UserName ?? i.GroupName ?? i.PolicyName])).toEqual([
      ['CreatePolicy', 'hipaa-wizard-require-mfa'],
      ['CreateGroup', 'mfa-required'],
      ['AttachGroupPolicy', 'mfa-required'],
      ['AddUserToGroup', 'marcus'],
    ]);
    expect(plan.notes).toContainEqual(expect.stringMatching(/^Left out of the group mfa-required: build-bot \(key 1 \(last used 2026-11-21\)\)\. .*long-term access key never carry MFA/));
    expect(plan.notes).toContainEqual('The IAM user running this tool, tester, is never added to the group mfa-required, so its next calls and the undo of this fix keep working.');

    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    const after = model.read();
    const auth = after.global['iam.authorization'];
    if (!auth?.ok) throw new Error('no authorization');
    expect(auth.value.users.map((u) => [u.name, u.groups])).toEqual([
      ['tester', []],
      ['marcus', ['mfa-required']],
      ['build-bot', []],
    ]);
    expect(auth.value.groups).toEqual([{ name: 'mfa-required', arn: `arn:aws:iam::${ACCOUNT}:group/mfa-required`, attachedPolicies: [policyArn], inlinePolicies: [] }]);
    // marcus still has to enroll a device, and build-bot was left out on purpose: the check keeps failing.
    expect(outcome.verification.find((v) => v.check === 'console-users-mfa')?.status).toBe('fail');

    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    expect(model.read().global).toEqual(before.global);
  });

  it('adds the key users when asked with key-users=add', async () => {
    const plan = await planFor('mfa-enforcement-policy', as(arn('tester'), people), { 'key-users': 'add' });
    expect(plan.actions.filter((a) => a.command === 'AddUserToGroup').map((a) => a.input.UserName)).toEqual(['marcus', 'build-bot']);
  });

  it('refuses to plan while the IAM user running the tool has no MFA, saying to enable it first', async () => {
    const before = as(arn('marcus'), people);
    await expect(planFor('mfa-enforcement-policy', before)).rejects.toThrow(
      'Cannot plan mfa-enforcement-policy: the tool runs as IAM user marcus, who has no MFA device, so the deny-unless-MFA policy would lock out this very session and its undo. Enable MFA for marcus first (IAM console → Users → marcus → Security credentials → Assign MFA device), or run the tool as an identity signed in with MFA.',
    );
  });

  it('plans normally for a role session, which is no IAM user and is never in the group', async () => {
    const plan = await planFor('mfa-enforcement-policy', as(`arn:aws:sts::${ACCOUNT}:assumed-role/Admin/marcus`, people));
    expect(plan.actions.filter((a) => a.command === 'AddUserToGroup').map((a) => a.input.UserName)).toEqual(['marcus']);
  });
});

describe('password-policy never locks people out', () => {
  const strict = {
    minimumLength: 20,
    requireUppercase: true,
    requireLowercase: true,
    requireNumbers: true,
    requireSymbols: false,
    allowUsersToChangePassword: false,
    maxAgeDays: 0,
    reusePrevention: 30,
    hardExpiry: true,
  };
  const rows = [
    row('marcus', { passwordEnabled: true, passwordLastChanged: daysAgo(300) }),
    row('frontdesk', { passwordEnabled: true, passwordLastChanged: daysAgo(120) }),
    row('dana', { passwordEnabled: true, passwordLastChanged: daysAgo(10) }),
  ];

  it('lets users change their password, turns hard expiry off, keeps stricter values, names who must change at next sign-in; undo restores the old policy exactly', async () => {
    const before = state({ global: { 'iam.passwordPolicy': strict, 'iam.credentialReport': rows } });
    const plan = await planFor('password-policy', before);
    expect(calls(plan)).toEqual([
      [
        'UpdateAccountPasswordPolicy',
        {
          MinimumPasswordLength: 20,
          RequireUppercaseCharacters: true,
          RequireLowercaseCharacters: true,
          RequireNumbers: true,
          RequireSymbols: true,
          AllowUsersToChangePassword: true,
          MaxPasswordAge: 90,
          PasswordReusePrevention: 30,
          HardExpiry: false,
        },
      ],
    ]);
    expect(plan.actions[0]?.summary).toMatch(/let users change their own password \(it was off/);
    expect(plan.actions[0]?.summary).toMatch(/hard expiry was on/);
    expect(plan.notes).toContainEqual(
      '2 console users have passwords older than the new maximum of 90 days and will have to choose a new one at their next sign-in: marcus (changed 300 days ago), frontdesk (changed 120 days ago). Tell them before applying.',
    );
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    expect(outcome.verification.map((v) => [v.check, v.status])).toEqual([
      ['password-policy-strength', 'pass'],
      ['password-policy-rotation', 'pass'],
    ]);
    await undoOnModel(entry, model);
    expect(model.read().global['iam.passwordPolicy']).toEqual(ok(strict));
  });

  it('undo deletes the policy when there was none', async () => {
    const before = state({ global: { 'iam.passwordPolicy': null, 'iam.credentialReport': rows } });
    const plan = await planFor('password-policy', before);
    expect(plan.actions[0]?.input).toMatchObject({ AllowUsersToChangePassword: true, HardExpiry: false, MaxPasswordAge: 90 });
    expect(plan.notes).toEqual([
      '2 console users have passwords older than the new maximum of 90 days and will have to choose a new one at their next sign-in: marcus (changed 300 days ago), frontdesk (changed 120 days ago). Tell them before applying.',
    ]);
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry } = await applyToModel(plan, model);
    await undoOnModel(entry, model);
    expect(model.read().global['iam.passwordPolicy']).toEqual(ok(null));
  });
});

describe('the IAM fixes over the demo account', () => {
  const demo = buildDemoState(NOW);
  const caller = 'dana.okafor';

  it('the MFA fix never adds the demo caller to the group, and leaves out users whose keys are in use', async () => {
    const plan = await planFor('mfa-enforcement-policy', demo);
    const added = plan.actions.filter((a) => a.command === 'AddUserToGroup').map((a) => a.input.UserName);
    expect(added).not.toContain(caller);
    expect(added.length).toBeGreaterThan(0);
    expect(plan.notes).toContain(`The IAM user running this tool, ${caller}, is never added to the group mfa-required, so its next calls and the undo of this fix keep working.`);
  });

  it('the MFA fix refuses, rather than adding the demo caller, when the caller loses MFA', async () => {
    const report = demo.global['iam.credentialReport'];
    if (!report?.ok) throw new Error('demo has no credential report');
    const noMfa = { ...demo, global: { ...demo.global, 'iam.credentialReport': ok(report.value.map((r) => (r.user === caller ? { ...r, mfaActive: false } : r))) } };
    await expect(planFor('mfa-enforcement-policy', noMfa)).rejects.toThrow(/the tool runs as IAM user dana\.okafor, who has no MFA device.*Enable MFA for dana\.okafor first/);
  });

  it('the stale-key fix never deactivates ci-deploy’s key, used today, and names it for rotation', async () => {
    const plan = await planFor('deactivate-stale-access-keys', demo);
    expect(plan.actions.map((a) => a.input.AccessKeyId)).not.toContain('AKIADEMOCIDEPLOY0001');
    expect(plan.actions.filter((a) => a.command === 'UpdateAccessKey').length).toBeGreaterThan(0);
    expect(plan.notes).toContainEqual(expect.stringMatching(/IAM user ci-deploy's key 1 \(212 days old, last used 0 days ago\)/));
  });

  it('the password fix names the demo console users whose passwords will expire at next sign-in', async () => {
    const plan = await planFor('password-policy', demo);
    expect(plan.notes).toContainEqual(expect.stringMatching(/will have to choose a new one at their next sign-in: .*marcus\.lee/));
  });
});

/**
 * IAM as the model sees it: the global slices the collectors fill (`iam.credentialReport`,
 * `iamkeys.accessKeys`, `iam.authorization`, `iam.passwordPolicy`), changed as IAM documents:
 * NoSuchEntity for a missing user, group, policy or key; EntityAlreadyExists for a name in use;
 * DeleteConflict for a group with members or policies, or a policy still attached, and for a role
 * that still has inline or attached policies (DeleteRole needs them removed first).
 */
import type { CredentialReportRow, IamGroup, IamRole, IamUser, ManagedPolicy, PasswordPolicy } from '../../../src/state/iam.js';
import type { AccessKey } from '../../../src/state/iamkeys.js';
import type { ModelContext, ServiceModel } from './index.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
type Auth = { users: Mutable<IamUser>[]; groups: Mutable<IamGroup>[]; roles: Mutable<IamRole>[]; policies: Mutable<ManagedPolicy>[] };

const auth = (m: ModelContext) => m.global<Auth>('iam.authorization');
const noSuch = (m: ModelContext, message: string) => m.error('NoSuchEntity', message, 404);

function userOf(m: ModelContext, name: string): Mutable<IamUser> {
  const u = auth(m).users.find((x) => x.name === name);
  if (!u) throw noSuch(m, `The user with name ${name} cannot be found.`);
  return u;
}
function groupOf(m: ModelContext, name: string): Mutable<IamGroup> {
  const g = auth(m).groups.find((x) => x.name === name);
  if (!g) throw noSuch(m, `The group with name ${name} cannot be found.`);
  return g;
}
function roleOf(m: ModelContext, name: string): Mutable<IamRole> {
  const r = auth(m).roles.find((x) => x.name === name);
  if (!r) throw noSuch(m, `The role with name ${name} cannot be found.`);
  return r;
}
function policyOf(m: ModelContext, arn: string): Mutable<ManagedPolicy> {
  const p = auth(m).policies.find((x) => x.arn === arn);
  if (!p) throw noSuch(m, `Policy ${arn} does not exist or is not attachable.`);
  return p;
}
/** The credential-report row of a user, when the report was collected. */
function reportRow(m: ModelContext, user: string): Mutable<CredentialReportRow> | undefined {
  const r = m.state.global['iam.credentialReport'];
  if (!r?.ok) return undefined;
  return (r.value as Mutable<CredentialReportRow>[]).find((x) => x.user === user);
}

export const iam: ServiceModel = {
  UpdateAccessKey(m, input) {
    const keys = m.global<Mutable<AccessKey>[]>('iamkeys.accessKeys');
    const k = keys.find((x) => x.accessKeyId === input.AccessKeyId && (input.UserName === undefined || x.user === input.UserName));
    if (!k) throw noSuch(m, `The Access Key with id ${input.AccessKeyId} cannot be found.`);
    k.status = input.Status;
    const row = reportRow(m, k.user);
    if (row) {
      row.accessKeys = row.accessKeys.map((s) =>
        s.lastRotated !== null && k.createDate !== null && Math.abs(new Date(s.lastRotated).getTime() - new Date(k.createDate).getTime()) < 1000
          ? { ...s, active: input.Status === 'Active' }
          : s,
      );
    }
    return {};
  },
  DeleteLoginProfile(m, input) {
    const row = reportRow(m, input.UserName);
    if (!row) throw noSuch(m, `The user with name ${input.UserName} cannot be found.`);
    if (!row.passwordEnabled) throw noSuch(m, `Login Profile for User ${input.UserName} cannot be found.`);
    row.passwordEnabled = false;
    return {};
  },
  CreateRole(m, input) {
    if (auth(m).roles.some((r) => r.name === input.RoleName)) throw m.error('EntityAlreadyExists', `Role with name ${input.RoleName} already exists.`, 409);
    const path = input.Path ?? '/';
    const arn = `arn:${m.partition}:iam::${m.account}:role${path}${input.RoleName}`;
    auth(m).roles.push({ name: input.RoleName, arn, path, trustPolicy: JSON.parse(input.AssumeRolePolicyDocument), attachedPolicies: [], inlinePolicies: [] });
    return { Role: { RoleName: input.RoleName, Arn: arn, Path: path, RoleId: m.newId('AROA'), CreateDate: new Date(0).toISOString() } };
  },
  PutRolePolicy(m, input) {
    const r = roleOf(m, input.RoleName);
    r.inlinePolicies = [...r.inlinePolicies.filter((p) => p.name !== input.PolicyName), { name: input.PolicyName, document: JSON.parse(input.PolicyDocument) }];
    return {};
  },
  DeleteRolePolicy(m, input) {
    const r = roleOf(m, input.RoleName);
    if (!r.inlinePolicies.some((p) => p.name === input.PolicyName)) throw noSuch(m, `The role policy with name ${input.PolicyName} cannot be found.`);
    r.inlinePolicies = r.inlinePolicies.filter((p) => p.name !== input.PolicyName);
    return {};
  },
  DeleteRole(m, input) {
    const r = roleOf(m, input.RoleName);
    if (r.inlinePolicies.length > 0 || r.attachedPolicies.length > 0) throw m.error('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
    auth(m).roles = auth(m).roles.filter((x) => x !== r);
    return {};
  },
  CreatePolicy(m, input) {
    const arn = `arn:${m.partition}:iam::${m.account}:policy${input.Path ?? '/'}${input.PolicyName}`;
    if (auth(m).policies.some((p) => p.arn === arn)) throw m.error('EntityAlreadyExists', `A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`, 409);
    auth(m).policies.push({ name: input.PolicyName, arn, attachmentCount: 0, document: JSON.parse(input.PolicyDocument) });
    return { Policy: { PolicyName: input.PolicyName, Arn: arn, PolicyId: m.newId('ANPA'), DefaultVersionId: 'v1', AttachmentCount: 0 } };
  },
  DeletePolicy(m, input) {
    const p = policyOf(m, input.PolicyArn);
    if (p.attachmentCount > 0) throw m.error('DeleteConflict', 'Cannot delete a policy attached to entities.', 409);
    auth(m).policies = auth(m).policies.filter((x) => x !== p);
    return {};
  },
  CreateGroup(m, input) {
    if (auth(m).groups.some((g) => g.name === input.GroupName)) throw m.error('EntityAlreadyExists', `Group with name ${input.GroupName} already exists.`, 409);
    const arn = `arn:${m.partition}:iam::${m.account}:group${input.Path ?? '/'}${input.GroupName}`;
    auth(m).groups.push({ name: input.GroupName, arn, attachedPolicies: [], inlinePolicies: [] });
    return { Group: { GroupName: input.GroupName, Arn: arn, GroupId: m.newId('AGPA'), Path: input.Path ?? '/' } };
  },
  DeleteGroup(m, input) {
    const g = groupOf(m, input.GroupName);
    if (auth(m).users.some((u) => u.groups.includes(g.name))) throw m.error('DeleteConflict', 'Cannot delete entity, must remove users from group first.', 409);
    if (g.attachedPolicies.length > 0) throw m.error('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
    auth(m).groups = auth(m).groups.filter((x) => x !== g);
    return {};
  },
  AttachGroupPolicy(m, input) {
    const g = groupOf(m, input.GroupName);
    const p = policyOf(m, input.PolicyArn);
    if (!g.attachedPolicies.includes(p.arn)) {
      g.attachedPolicies.push(p.arn);
      p.attachmentCount++;
    }
    return {};
  },
  DetachGroupPolicy(m, input) {
    const g = groupOf(m, input.GroupName);
    const p = policyOf(m, input.PolicyArn);
    if (!g.attachedPolicies.includes(p.arn)) throw noSuch(m, `Policy ${p.arn} was not found.`);
    g.attachedPolicies = g.attachedPolicies.filter((a) => a !== p.arn);
    p.attachmentCount--;
    return {};
  },
  AddUserToGroup(m, input) {
    groupOf(m, input.GroupName);
    const u = userOf(m, input.UserName);
    if (!u.groups.includes(input.GroupName)) u.groups.push(input.GroupName);
    return {};
  },
  RemoveUserFromGroup(m, input) {
    groupOf(m, input.GroupName);
    const u = userOf(m, input.UserName);
    if (!u.groups.includes(input.GroupName)) throw noSuch(m, `The user with name ${input.UserName} cannot be found in group ${input.GroupName}.`);
    u.groups = u.groups.filter((g) => g !== input.GroupName);
    return {};
  },
  /** Replaces the whole policy; a field left out takes IAM's default (AllowUsersToChangePassword false). */
  UpdateAccountPasswordPolicy(m, input) {
    const p: PasswordPolicy = {
      minimumLength: input.MinimumPasswordLength ?? 6,
      requireUppercase: input.RequireUppercaseCharacters ?? false,
      requireLowercase: input.RequireLowercaseCharacters ?? false,
      requireNumbers: input.RequireNumbers ?? false,
      requireSymbols: input.RequireSymbols ?? false,
      allowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
      maxAgeDays: input.MaxPasswordAge ?? 0,
      reusePrevention: input.PasswordReusePrevention ?? 0,
      hardExpiry: input.HardExpiry ?? false,
    };
    m.setGlobal('iam.passwordPolicy', p);
    return {};
  },
  DeleteAccountPasswordPolicy(m) {
    if (m.global('iam.passwordPolicy') === null) throw noSuch(m, `The Password Policy with domain name ${m.account} cannot be found.`);
    m.setGlobal('iam.passwordPolicy', null);
    return {};
  },
};

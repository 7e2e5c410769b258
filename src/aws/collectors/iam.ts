/**
 * IAM: the account summary, the password policy, the credential report, MFA devices and every
 * principal's policies (one paginated GetAccountAuthorizationDetails instead of calls per user).
 * IAM is global: every call goes to the home region.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  type ManagedPolicyDetail,
  type PolicyDetail,
  paginateGetAccountAuthorizationDetails,
  paginateListRoles,
  paginateListVirtualMFADevices,
} from '@aws-sdk/client-iam';
import { errorName, orIfMissing } from '../errors.js';
import { as, type CollectorContext, type CollectorSet, globalCollector } from '../collector.js';
import type { CredentialReportRow, PolicyDocument, InlinePolicy, IamUser, IamRole, IamGroup, ManagedPolicy, VirtualMfaDevice } from '../../state/iam.js';

const iam = (ctx: CollectorContext) => ctx.clients.get(IAMClient, ctx.homeRegion);

/** Decodes a URL-encoded policy document as IAM returns it; null when it cannot be read. */
export function decodePolicy(text: string | undefined): PolicyDocument | null {
  if (!text) return null;
  try {
    return JSON.parse(decodeURIComponent(text)) as PolicyDocument;
  } catch {
    try {
      return JSON.parse(text) as PolicyDocument;
    } catch {
      return null;
    }
  }
}

const inline = (list: readonly PolicyDetail[] | undefined): InlinePolicy[] =>
  (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: decodePolicy(p.PolicyDocument) }));

const attached = (list: readonly { PolicyArn?: string }[] | undefined): string[] =>
  (list ?? []).map((p) => p.PolicyArn ?? '').filter(Boolean);

function managed(p: ManagedPolicyDetail): ManagedPolicy {
  const current = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.[0];
  return {
    name: p.PolicyName ?? '',
    arn: p.Arn ?? '',
    attachmentCount: p.AttachmentCount ?? 0,
    document: decodePolicy(current?.Document),
  };
}

const CR_NONE = new Set(['N/A', 'no_information', 'not_supported', '']);
const crDate = (v: string | undefined): string | null => (v === undefined || CR_NONE.has(v) ? null : v);

/**
 * Parses the credential report's CSV (the documented column names; order is not relied upon) with a
 * real CSV parser: an IAM user name may contain a comma, and such a field arrives quoted.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const rows: string[][] = parseCsv(csv, { skip_empty_lines: true, relax_column_count: true, bom: true });
  const header = (rows.shift() ?? []).map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const need = ['user', 'arn', 'password_enabled', 'mfa_active', 'access_key_1_active', 'access_key_2_active'];
  for (const n of need) if (col(n) < 0) throw new Error(`the credential report has no "${n}" column`);
  return rows.map((cells) => {
    const get = (name: string) => cells[col(name)];
    const key = (slot: 1 | 2) => ({
      slot,
      active: get(`access_key_${slot}_active`) === 'true',
      lastRotated: crDate(get(`access_key_${slot}_last_rotated`)),
      lastUsed: crDate(get(`access_key_${slot}_last_used_date`)),
    });
    return {
      user: get('user') ?? '',
      arn: get('arn') ?? '',
      userCreationTime: crDate(get('user_creation_time')),
      // The root row says "not_supported" for password_enabled: root always has a password.
      passwordEnabled: get('password_enabled') === 'true' || get('password_enabled') === 'not_supported',
      passwordLastUsed: crDate(get('password_last_used')),
      passwordLastChanged: crDate(get('password_last_changed')),
      mfaActive: get('mfa_active') === 'true',
      accessKeys: [key(1), key(2)],
    };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const collectors: CollectorSet = {
  'iam.accountSummary': globalCollector(['iam:GetAccountSummary'], async (ctx) => {
    const out = await iam(ctx).send(new GetAccountSummaryCommand({}));
    return { ...(out.SummaryMap ?? {}) } as Record<string, number>;
  }),

  'iam.passwordPolicy': globalCollector(['iam:GetAccountPasswordPolicy'], async (ctx) => {
    const out = await orIfMissing(() => iam(ctx).send(new GetAccountPasswordPolicyCommand({})), ['NoSuchEntity', 'NoSuchEntityException'], null);
    const p = out?.PasswordPolicy;
    if (!p) return null;
    return {
      minimumLength: p.MinimumPasswordLength ?? 6,
      requireUppercase: p.RequireUppercaseCharacters ?? false,
      requireLowercase: p.RequireLowercaseCharacters ?? false,
      requireNumbers: p.RequireNumbers ?? false,
      requireSymbols: p.RequireSymbols ?? false,
      allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
      maxAgeDays: p.MaxPasswordAge ?? 0,
      reusePrevention: p.PasswordReusePrevention ?? 0,
      hardExpiry: p.HardExpiry ?? false,
    };
  }),

  'iam.credentialReport': globalCollector(['iam:GenerateCredentialReport', 'iam:GetCredentialReport'], async (ctx) => {
    const client = iam(ctx);
    // A report less than four hours old is returned as is; otherwise generation takes a few seconds.
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        const out = await as('iam:GetCredentialReport', client.send(new GetCredentialReportCommand({})));
        const text = typeof out.Content === 'string' ? out.Content : new TextDecoder().decode(out.Content);
        return parseCredentialReport(text);
      } catch (e) {
        const name = errorName(e);
        if (name !== 'ReportNotPresent' && name !== 'ReportExpired' && name !== 'ReportInProgress' && name !== 'CredentialReportNotPresentException' && name !== 'CredentialReportExpiredException' && name !== 'CredentialReportNotReadyException') {
          throw e;
        }
        if (name !== 'ReportInProgress' && name !== 'CredentialReportNotReadyException') {
          await as('iam:GenerateCredentialReport', client.send(new GenerateCredentialReportCommand({})));
        }
        await sleep(attempt < 5 ? 200 : 1000);
      }
    }
    throw Object.assign(new Error('IAM did not finish the credential report within 30 attempts'), { name: 'ReportInProgress' });
  }),

  'iam.authorization': globalCollector(['iam:GetAccountAuthorizationDetails'], async (ctx) => {
    const users: IamUser[] = [];
    const groups: IamGroup[] = [];
    const roles: IamRole[] = [];
    const policies: ManagedPolicy[] = [];
    const pages = paginateGetAccountAuthorizationDetails(
      { client: iam(ctx), pageSize: 1000 },
      { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
    );
    for await (const page of pages) {
      for (const u of page.UserDetailList ?? []) {
        users.push({
          name: u.UserName ?? '',
          arn: u.Arn ?? '',
          createDate: u.CreateDate ? new Date(u.CreateDate).toISOString() : null,
          groups: u.GroupList ?? [],
          attachedPolicies: attached(u.AttachedManagedPolicies),
          inlinePolicies: inline(u.UserPolicyList),
        });
      }
      for (const g of page.GroupDetailList ?? []) {
        groups.push({
          name: g.GroupName ?? '',
          arn: g.Arn ?? '',
          attachedPolicies: attached(g.AttachedManagedPolicies),
          inlinePolicies: inline(g.GroupPolicyList),
        });
      }
      for (const r of page.RoleDetailList ?? []) {
        roles.push({
          name: r.RoleName ?? '',
          arn: r.Arn ?? '',
          path: r.Path ?? '/',
          trustPolicy: decodePolicy(r.AssumeRolePolicyDocument),
          attachedPolicies: attached(r.AttachedManagedPolicies),
          inlinePolicies: inline(r.RolePolicyList),
        });
      }
      for (const p of page.Policies ?? []) policies.push(managed(p));
    }
    return { users, groups, roles, policies };
  }),

  'iam.virtualMfaDevices': globalCollector(['iam:ListVirtualMFADevices'], async (ctx) => {
    const out: VirtualMfaDevice[] = [];
    for await (const page of paginateListVirtualMFADevices({ client: iam(ctx) }, { AssignmentStatus: 'Assigned' })) {
      for (const d of page.VirtualMFADevices ?? []) out.push({ serialNumber: d.SerialNumber ?? '', userArn: d.User?.Arn ?? null });
    }
    return out;
  }),

  'iam.roleSessions': globalCollector(['iam:ListRoles'], async (ctx) => {
    const out: { name: string; arn: string; path: string; maxSessionSeconds: number }[] = [];
    for await (const page of paginateListRoles({ client: iam(ctx) }, {})) {
      for (const r of page.Roles ?? []) {
        out.push({ name: r.RoleName ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', maxSessionSeconds: r.MaxSessionDuration ?? 3600 });
      }
    }
    return out;
  }),
};

/** What a check sees of iam: the slices the iam collector fills (src/aws/collectors/iam.ts). */
export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
  readonly allowUsersToChangePassword: boolean;
  /** 0 when passwords never expire. */
  readonly maxAgeDays: number;
  /** 0 when reuse is not limited. */
  readonly reusePrevention: number;
  readonly hardExpiry: boolean;
}

/** One row of the credential report; dates are ISO strings or null ("N/A", "no_information", "not_supported"). */
export interface CredentialReportRow {
  readonly user: string;
  readonly arn: string;
  readonly userCreationTime: string | null;
  readonly passwordEnabled: boolean;
  readonly passwordLastUsed: string | null;
  readonly passwordLastChanged: string | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly {
    readonly slot: 1 | 2;
    readonly active: boolean;
    readonly lastRotated: string | null;
    readonly lastUsed: string | null;
  }[];
}

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement?: unknown;
}

export interface InlinePolicy {
  readonly name: string;
  readonly document: PolicyDocument | null;
}

export interface IamUser {
  readonly name: string;
  readonly arn: string;
  readonly createDate: string | null;
  readonly groups: readonly string[];
  readonly attachedPolicies: readonly string[];
  readonly inlinePolicies: readonly InlinePolicy[];
}

export interface IamRole {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly trustPolicy: PolicyDocument | null;
  readonly attachedPolicies: readonly string[];
  readonly inlinePolicies: readonly InlinePolicy[];
}

export interface IamGroup {
  readonly name: string;
  readonly arn: string;
  readonly attachedPolicies: readonly string[];
  readonly inlinePolicies: readonly InlinePolicy[];
}

export interface ManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly attachmentCount: number;
  /** The default version's document. */
  readonly document: PolicyDocument | null;
}

export interface IamAuthorization {
  readonly users: readonly IamUser[];
  readonly groups: readonly IamGroup[];
  readonly roles: readonly IamRole[];
  /** Customer-managed policies only (AWS-managed ones are AWS's to keep right). */
  readonly policies: readonly ManagedPolicy[];
}

export interface VirtualMfaDevice {
  readonly serialNumber: string;
  readonly userArn: string | null;
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    /** GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent, …). */
    'iam.accountSummary': Readonly<Record<string, number>>;
    /** null when the account has no password policy (IAM answers NoSuchEntity). */
    'iam.passwordPolicy': PasswordPolicy | null;
    'iam.credentialReport': readonly CredentialReportRow[];
    'iam.authorization': IamAuthorization;
    'iam.virtualMfaDevices': readonly VirtualMfaDevice[];
    /** Every role's maximum session length (ListRoles; the authorization details omit it). */
    'iam.roleSessions': readonly { readonly name: string; readonly arn: string; readonly path: string; readonly maxSessionSeconds: number }[];
  }
}

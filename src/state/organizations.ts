/** What a check sees of organizations: the slices the organizations collector fills (src/aws/collectors/organizations.ts). */
export interface Organization {
  readonly id: string;
  readonly managementAccountId: string;
  readonly featureSet: string;
}

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly status: string;
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    /** null when the account is in no organization. */
    'organizations.organization': Organization | null;
    'organizations.accounts': readonly OrgAccount[];
  }
}

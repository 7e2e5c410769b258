/** What a check sees of account: the slices the account collector fills (src/aws/collectors/account.ts). */
export interface AlternateContact {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    /** null when no security contact is set. */
    'account.securityContact': AlternateContact | null;
  }
}

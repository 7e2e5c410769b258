/** What a check sees of iamkeys: the slices the iamkeys collector fills (src/aws/collectors/iamkeys.ts). */
export interface AccessKey {
  readonly user: string;
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive';
  /** ISO timestamp; it equals the credential report's access_key_N_last_rotated. */
  readonly createDate: string | null;
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    'iamkeys.accessKeys': readonly AccessKey[];
  }
}

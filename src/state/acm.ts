/** What a check sees of acm: the slices the acm collector fills (src/aws/collectors/acm.ts). */
export interface Certificate {
  readonly arn: string;
  readonly domain: string;
  /** "ISSUED", "PENDING_VALIDATION", "EXPIRED", "REVOKED", "FAILED", … */
  readonly status: string;
  /** "AMAZON_ISSUED", "IMPORTED", "PRIVATE". */
  readonly type: string;
  readonly notAfter: string | null;
  readonly inUse: boolean;
  readonly renewalEligibility: string | null;
  readonly keyAlgorithm: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'acm.certificates': readonly Certificate[];
  }
}

/** What a check sees of accessanalyzer: the slices the accessanalyzer collector fills (src/aws/collectors/accessanalyzer.ts). */
export interface Analyzer {
  readonly name: string;
  readonly arn: string;
  /** ACCOUNT and ORGANIZATION look for external access; the *_UNUSED_ACCESS and *_INTERNAL_ACCESS types do not. */
  readonly type: string;
  /** ACTIVE, CREATING, DISABLED or FAILED. */
  readonly status: string;
  readonly createdAt: string | null;
}

export interface ExternalAccessFinding {
  readonly id: string;
  /** The resource's ARN (or name). */
  readonly resource: string;
  readonly resourceType: string;
  /** Who outside can reach it, e.g. { AWS: "444455556666" } or { AWS: "*" }. */
  readonly principal: Record<string, string>;
  readonly isPublic: boolean;
  readonly analyzerArn: string;
  /** The policy conditions that limit the access ({} when none). */
  readonly condition: Record<string, string>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'accessanalyzer.analyzers': readonly Analyzer[];
    /** ACTIVE findings of the region's ACTIVE external-access analyzers. */
    'accessanalyzer.findings': readonly ExternalAccessFinding[];
  }
}

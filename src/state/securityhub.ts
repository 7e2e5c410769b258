/** What a check sees of securityhub: the slices the securityhub collector fills (src/aws/collectors/securityhub.ts). */
import type { Result } from '../engine/state.js';

export interface SecurityHubState {
  readonly hubArn: string;
  readonly subscribedAt: string | null;
  /** The standards' ARNs whose subscription is READY or INCOMPLETE. */
  readonly standards: Result<readonly string[]>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    /** null when Security Hub is not enabled in the region. */
    'securityhub.hub': SecurityHubState | null;
  }
}

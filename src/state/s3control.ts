/** What a check sees of s3control: the slices the s3control collector fills (src/aws/collectors/s3control.ts). */
import type { PublicAccessBlock } from './s3.js';

declare module '../engine/state.js' {
  interface GlobalSlices {
    /** null when the account has no Block Public Access configuration. */
    's3control.publicAccessBlock': PublicAccessBlock | null;
  }
}

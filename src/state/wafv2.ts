/** What a check sees of AWS WAF: the slices src/aws/collectors/wafv2.ts fills. */
import type { Result } from '../engine/state.js';

export interface WebAcl {
  readonly name: string;
  readonly arn: string;
  /** "REGIONAL" or "CLOUDFRONT" (listed in us-east-1). */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Whether a logging configuration sends its requests somewhere. */
  readonly logging: Result<boolean>;
  /** The resources it protects: load balancer and API stage ARNs (REGIONAL), distribution ids (CLOUDFRONT). */
  readonly resources: Result<readonly string[]>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'wafv2.webAcls': readonly WebAcl[];
  }
  interface GlobalSlices {
    'wafv2.cloudfrontAcls': readonly WebAcl[];
  }
}

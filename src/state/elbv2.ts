/** What a check sees of elbv2: the slices the elbv2 collector fills (src/aws/collectors/elbv2.ts). */
import type { Result } from '../engine/state.js';

export interface Listener {
  readonly arn: string;
  readonly port: number;
  /** "HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE". */
  readonly protocol: string;
  readonly sslPolicy: string | null;
  readonly certificateArns: readonly string[];
  readonly defaultActions: readonly { readonly type: string; readonly redirectProtocol: string | null }[];
}

export interface LoadBalancerAttributes {
  readonly accessLogs: boolean;
  readonly accessLogsBucket: string | null;
  readonly deletionProtection: boolean;
}

export interface LoadBalancer {
  readonly arn: string;
  readonly name: string;
  /** "application", "network" or "gateway". */
  readonly type: string;
  /** "internet-facing" or "internal". */
  readonly scheme: string;
  readonly dnsName: string;
  readonly vpcId: string | null;
  readonly attributes: Result<LoadBalancerAttributes>;
  readonly listeners: Result<readonly Listener[]>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'elbv2.loadBalancers': readonly LoadBalancer[];
    /** The TLS protocol versions of each security policy the listeners use, by policy name. */
    'elbv2.sslPolicies': Readonly<Record<string, readonly string[]>>;
  }
}

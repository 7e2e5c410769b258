/** What a check sees of Classic Load Balancers: the slice src/aws/collectors/elb.ts fills. */
import type { Result } from '../engine/state.js';

export interface ClassicListener {
  /** "HTTP", "HTTPS", "TCP" or "SSL". */
  readonly protocol: string;
  readonly port: number;
  readonly instanceProtocol: string;
  readonly policyNames: readonly string[];
}

export interface ClassicLoadBalancer {
  readonly name: string;
  readonly dnsName: string;
  /** "internet-facing" or "internal". */
  readonly scheme: string;
  readonly listeners: readonly ClassicListener[];
  readonly accessLogs: Result<boolean>;
  /**
   * The TLS protocol versions each SSL negotiation policy of the load balancer enables, by policy
   * name (e.g. { "ELBSecurityPolicy-2016-08": ["TLSv1", "TLSv1.1", "TLSv1.2"] }).
   */
  readonly sslProtocols: Result<Readonly<Record<string, readonly string[]>>>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'elb.loadBalancers': readonly ClassicLoadBalancer[];
  }
}

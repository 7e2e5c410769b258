/** What a check sees of API Gateway (REST and HTTP APIs): the slices src/aws/collectors/apigateway.ts fills. */
export interface ApiStage {
  readonly apiId: string;
  readonly apiName: string;
  readonly stageName: string;
  /** "REST" (API Gateway v1) or "HTTP" (v2). */
  readonly kind: 'REST' | 'HTTP';
  /** The stage ARN as WAF names it. */
  readonly arn: string;
  /** REST: "EDGE", "REGIONAL" or "PRIVATE"; HTTP APIs are always regional and public. */
  readonly endpointType: string;
  /** REST execution logging level for all methods ("ERROR", "INFO" or "OFF"); null for HTTP APIs. */
  readonly executionLogging: string | null;
  /** Whether access logs go to a destination. */
  readonly accessLogging: boolean;
  /** The WAF web ACL on a REST stage; null when none (HTTP APIs cannot have one). */
  readonly webAclArn: string | null;
}

export interface ApiDomain {
  readonly name: string;
  readonly kind: 'REST' | 'HTTP';
  /** "TLS_1_0", "TLS_1_2" or a SecurityPolicy_TLS13_… name. */
  readonly securityPolicy: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'apigateway.stages': readonly ApiStage[];
    'apigateway.domains': readonly ApiDomain[];
  }
}

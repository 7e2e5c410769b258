/** What a check sees of OpenSearch Service: the slice src/aws/collectors/opensearch.ts fills. */
export interface OpenSearchDomain {
  readonly name: string;
  readonly arn: string;
  readonly encryptionAtRest: boolean;
  readonly nodeToNode: boolean;
  readonly enforceHttps: boolean;
  /** "Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"; null when not set. */
  readonly tlsPolicy: string | null;
  /** The VPC the domain's endpoint lives in; null for a public endpoint. */
  readonly vpcId: string | null;
  /** Whether AUDIT_LOGS publishing to CloudWatch Logs is enabled. */
  readonly auditLogs: boolean;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'opensearch.domains': readonly OpenSearchDomain[];
  }
}

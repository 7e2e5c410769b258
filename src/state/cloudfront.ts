/** What a check sees of cloudfront: the slices the cloudfront collector fills (src/aws/collectors/cloudfront.ts). */
export interface Distribution {
  readonly id: string;
  readonly arn: string;
  readonly domainName: string;
  readonly aliases: readonly string[];
  readonly enabled: boolean;
  /** The viewer protocol policy of the default behaviour ("*") and of every path pattern. */
  readonly viewerPolicies: readonly { readonly path: string; readonly policy: string }[];
  /** "TLSv1.2_2021" etc.; with the default *.cloudfront.net certificate CloudFront still allows TLS 1.0. */
  readonly minimumProtocolVersion: string | null;
  readonly defaultCertificate: boolean;
  readonly origins: readonly {
    readonly id: string;
    readonly domainName: string;
    /** "http-only", "https-only", "match-viewer"; null for S3 origins (always HTTPS with OAC). */
    readonly protocolPolicy: string | null;
    readonly sslProtocols: readonly string[];
  }[];
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    'cloudfront.distributions': readonly Distribution[];
  }
}

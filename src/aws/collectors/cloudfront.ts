/** CloudFront (global, read in us-east-1): distributions with their viewer and origin TLS settings. */
import { CloudFrontClient, paginateListDistributions } from '@aws-sdk/client-cloudfront';
import { type CollectorSet, globalCollector } from '../collector.js';

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

declare module '../../engine/state.js' {
  interface GlobalSlices {
    'cloudfront.distributions': readonly Distribution[];
  }
}

export const collectors: CollectorSet = {
  'cloudfront.distributions': globalCollector(['cloudfront:ListDistributions'], async (ctx) => {
    const client = ctx.clients.get(CloudFrontClient, 'us-east-1');
    const out: Distribution[] = [];
    for await (const page of paginateListDistributions({ client, pageSize: 100 }, {})) {
      for (const d of page.DistributionList?.Items ?? []) {
        const viewerPolicies = [
          { path: '*', policy: d.DefaultCacheBehavior?.ViewerProtocolPolicy ?? 'allow-all' },
          ...(d.CacheBehaviors?.Items ?? []).map((b) => ({ path: b.PathPattern ?? '', policy: b.ViewerProtocolPolicy ?? 'allow-all' })),
        ];
        out.push({
          id: d.Id ?? '',
          arn: d.ARN ?? '',
          domainName: d.DomainName ?? '',
          aliases: d.Aliases?.Items ?? [],
          enabled: d.Enabled ?? false,
          viewerPolicies,
          minimumProtocolVersion: d.ViewerCertificate?.MinimumProtocolVersion ?? null,
          defaultCertificate: d.ViewerCertificate?.CloudFrontDefaultCertificate ?? !d.ViewerCertificate?.ACMCertificateArn,
          origins: (d.Origins?.Items ?? []).map((o) => ({
            id: o.Id ?? '',
            domainName: o.DomainName ?? '',
            protocolPolicy: o.CustomOriginConfig?.OriginProtocolPolicy ?? null,
            sslProtocols: o.CustomOriginConfig?.OriginSslProtocols?.Items ?? [],
          })),
        });
      }
    }
    return out;
  }),
};

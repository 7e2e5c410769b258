/** CloudFront (global, read in us-east-1): distributions with their viewer and origin TLS settings. */
import { CloudFrontClient, paginateListDistributions } from '@aws-sdk/client-cloudfront';
import { type CollectorSet, globalCollector } from '../collector.js';
import type { Distribution } from '../../state/cloudfront.js';

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

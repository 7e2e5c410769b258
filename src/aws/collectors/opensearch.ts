/** OpenSearch Service, per region: every domain's encryption, endpoint and audit-log settings (five domains per call). */
import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import type { OpenSearchDomain } from '../../state/opensearch.js';
import { as, type CollectorSet, regionalCollector } from '../collector.js';

export const collectors: CollectorSet = {
  'opensearch.domains': regionalCollector(['es:ListDomainNames', 'es:DescribeDomains'], async (ctx, region) => {
    const client = ctx.clients.get(OpenSearchClient, region);
    const names = ((await as('es:ListDomainNames', client.send(new ListDomainNamesCommand({})))).DomainNames ?? []).map((d) => d.DomainName ?? '').filter(Boolean);
    const out: OpenSearchDomain[] = [];
    for (let i = 0; i < names.length; i += 5) {
      const page = await as('es:DescribeDomains', client.send(new DescribeDomainsCommand({ DomainNames: names.slice(i, i + 5) })));
      for (const d of page.DomainStatusList ?? []) {
        out.push({
          name: d.DomainName ?? '',
          arn: d.ARN ?? '',
          encryptionAtRest: d.EncryptionAtRestOptions?.Enabled ?? false,
          nodeToNode: d.NodeToNodeEncryptionOptions?.Enabled ?? false,
          enforceHttps: d.DomainEndpointOptions?.EnforceHTTPS ?? false,
          tlsPolicy: d.DomainEndpointOptions?.TLSSecurityPolicy ?? null,
          vpcId: d.VPCOptions?.VPCId || null,
          auditLogs: d.LogPublishingOptions?.AUDIT_LOGS?.Enabled ?? false,
        });
      }
    }
    return out;
  }),
};

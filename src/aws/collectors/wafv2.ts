/**
 * AWS WAF, per region: every regional web ACL with its logging and the load balancers and API
 * stages it protects; and, once per account, the CloudFront web ACLs (listed in us-east-1) with the
 * distributions that use them.
 */
import { CloudFrontClient, ListDistributionsByWebACLIdCommand } from '@aws-sdk/client-cloudfront';
import { GetLoggingConfigurationCommand, ListResourcesForWebACLCommand, ListWebACLsCommand, type Scope, WAFV2Client } from '@aws-sdk/client-wafv2';
import type { WebAcl } from '../../state/wafv2.js';
import { as, attempt, type CollectorSet, globalCollector, regionalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import { mapLimit } from '../limit.js';

async function listAcls(client: WAFV2Client, scope: Scope): Promise<{ name: string; arn: string; id: string }[]> {
  const out: { name: string; arn: string; id: string }[] = [];
  let NextMarker: string | undefined;
  do {
    const page = await as('wafv2:ListWebACLs', client.send(new ListWebACLsCommand({ Scope: scope, Limit: 100, NextMarker })));
    for (const a of page.WebACLs ?? []) out.push({ name: a.Name ?? '', arn: a.ARN ?? '', id: a.Id ?? '' });
    NextMarker = page.WebACLs?.length ? page.NextMarker : undefined;
  } while (NextMarker);
  return out;
}

const logging = (client: WAFV2Client, arn: string) =>
  attempt('wafv2:GetLoggingConfiguration', async () => {
    const out = await orIfMissing(() => client.send(new GetLoggingConfigurationCommand({ ResourceArn: arn })), ['WAFNonexistentItemException'], null);
    return Boolean(out?.LoggingConfiguration?.LogDestinationConfigs?.length);
  });

export const collectors: CollectorSet = {
  'wafv2.webAcls': regionalCollector(['wafv2:ListWebACLs', 'wafv2:GetLoggingConfiguration', 'wafv2:ListResourcesForWebACL'], async (ctx, region) => {
    const client = ctx.clients.get(WAFV2Client, region);
    return mapLimit(await listAcls(client, 'REGIONAL'), 4, async (a): Promise<WebAcl> => {
      const [log, resources] = await Promise.all([
        logging(client, a.arn),
        attempt('wafv2:ListResourcesForWebACL', async () => {
          const types = ['APPLICATION_LOAD_BALANCER', 'API_GATEWAY'] as const;
          const lists = await Promise.all(types.map((ResourceType) => client.send(new ListResourcesForWebACLCommand({ WebACLArn: a.arn, ResourceType }))));
          return lists.flatMap((l) => l.ResourceArns ?? []);
        }),
      ]);
      return { name: a.name, arn: a.arn, scope: 'REGIONAL', logging: log, resources };
    });
  }),
  'wafv2.cloudfrontAcls': globalCollector(['wafv2:ListWebACLs', 'wafv2:GetLoggingConfiguration', 'cloudfront:ListDistributionsByWebACLId'], async (ctx) => {
    // CloudFront web ACLs live in us-east-1 in the commercial partition.
    const region = 'us-east-1';
    const client = ctx.clients.get(WAFV2Client, region);
    const cf = ctx.clients.get(CloudFrontClient, region);
    return mapLimit(await listAcls(client, 'CLOUDFRONT'), 4, async (a): Promise<WebAcl> => {
      const [log, resources] = await Promise.all([
        logging(client, a.arn),
        attempt('cloudfront:ListDistributionsByWebACLId', async () => {
          const ids: string[] = [];
          let Marker: string | undefined;
          do {
            const out = await cf.send(new ListDistributionsByWebACLIdCommand({ WebACLId: a.arn, Marker, MaxItems: 100 }));
            ids.push(...(out.DistributionList?.Items ?? []).map((d) => d.Id ?? ''));
            Marker = out.DistributionList?.IsTruncated ? out.DistributionList.NextMarker : undefined;
          } while (Marker);
          return ids;
        }),
      ]);
      return { name: a.name, arn: a.arn, scope: 'CLOUDFRONT', logging: log, resources };
    });
  }),
};

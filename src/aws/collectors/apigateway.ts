/**
 * API Gateway, per region: every stage of every REST API (v1) and HTTP API (v2) with its logging and
 * web ACL, and every custom domain with its TLS security policy.
 */
import { APIGatewayClient, GetStagesCommand, paginateGetDomainNames, paginateGetRestApis } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, GetDomainNamesCommand, GetStagesCommand as GetV2StagesCommand } from '@aws-sdk/client-apigatewayv2';
import type { ApiDomain, ApiStage } from '../../state/apigateway.js';
import { as, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';

/** Follows v2's NextToken (the v2 client has no paginators). */
async function allPages<T>(fetch: (token: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...(page.Items ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

export const collectors: CollectorSet = {
  'apigateway.stages': regionalCollector(['apigateway:GET'], async (ctx, region) => {
    const rest = ctx.clients.get(APIGatewayClient, region);
    const v2 = ctx.clients.get(ApiGatewayV2Client, region);
    const apis: { id: string; name: string; endpointType: string }[] = [];
    await as(
      'apigateway:GET',
      (async () => {
        for await (const page of paginateGetRestApis({ client: rest, pageSize: 500 }, {})) {
          for (const a of page.items ?? []) apis.push({ id: a.id ?? '', name: a.name ?? '', endpointType: a.endpointConfiguration?.types?.[0] ?? 'EDGE' });
        }
      })(),
    );
    const restStages = await mapLimit(apis, 4, async (api) => {
      const out = await as('apigateway:GET', rest.send(new GetStagesCommand({ restApiId: api.id })));
      return (out.item ?? []).map(
        (s): ApiStage => ({
          apiId: api.id,
          apiName: api.name,
          stageName: s.stageName ?? '',
          kind: 'REST',
          arn: `arn:${ctx.identity.partition}:apigateway:${region}::/restapis/${api.id}/stages/${s.stageName}`,
          endpointType: api.endpointType,
          executionLogging: s.methodSettings?.['*/*']?.loggingLevel ?? 'OFF',
          accessLogging: Boolean(s.accessLogSettings?.destinationArn),
          webAclArn: s.webAclArn ?? null,
        }),
      );
    });
    const httpApis = (await as('apigateway:GET', allPages((NextToken) => v2.send(new GetApisCommand({ NextToken }))))).filter((a) => a.ProtocolType === 'HTTP');
    const httpStages = await mapLimit(httpApis, 4, async (api) => {
      const stages = await as('apigateway:GET', allPages((NextToken) => v2.send(new GetV2StagesCommand({ ApiId: api.ApiId, NextToken }))));
      return stages.map(
        (s): ApiStage => ({
          apiId: api.ApiId ?? '',
          apiName: api.Name ?? '',
          stageName: s.StageName ?? '',
          kind: 'HTTP',
          arn: `arn:${ctx.identity.partition}:apigateway:${region}::/apis/${api.ApiId}/stages/${s.StageName}`,
          endpointType: 'REGIONAL',
          executionLogging: null,
          accessLogging: Boolean(s.AccessLogSettings?.DestinationArn),
          webAclArn: null,
        }),
      );
    });
    return [...restStages.flat(), ...httpStages.flat()];
  }),
  'apigateway.domains': regionalCollector(['apigateway:GET'], async (ctx, region) => {
    const rest = ctx.clients.get(APIGatewayClient, region);
    const v2 = ctx.clients.get(ApiGatewayV2Client, region);
    const out: ApiDomain[] = [];
    const restNames = new Set<string>();
    await as(
      'apigateway:GET',
      (async () => {
        for await (const page of paginateGetDomainNames({ client: rest, pageSize: 500 }, {})) {
          for (const d of page.items ?? []) {
            restNames.add(d.domainName ?? '');
            out.push({ name: d.domainName ?? '', kind: 'REST', securityPolicy: d.securityPolicy ?? null });
          }
        }
      })(),
    );
    // v2's GetDomainNames lists the same custom domains (they are shared between v1 and v2); only the others are added.
    for (const d of await as('apigateway:GET', allPages((NextToken) => v2.send(new GetDomainNamesCommand({ NextToken }))))) {
      if (!d.DomainName || restNames.has(d.DomainName)) continue;
      out.push({ name: d.DomainName, kind: 'HTTP', securityPolicy: d.DomainNameConfigurations?.[0]?.SecurityPolicy ?? null });
    }
    return out;
  }),
};

/**
 * IAM Access Analyzer, per region: the analyzers, and the active findings of the external-access
 * analyzers (a resource that a principal outside the account or organization can reach).
 */
import {
  AccessAnalyzerClient,
  type FindingDetails,
  GetFindingV2Command,
  paginateListAnalyzers,
  paginateListFindingsV2,
} from '@aws-sdk/client-accessanalyzer';
import { mapLimit } from '../limit.js';
import { as, type CollectorSet, regionalCollector } from '../collector.js';
import type { Analyzer, ExternalAccessFinding } from '../../state/accessanalyzer.js';

export const EXTERNAL_ACCESS_TYPES = ['ACCOUNT', 'ORGANIZATION'];

/** Merges the external-access details of one finding (one entry per policy statement). */
function externalDetails(details: readonly FindingDetails[] | undefined) {
  const principal: Record<string, string> = {};
  const condition: Record<string, string> = {};
  let isPublic = false;
  for (const d of details ?? []) {
    const x = d.externalAccessDetails;
    if (!x) continue;
    Object.assign(principal, x.principal ?? {});
    Object.assign(condition, x.condition ?? {});
    isPublic ||= x.isPublic === true;
  }
  return { principal, condition, isPublic };
}

export const collectors: CollectorSet = {
  'accessanalyzer.analyzers': regionalCollector(['access-analyzer:ListAnalyzers'], async (ctx, region) => {
    const client = ctx.clients.get(AccessAnalyzerClient, region);
    const out: Analyzer[] = [];
    for await (const page of paginateListAnalyzers({ client }, {})) {
      for (const a of page.analyzers ?? []) {
        out.push({
          name: a.name ?? '',
          arn: a.arn ?? '',
          type: a.type ?? 'ACCOUNT',
          status: a.status ?? 'ACTIVE',
          createdAt: a.createdAt ? new Date(a.createdAt).toISOString() : null,
        });
      }
    }
    return out;
  }),

  'accessanalyzer.findings': regionalCollector(
    ['access-analyzer:ListAnalyzers', 'access-analyzer:ListFindingsV2', 'access-analyzer:GetFindingV2'],
    async (ctx, region) => {
      const analyzers = (await ctx.regional('accessanalyzer.analyzers', region)).filter(
        (a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.includes(a.type),
      );
      const client = ctx.clients.get(AccessAnalyzerClient, region);
      const out: ExternalAccessFinding[] = [];
      for (const analyzer of analyzers) {
        const summaries: { id: string; resource: string; resourceType: string }[] = [];
        const pages = paginateListFindingsV2({ client }, { analyzerArn: analyzer.arn, filter: { status: { eq: ['ACTIVE'] } } });
        await as('access-analyzer:ListFindingsV2', (async () => {
          for await (const page of pages) {
            for (const f of page.findings ?? []) {
              if (f.status !== undefined && f.status !== 'ACTIVE') continue;
              if (f.findingType !== undefined && f.findingType !== 'ExternalAccess') continue;
              summaries.push({ id: f.id ?? '', resource: f.resource ?? '', resourceType: f.resourceType ?? '' });
            }
          }
        })());
        const detailed = await mapLimit(summaries, 4, async (s) => {
          const got = await as('access-analyzer:GetFindingV2', client.send(new GetFindingV2Command({ analyzerArn: analyzer.arn, id: s.id })));
          return { ...s, ...externalDetails(got.findingDetails), analyzerArn: analyzer.arn };
        });
        out.push(...detailed);
      }
      return out;
    },
    ['accessanalyzer.analyzers'],
  ),
};

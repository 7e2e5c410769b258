/**
 * GuardDuty, per region: the detector (none means GuardDuty is off in that region) and its
 * unarchived findings of high severity (7.0 and above).
 */
import { GetDetectorCommand, GetFindingsCommand, GuardDutyClient, paginateListDetectors, paginateListFindings } from '@aws-sdk/client-guardduty';
import { type CollectorSet, as, regionalCollector } from '../collector.js';
import type { GuardDutyDetector, GuardDutyFinding } from '../../state/guardduty.js';

export const HIGH_SEVERITY = 7;
const MAX_FINDINGS = 500;

export const collectors: CollectorSet = {
  'guardduty.detectors': regionalCollector(['guardduty:ListDetectors', 'guardduty:GetDetector'], async (ctx, region) => {
    const client = ctx.clients.get(GuardDutyClient, region);
    const ids: string[] = [];
    await as(
      'guardduty:ListDetectors',
      (async () => {
        for await (const page of paginateListDetectors({ client }, {})) ids.push(...(page.DetectorIds ?? []));
      })(),
    );
    const out: GuardDutyDetector[] = [];
    for (const id of ids) {
      const d = await as('guardduty:GetDetector', client.send(new GetDetectorCommand({ DetectorId: id })));
      out.push({
        id,
        status: d.Status ?? 'DISABLED',
        publishingFrequency: d.FindingPublishingFrequency ?? null,
        features: Object.fromEntries((d.Features ?? []).map((f) => [f.Name ?? '', f.Status ?? ''])),
      });
    }
    return out;
  }),

  'guardduty.highFindings': regionalCollector(['guardduty:ListFindings', 'guardduty:GetFindings'], async (ctx, region) => {
    const detectors = await ctx.regional('guardduty.detectors', region);
    const client = ctx.clients.get(GuardDutyClient, region);
    const out: GuardDutyFinding[] = [];
    for (const d of detectors) {
      const ids: string[] = [];
      await as(
        'guardduty:ListFindings',
        (async () => {
          const pages = paginateListFindings(
            { client, pageSize: 50 },
            {
              DetectorId: d.id,
              FindingCriteria: {
                Criterion: { severity: { GreaterThanOrEqual: HIGH_SEVERITY }, 'service.archived': { Equals: ['false'] } },
              },
            },
          );
          for await (const page of pages) {
            ids.push(...(page.FindingIds ?? []));
            if (ids.length >= MAX_FINDINGS) break;
          }
        })(),
      );
      for (let i = 0; i < ids.length; i += 50) {
        const got = await as('guardduty:GetFindings', client.send(new GetFindingsCommand({ DetectorId: d.id, FindingIds: ids.slice(i, i + 50) })));
        for (const f of got.Findings ?? []) {
          if (f.Service?.Archived) continue;
          const r = f.Resource;
          const resource =
            r?.InstanceDetails?.InstanceId ??
            r?.AccessKeyDetails?.UserName ??
            r?.S3BucketDetails?.[0]?.Name ??
            r?.RdsDbInstanceDetails?.DbInstanceIdentifier ??
            r?.EksClusterDetails?.Name ??
            r?.LambdaDetails?.FunctionName ??
            r?.ResourceType ??
            'unknown resource';
          out.push({
            id: f.Id ?? '',
            type: f.Type ?? '',
            title: f.Title ?? f.Type ?? '',
            severity: f.Severity ?? 0,
            resource,
            createdAt: f.CreatedAt ?? null,
            updatedAt: f.UpdatedAt ?? null,
            count: f.Service?.Count ?? 1,
          });
        }
      }
    }
    return out;
  }, ['guardduty.detectors']),
};

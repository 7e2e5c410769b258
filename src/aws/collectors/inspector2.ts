/**
 * Amazon Inspector (v2), per region: which resource types it scans for this account, and the open
 * critical and high findings (package vulnerabilities and network reachability) with the day each
 * was first seen, so the patch-SLA checks can age them.
 */
import { BatchGetAccountStatusCommand, Inspector2Client, paginateListFindings } from '@aws-sdk/client-inspector2';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { InspectorScanState, InspectorFinding } from '../../state/inspector2.js';

const on = (s: InspectorScanState) => s === 'ENABLED' || s === 'ENABLING';

export const collectors: CollectorSet = {
  'inspector2.status': regionalCollector(['inspector2:BatchGetAccountStatus'], async (ctx, region) => {
    const out = await ctx.clients.get(Inspector2Client, region).send(new BatchGetAccountStatusCommand({ accountIds: [ctx.identity.accountId] }));
    const mine = out.accounts?.find((a) => a.accountId === ctx.identity.accountId) ?? out.accounts?.[0];
    const failed = out.failedAccounts?.find((a) => a.accountId === ctx.identity.accountId);
    if (!mine && failed) {
      throw Object.assign(new Error(failed.errorMessage ?? 'Inspector did not report this account'), {
        name: failed.errorCode === 'ACCESS_DENIED' ? 'AccessDeniedException' : (failed.errorCode ?? 'InspectorAccountStatusFailed'),
      });
    }
    const state = mine?.resourceState;
    return {
      ec2: state?.ec2?.status ?? 'DISABLED',
      ecr: state?.ecr?.status ?? 'DISABLED',
      lambda: state?.lambda?.status ?? 'DISABLED',
    };
  }),

  'inspector2.findings': regionalCollector(['inspector2:ListFindings'], async (ctx, region) => {
    const status = await ctx.regional('inspector2.status', region);
    if (!on(status.ec2) && !on(status.ecr) && !on(status.lambda)) return [];
    const client = ctx.clients.get(Inspector2Client, region);
    const out: InspectorFinding[] = [];
    const pages = paginateListFindings(
      { client, pageSize: 100 },
      {
        filterCriteria: {
          findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
          severity: [
            { comparison: 'EQUALS', value: 'CRITICAL' },
            { comparison: 'EQUALS', value: 'HIGH' },
          ],
        },
      },
    );
    for await (const page of pages) {
      for (const f of page.findings ?? []) {
        const resource = f.resources?.[0];
        out.push({
          arn: f.findingArn ?? '',
          title: f.title ?? f.description ?? 'untitled finding',
          severity: f.severity === 'CRITICAL' ? 'CRITICAL' : 'HIGH',
          vulnerabilityId: f.packageVulnerabilityDetails?.vulnerabilityId ?? null,
          resourceType: resource?.type ?? 'unknown',
          resourceId: resource?.id ?? 'unknown',
          firstObservedAt: f.firstObservedAt ? new Date(f.firstObservedAt).toISOString() : null,
          fixAvailable: f.fixAvailable ?? null,
        });
      }
    }
    return out;
  }, ['inspector2.status']),
};

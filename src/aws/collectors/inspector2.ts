/**
 * Amazon Inspector (v2), per region: which resource types it scans for this account, and the open
 * critical and high findings (package vulnerabilities and network reachability) with the day each
 * was first seen, so the patch-SLA checks can age them.
 */
import { BatchGetAccountStatusCommand, Inspector2Client, paginateListFindings } from '@aws-sdk/client-inspector2';
import { type CollectorSet, regionalCollector } from '../collector.js';

/** ENABLED, DISABLED, ENABLING, DISABLING, SUSPENDING, SUSPENDED: Inspector's own words. */
export type InspectorScanState = string;

export interface InspectorStatus {
  readonly ec2: InspectorScanState;
  readonly ecr: InspectorScanState;
  readonly lambda: InspectorScanState;
}

export interface InspectorFinding {
  readonly arn: string;
  readonly title: string;
  readonly severity: 'CRITICAL' | 'HIGH';
  /** e.g. CVE-2024-6387, when the finding is a package vulnerability. */
  readonly vulnerabilityId: string | null;
  /** AWS_EC2_INSTANCE, AWS_ECR_CONTAINER_IMAGE, AWS_LAMBDA_FUNCTION, … */
  readonly resourceType: string;
  readonly resourceId: string;
  readonly firstObservedAt: string | null;
  readonly fixAvailable: string | null;
}

declare module '../../engine/state.js' {
  interface RegionalSlices {
    'inspector2.status': InspectorStatus;
    /** ACTIVE findings of CRITICAL or HIGH severity; [] when Inspector scans nothing in the region. */
    'inspector2.findings': readonly InspectorFinding[];
  }
}

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

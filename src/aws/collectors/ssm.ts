/**
 * Systems Manager, per region: the instances its agent manages, their patch compliance, the patch
 * baselines (AWS's and the account's own, with which is the default per operating system), the
 * AWS-RunPatchBaseline associations and the maintenance windows that run a patch task.
 */
import {
  DescribeAssociationCommand,
  DescribeMaintenanceWindowTasksCommand,
  GetMaintenanceWindowTaskCommand,
  SSMClient,
  paginateDescribeInstanceInformation,
  paginateDescribeMaintenanceWindows,
  paginateDescribePatchBaselines,
  paginateListAssociations,
  paginateListResourceComplianceSummaries,
} from '@aws-sdk/client-ssm';
import { as, type CollectorSet, regionalCollector } from '../collector.js';
import { PATCH_DOCUMENTS } from '../../rules/patching.js';
import type { SsmManagedInstance, PatchComplianceItem, PatchBaseline, PatchAssociation, MaintenanceWindow } from '../../state/ssm.js';

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : null);

export const collectors: CollectorSet = {
  'ssm.managedInstances': regionalCollector(['ssm:DescribeInstanceInformation'], async (ctx, region) => {
    const client = ctx.clients.get(SSMClient, region);
    const out: SsmManagedInstance[] = [];
    for await (const page of paginateDescribeInstanceInformation({ client, pageSize: 50 }, {})) {
      for (const i of page.InstanceInformationList ?? []) {
        out.push({
          id: i.InstanceId ?? '',
          pingStatus: i.PingStatus ?? 'Unknown',
          lastPing: iso(i.LastPingDateTime),
          platformType: i.PlatformType ?? 'Unknown',
          platformName: i.PlatformName ?? '',
          platformVersion: i.PlatformVersion ?? '',
        });
      }
    }
    return out;
  }),

  'ssm.patchCompliance': regionalCollector(['ssm:ListResourceComplianceSummaries'], async (ctx, region) => {
    const client = ctx.clients.get(SSMClient, region);
    const out: PatchComplianceItem[] = [];
    const pages = paginateListResourceComplianceSummaries(
      { client, pageSize: 100 },
      { Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }] },
    );
    for await (const page of pages) {
      for (const item of page.ResourceComplianceSummaryItems ?? []) {
        const sev = item.NonCompliantSummary?.SeveritySummary;
        out.push({
          resourceId: item.ResourceId ?? '',
          status: item.Status === 'COMPLIANT' ? 'COMPLIANT' : 'NON_COMPLIANT',
          lastScan: iso(item.ExecutionSummary?.ExecutionTime),
          criticalMissing: sev?.CriticalCount ?? 0,
          highMissing: sev?.HighCount ?? 0,
          missing: item.NonCompliantSummary?.NonCompliantCount ?? 0,
        });
      }
    }
    return out;
  }),

  'ssm.patchBaselines': regionalCollector(['ssm:DescribePatchBaselines'], async (ctx, region) => {
    const client = ctx.clients.get(SSMClient, region);
    const out: PatchBaseline[] = [];
    for await (const page of paginateDescribePatchBaselines({ client, pageSize: 100 }, {})) {
      for (const b of page.BaselineIdentities ?? []) {
        out.push({
          id: b.BaselineId ?? '',
          name: b.BaselineName ?? '',
          operatingSystem: b.OperatingSystem ?? 'WINDOWS',
          isDefault: b.DefaultBaseline === true,
          awsOwned: (b.BaselineId ?? '').startsWith('arn:'),
        });
      }
    }
    return out;
  }),

  'ssm.patchAssociations': regionalCollector(['ssm:ListAssociations', 'ssm:DescribeAssociation'], async (ctx, region) => {
    const client = ctx.clients.get(SSMClient, region);
    const out: PatchAssociation[] = [];
    for (const name of ['AWS-RunPatchBaseline', 'AWS-RunPatchBaselineWithHooks']) {
      const pages = paginateListAssociations({ client, pageSize: 50 }, { AssociationFilterList: [{ key: 'Name', value: name }] });
      for await (const page of pages) {
        for (const a of page.Associations ?? []) {
          // ListAssociations omits the parameters; only DescribeAssociation says whether it installs or only scans.
          const detail = await as('ssm:DescribeAssociation', client.send(new DescribeAssociationCommand({ AssociationId: a.AssociationId })));
          out.push({
            id: a.AssociationId ?? '',
            name: a.Name ?? name,
            targets: (a.Targets ?? []).map((t) => ({ key: t.Key ?? '', values: t.Values ?? [] })),
            schedule: a.ScheduleExpression ?? null,
            lastRun: iso(a.LastExecutionDate),
            operation: detail.AssociationDescription?.Parameters?.Operation?.[0] ?? null,
          });
        }
      }
    }
    return out;
  }),

  'ssm.maintenanceWindows': regionalCollector(
    ['ssm:DescribeMaintenanceWindows', 'ssm:DescribeMaintenanceWindowTasks', 'ssm:GetMaintenanceWindowTask'],
    async (ctx, region) => {
      const client = ctx.clients.get(SSMClient, region);
      const out: MaintenanceWindow[] = [];
      const windows = paginateDescribeMaintenanceWindows({ client, pageSize: 50 }, {});
      for (const page of await as('ssm:DescribeMaintenanceWindows', collect(windows))) {
        for (const w of page.WindowIdentities ?? []) {
          const tasks = await as(
            'ssm:DescribeMaintenanceWindowTasks',
            client.send(new DescribeMaintenanceWindowTasksCommand({ WindowId: w.WindowId, MaxResults: 100 })),
          );
          const runCommands = (tasks.Tasks ?? []).filter((t) => t.Type === 'RUN_COMMAND');
          // A patch task's Operation is in its invocation parameters, which only GetMaintenanceWindowTask
          // returns (the list's TaskParameters is the deprecated place older tasks kept it).
          const patchOperations: (string | null)[] = [];
          for (const t of runCommands.filter((x) => PATCH_DOCUMENTS.includes(x.TaskArn ?? ''))) {
            let operation = t.TaskParameters?.Operation?.Values?.[0] ?? null;
            if (!operation) {
              const detail = await as('ssm:GetMaintenanceWindowTask', client.send(new GetMaintenanceWindowTaskCommand({ WindowId: w.WindowId, WindowTaskId: t.WindowTaskId })));
              operation = detail.TaskInvocationParameters?.RunCommand?.Parameters?.Operation?.[0] ?? null;
            }
            patchOperations.push(operation);
          }
          out.push({
            id: w.WindowId ?? '',
            name: w.Name ?? w.WindowId ?? '',
            enabled: w.Enabled === true,
            schedule: w.Schedule ?? null,
            taskDocuments: runCommands.map((t) => t.TaskArn ?? ''),
            patchOperations,
          });
        }
      }
      return out;
    },
  ),
};

/** Reads every page, so a refusal on any page is tagged with the call's IAM action. */
async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const p of pages) all.push(p);
  return all;
}

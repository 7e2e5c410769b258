import {
  DescribeAssociationCommand,
  DescribeInstanceInformationCommand,
  DescribeMaintenanceWindowTasksCommand,
  GetMaintenanceWindowTaskCommand,
  DescribeMaintenanceWindowsCommand,
  DescribePatchBaselinesCommand,
  ListAssociationsCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

const collection = () => testCollection(['us-east-1']);

describe('Systems Manager collectors', () => {
  it('lists managed instances across pages', async () => {
    ssm
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({
        NextToken: 'n',
        InstanceInformationList: [
          { InstanceId: 'i-1', PingStatus: 'Online', LastPingDateTime: new Date('2026-11-24T10:00:00Z'), PlatformType: 'Linux', PlatformName: 'Amazon Linux', PlatformVersion: '2023' },
        ],
      })
      .resolvesOnce({ InstanceInformationList: [{ InstanceId: 'i-2', PingStatus: 'ConnectionLost', PlatformType: 'Windows', PlatformName: 'Microsoft Windows Server 2022 Datacenter' }] });
    const r = await collection().regional('ssm.managedInstances', 'us-east-1');
    expect(r.ok && r.value).toEqual([
      { id: 'i-1', pingStatus: 'Online', lastPing: '2026-11-24T10:00:00.000Z', platformType: 'Linux', platformName: 'Amazon Linux', platformVersion: '2023' },
      { id: 'i-2', pingStatus: 'ConnectionLost', lastPing: null, platformType: 'Windows', platformName: 'Microsoft Windows Server 2022 Datacenter', platformVersion: '' },
    ]);
  });

  it('asks only for patch compliance and keeps the missing-patch counts by severity', async () => {
    ssm.on(ListResourceComplianceSummariesCommand).resolves({
      ResourceComplianceSummaryItems: [
        {
          ComplianceType: 'Patch',
          ResourceType: 'ManagedInstance',
          ResourceId: 'i-1',
          Status: 'NON_COMPLIANT',
          OverallSeverity: 'CRITICAL',
          ExecutionSummary: { ExecutionTime: new Date('2026-11-23T00:00:00Z') },
          NonCompliantSummary: { NonCompliantCount: 5, SeveritySummary: { CriticalCount: 1, HighCount: 2 } },
        },
      ],
    });
    const r = await collection().regional('ssm.patchCompliance', 'us-east-1');
    expect(r.ok && r.value).toEqual([
      { resourceId: 'i-1', status: 'NON_COMPLIANT', lastScan: '2026-11-23T00:00:00.000Z', criticalMissing: 1, highMissing: 2, missing: 5 },
    ]);
    expect(ssm.commandCalls(ListResourceComplianceSummariesCommand)[0]?.args[0].input.Filters).toEqual([
      { Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' },
    ]);
  });

  it('tells AWS-owned baselines from the account\'s own and keeps the default flag', async () => {
    ssm.on(DescribePatchBaselinesCommand).resolves({
      BaselineIdentities: [
        { BaselineId: 'arn:aws:ssm:us-east-1:aws:patchbaseline/pb-0aaa', BaselineName: 'AWS-AmazonLinux2023DefaultPatchBaseline', OperatingSystem: 'AMAZON_LINUX_2023', DefaultBaseline: true },
        { BaselineId: 'pb-0bbb', BaselineName: 'clinic-windows', OperatingSystem: 'WINDOWS', DefaultBaseline: false },
      ],
    });
    const r = await collection().regional('ssm.patchBaselines', 'us-east-1');
    expect(r.ok && r.value.map((b) => [b.name, b.awsOwned, b.isDefault])).toEqual([
      ['AWS-AmazonLinux2023DefaultPatchBaseline', true, true],
      ['clinic-windows', false, false],
    ]);
  });

  it('looks for associations of both patch documents and reads whether each installs or only scans', async () => {
    ssm.on(ListAssociationsCommand, { AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaseline' }] }).resolves({
      Associations: [{ Name: 'AWS-RunPatchBaseline', AssociationId: 'a-1', Targets: [{ Key: 'InstanceIds', Values: ['*'] }], ScheduleExpression: 'rate(1 day)' }],
    });
    ssm.on(ListAssociationsCommand, { AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaselineWithHooks' }] }).resolves({ Associations: [] });
    ssm.on(DescribeAssociationCommand, { AssociationId: 'a-1' }).resolves({
      AssociationDescription: { Name: 'AWS-RunPatchBaseline', AssociationId: 'a-1', Parameters: { Operation: ['Scan'], RebootOption: ['NoReboot'] } },
    });
    const r = await collection().regional('ssm.patchAssociations', 'us-east-1');
    expect(r.ok && r.value).toEqual([{ id: 'a-1', name: 'AWS-RunPatchBaseline', targets: [{ key: 'InstanceIds', values: ['*'] }], schedule: 'rate(1 day)', lastRun: null, operation: 'Scan' }]);
    expect(ssm.commandCalls(ListAssociationsCommand)).toHaveLength(2);
  });

  it('names ssm:DescribeMaintenanceWindowTasks when the window tasks are refused', async () => {
    ssm.on(DescribeMaintenanceWindowsCommand).resolves({ WindowIdentities: [{ WindowId: 'mw-0abc', Name: 'sunday', Enabled: true, Schedule: 'cron(0 4 ? * SUN *)' }] });
    ssm.on(DescribeMaintenanceWindowTasksCommand).rejects(
      Object.assign(new Error('User is not authorized to perform this action'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }),
    );
    const r = await collection().regional('ssm.maintenanceWindows', 'us-east-1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'access', action: 'ssm:DescribeMaintenanceWindowTasks' });
  });

  it('keeps the documents each maintenance window runs, and the Operation of each patch task', async () => {
    ssm.on(DescribeMaintenanceWindowsCommand).resolves({ WindowIdentities: [{ WindowId: 'mw-0abc', Name: 'sunday', Enabled: true }] });
    ssm.on(DescribeMaintenanceWindowTasksCommand).resolves({
      Tasks: [
        { WindowTaskId: 't1', TaskArn: 'AWS-RunPatchBaseline', Type: 'RUN_COMMAND' },
        { WindowTaskId: 't2', TaskArn: 'arn:aws:lambda:us-east-1:111122223333:function:f', Type: 'LAMBDA' },
        // An older task keeps its parameters in the deprecated TaskParameters of the list.
        { WindowTaskId: 't3', TaskArn: 'AWS-RunPatchBaseline', Type: 'RUN_COMMAND', TaskParameters: { Operation: { Values: ['Scan'] } } },
      ],
    });
    // GetMaintenanceWindowTask's shape: the Operation in TaskInvocationParameters.RunCommand.Parameters.
    ssm.on(GetMaintenanceWindowTaskCommand, { WindowId: 'mw-0abc', WindowTaskId: 't1' }).resolves({
      WindowId: 'mw-0abc',
      WindowTaskId: 't1',
      TaskArn: 'AWS-RunPatchBaseline',
      TaskType: 'RUN_COMMAND',
      TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] } } },
    });
    const r = await collection().regional('ssm.maintenanceWindows', 'us-east-1');
    expect(r.ok && r.value).toEqual([{ id: 'mw-0abc', name: 'sunday', enabled: true, schedule: null, taskDocuments: ['AWS-RunPatchBaseline', 'AWS-RunPatchBaseline'], patchOperations: ['Install', 'Scan'] }]);
    expect(ssm.commandCalls(GetMaintenanceWindowTaskCommand)).toHaveLength(1);
  });
});

/**
 * Schedules patching with Systems Manager in every region that runs instances: for each operating
 * system among the managed instances without a default baseline, a patch baseline that approves
 * critical and important security patches after 7 days, registered as the default; a daily
 * AWS-RunPatchBaseline Scan association (reports missing patches, changes nothing); and a weekly
 * maintenance window that installs them (rebooting when needed), hence the typed confirmation.
 * Undo deletes what it created and puts AWS's own baseline back as the default.
 */
import { responseRef } from '../src/engine/refs.js';
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction, PlannedCall } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';
import { installsPatches, operatingSystemOf } from '../src/rules/patching.js';
import { OptionValues } from '../src/schemas/options.js';

/** Which patches count as security fixes, per operating system family. */
export function approvalFilters(os: string): { Key: string; Values: string[] }[] {
  if (os === 'WINDOWS') {
    return [
      { Key: 'CLASSIFICATION', Values: ['CriticalUpdates', 'SecurityUpdates'] },
      { Key: 'MSRC_SEVERITY', Values: ['Critical', 'Important'] },
    ];
  }
  if (os === 'UBUNTU' || os === 'DEBIAN') return [{ Key: 'PRIORITY', Values: ['Required', 'Important'] }];
  if (os === 'MACOS') return [{ Key: 'CLASSIFICATION', Values: ['Security'] }];
  return [
    { Key: 'CLASSIFICATION', Values: ['Security'] },
    { Key: 'SEVERITY', Values: ['Critical', 'Important'] },
  ];
}

export default defineRemediation({
  id: 'ssm-patch-baseline',
  title: 'Scan for and install security patches on a schedule',
  fixes: ['patch-baseline'],
  leavesAlone: ['regions without managed instances', 'operating systems that already have a default baseline'],
  permissions: [
    'ssm:CreatePatchBaseline',
    'ssm:DeletePatchBaseline',
    'ssm:RegisterDefaultPatchBaseline',
    'ssm:CreateAssociation',
    'ssm:DeleteAssociation',
    'ssm:CreateMaintenanceWindow',
    'ssm:DeleteMaintenanceWindow',
    'ssm:RegisterTargetWithMaintenanceWindow',
    'ssm:RegisterTaskWithMaintenanceWindow',
  ],
  options: [
    { name: 'install', description: 'also create a maintenance window that installs approved patches: yes or no', default: 'yes', schema: OptionValues.yesNo() },
    { name: 'schedule', description: 'when the install window opens (a cron or rate expression, UTC)', default: 'cron(0 3 ? * SUN *)' },
  ],
  notes: [
    'The install window applies approved patches and reboots instances when a patch needs it, every Sunday at 03:00 UTC unless another schedule is given: warn the people who run those servers.',
    'The scan association only reports missing patches; it changes nothing on the instances.',
  ],
  plan(state, { options }) {
    const install = options.install ?? 'yes';
    const schedule = options.schedule ?? 'cron(0 3 ? * SUN *)';
    const actions: PlanAction[] = [];
    /** Adds an action; returns its name in the plan, for later actions to refer to what AWS returns. */
    const step = (a: PlanAction): string => {
      actions.push(a);
      return a.ref ?? '';
    };
    for (const region of state.regions) {
      const running = readIn(state, 'ec2.instances', region).filter((i) => i.state === 'running');
      const managed = readIn(state, 'ssm.managedInstances', region);
      if (running.length === 0 && managed.length === 0) continue;
      const baselines = readIn(state, 'ssm.patchBaselines', region);
      const systems = [...new Set(managed.map(operatingSystemOf).filter((os): os is string => os !== null))];
      for (const os of systems.filter((s) => !baselines.some((b) => b.isDefault && b.operatingSystem === s))) {
        const name = `hipaa-wizard-${os.toLowerCase().replace(/_/g, '-')}`;
        // Ubuntu and Debian repositories carry no reliable release dates, so Patch Manager takes no
        // approval delay there (AWS's own baselines for them approve at once).
        const delay = os === 'UBUNTU' || os === 'DEBIAN' ? 0 : 7;
        const when = delay === 0 ? 'approved as soon as they are published' : `approved after ${delay} days`;
        const created = step({
          ref: `baseline-${os.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${region}`,
          effect: '+',
          service: 'ssm',
          command: 'CreatePatchBaseline',
          input: {
            Name: name,
            OperatingSystem: os,
            Description: `Security patches rated critical or important, ${when} (hipaa-wizard).`,
            ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: approvalFilters(os) }, ApproveAfterDays: delay, ComplianceLevel: 'CRITICAL' }] },
          },
          region,
          resource: `patch baseline ${name}`,
          summary: `Create the patch baseline ${name} for ${os} in ${region}: security patches rated critical or important, ${when}.`,
          reversible: true,
          undo: [{ service: 'ssm', command: 'DeletePatchBaseline', input: { BaselineId: '{{self.BaselineId}}' }, region }],
        });
        const awsDefault = baselines.find((b) => b.awsOwned && b.operatingSystem === os);
        const back: PlannedCall[] | undefined = awsDefault
          ? [{ service: 'ssm', command: 'RegisterDefaultPatchBaseline', input: { BaselineId: awsDefault.id }, region }]
          : undefined;
        step({
          effect: '~',
          service: 'ssm',
          command: 'RegisterDefaultPatchBaseline',
          input: { BaselineId: responseRef(created, 'BaselineId') },
          region,
          resource: `patch baseline ${name}`,
          summary: `Make ${name} the default baseline for ${os} instances in ${region}.`,
          reversible: Boolean(back),
          undo: back,
          irreversibleBecause: back ? undefined : `AWS's own ${os} baseline was not among those read, so it cannot be named as the default again`,
        });
      }
      const associations = readIn(state, 'ssm.patchAssociations', region);
      const windows = readIn(state, 'ssm.maintenanceWindows', region).filter(installsPatches);
      if (associations.length === 0 && windows.length === 0) {
        step({
          effect: '+',
          service: 'ssm',
          command: 'CreateAssociation',
          input: {
            Name: 'AWS-RunPatchBaseline',
            AssociationName: 'hipaa-wizard-patch-scan',
            Targets: [{ Key: 'InstanceIds', Values: ['*'] }],
            Parameters: { Operation: ['Scan'] },
            ScheduleExpression: 'rate(1 day)',
          },
          region,
          resource: 'association hipaa-wizard-patch-scan',
          summary: `Scan every managed instance in ${region} for missing patches once a day (AWS-RunPatchBaseline, Scan).`,
          reversible: true,
          undo: [{ service: 'ssm', command: 'DeleteAssociation', input: { AssociationId: '{{self.AssociationDescription.AssociationId}}' }, region }],
        });
      }
      if (install === 'yes' && windows.length === 0 && managed.length > 0) {
        const window = step({
          ref: `patch-window-${region}`,
          effect: '+',
          service: 'ssm',
          command: 'CreateMaintenanceWindow',
          input: { Name: 'hipaa-wizard-patch-install', Schedule: schedule, Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false },
          region,
          resource: 'maintenance window hipaa-wizard-patch-install',
          summary: `Create a 3-hour maintenance window in ${region} opening ${schedule}.`,
          reversible: true,
          undo: [{ service: 'ssm', command: 'DeleteMaintenanceWindow', input: { WindowId: '{{self.WindowId}}' }, region }],
        });
        const target = step({
          ref: `patch-window-target-${region}`,
          effect: '+',
          service: 'ssm',
          command: 'RegisterTargetWithMaintenanceWindow',
          input: { WindowId: responseRef(window, 'WindowId'), ResourceType: 'INSTANCE', Name: 'managed-instances', Targets: [{ Key: 'InstanceIds', Values: managed.map((m) => m.id) }] },
          region,
          resource: 'maintenance window hipaa-wizard-patch-install',
          summary: `Target the ${managed.length} managed instance${managed.length === 1 ? '' : 's'} of ${region} in that window.`,
          reversible: true,
          undo: [],
        });
        step({
          effect: '+',
          service: 'ssm',
          command: 'RegisterTaskWithMaintenanceWindow',
          input: {
            WindowId: responseRef(window, 'WindowId'),
            Name: 'install-security-patches',
            TaskArn: 'AWS-RunPatchBaseline',
            TaskType: 'RUN_COMMAND',
            Targets: [{ Key: 'WindowTargetIds', Values: [responseRef(target, 'WindowTargetId')] }],
            TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] } } },
            Priority: 1,
            MaxConcurrency: '1',
            MaxErrors: '1',
          },
          region,
          resource: 'maintenance window hipaa-wizard-patch-install',
          summary: `In that window, install approved patches one instance at a time, rebooting when needed (AWS-RunPatchBaseline, Install).`,
          reversible: true,
          undo: [],
        });
      }
    }
    return actions;
  },
});

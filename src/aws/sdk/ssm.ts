/** SSMClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  SSMClient,
  CreateAssociationCommand,
  CreateMaintenanceWindowCommand,
  CreatePatchBaselineCommand,
  DeleteAssociationCommand,
  DeleteMaintenanceWindowCommand,
  DeletePatchBaselineCommand,
  RegisterDefaultPatchBaselineCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
} from '@aws-sdk/client-ssm';

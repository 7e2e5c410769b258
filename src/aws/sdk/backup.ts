/** BackupClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  BackupClient,
  CreateBackupPlanCommand,
  CreateBackupSelectionCommand,
  CreateBackupVaultCommand,
  DeleteBackupPlanCommand,
  DeleteBackupSelectionCommand,
  DeleteBackupVaultCommand,
} from '@aws-sdk/client-backup';

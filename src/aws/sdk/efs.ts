/** EFSClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  EFSClient,
  PutBackupPolicyCommand,
} from '@aws-sdk/client-efs';

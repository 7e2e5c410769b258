/** RDSClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  RDSClient,
  ModifyDBClusterCommand,
  ModifyDBInstanceCommand,
} from '@aws-sdk/client-rds';

/** SecurityHubClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  SecurityHubClient,
  BatchImportFindingsCommand,
  BatchUpdateFindingsCommand,
  DisableSecurityHubCommand,
  EnableSecurityHubCommand,
} from '@aws-sdk/client-securityhub';

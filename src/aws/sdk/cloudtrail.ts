/** CloudTrailClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  CloudTrailClient,
  CreateTrailCommand,
  DeleteTrailCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';

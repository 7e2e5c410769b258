/** CloudWatchLogsClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteMetricFilterCommand,
  DeleteRetentionPolicyCommand,
  PutMetricFilterCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';

/** CloudWatchClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  CloudWatchClient,
  DeleteAlarmsCommand,
  PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';

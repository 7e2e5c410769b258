/** GuardDutyClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  GuardDutyClient,
  CreateDetectorCommand,
  DeleteDetectorCommand,
  UpdateDetectorCommand,
} from '@aws-sdk/client-guardduty';

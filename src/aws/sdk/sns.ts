/** SNSClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  SNSClient,
  CreateTopicCommand,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';

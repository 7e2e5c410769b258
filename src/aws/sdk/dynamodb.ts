/** DynamoDBClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

/** S3ControlClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  S3ControlClient,
  DeletePublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3-control';

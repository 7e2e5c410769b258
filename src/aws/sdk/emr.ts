/** EMRClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  EMRClient,
  PutBlockPublicAccessConfigurationCommand,
} from '@aws-sdk/client-emr';

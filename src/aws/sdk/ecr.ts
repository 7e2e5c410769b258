/** ECRClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  ECRClient,
  PutImageScanningConfigurationCommand,
} from '@aws-sdk/client-ecr';

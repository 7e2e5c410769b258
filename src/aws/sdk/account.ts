/** AccountClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  AccountClient,
  DeleteAlternateContactCommand,
  PutAlternateContactCommand,
} from '@aws-sdk/client-account';

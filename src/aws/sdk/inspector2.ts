/** Inspector2Client and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  Inspector2Client,
  DisableCommand,
  EnableCommand,
} from '@aws-sdk/client-inspector2';

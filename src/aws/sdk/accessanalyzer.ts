/** AccessAnalyzerClient and the commands plans send to it (listed in src/aws/sdk-commands.ts, which says why). */
export {
  AccessAnalyzerClient,
  CreateAnalyzerCommand,
  DeleteAnalyzerCommand,
} from '@aws-sdk/client-accessanalyzer';

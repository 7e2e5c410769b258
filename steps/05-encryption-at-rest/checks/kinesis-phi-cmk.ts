import { defineCheck } from '../../../src/engine/define.js';
import { phiCmkCheck } from '../phi-cmk.js';

export default defineCheck(
  phiCmkCheck({
    id: 'kinesis-phi-cmk',
    key: 'messaging.kinesisStreams',
    noun: 'Kinesis stream',
    title: 'Kinesis streams tagged as carrying ePHI are encrypted with a key you manage',
    why: 'A data stream keeps every record for its retention period; without server-side encryption under your own KMS key those records sit unencrypted or under a key you cannot restrict.',
    permissions: ['kinesis:ListStreams', 'kinesis:DescribeStreamSummary', 'kinesis:ListTagsForStream'],
  }),
);

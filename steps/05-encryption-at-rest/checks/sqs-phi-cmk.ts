import { defineCheck } from '../../../src/engine/define.js';
import { phiCmkCheck } from '../phi-cmk.js';

export default defineCheck(
  phiCmkCheck({
    id: 'sqs-phi-cmk',
    key: 'messaging.sqsQueues',
    noun: 'SQS queue',
    title: 'SQS queues tagged as carrying ePHI are encrypted with a key you manage',
    why: 'Queued messages can stay for up to 14 days; SQS-managed encryption protects the disks but not against anyone allowed to read the queue, while your own KMS key adds a policy you control and a record of every decrypt.',
    permissions: ['sqs:ListQueues', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags'],
  }),
);

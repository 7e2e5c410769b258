import { defineCheck } from '../../../src/engine/define.js';
import { phiCmkCheck } from '../phi-cmk.js';

export default defineCheck(
  phiCmkCheck({
    id: 'sns-phi-cmk',
    key: 'messaging.snsTopics',
    noun: 'SNS topic',
    title: 'SNS topics tagged as carrying ePHI are encrypted with a key you manage',
    why: 'Messages wait in a topic until delivered; without server-side encryption under your own key, notifications that mention patients are stored readable to anyone with SNS access.',
    permissions: ['sns:ListTopics', 'sns:GetTopicAttributes', 'sns:ListTagsForResource'],
  }),
);

import { defineCheck } from '../../../src/engine/define.js';
import { cisAlarm } from '../alarm-watch.js';

export default defineCheck(
  cisAlarm({
    id: 'alarm-s3-policy-changes',
    label: 'S3 bucket policy changes',
    title: 'An alarm fires on S3 bucket policy changes',
    cis: '4.8',
    why: 'One changed bucket policy can make a bucket of patient files public; an alarm lets someone review every change at once',
    test: (p) => /PutBucketPolicy/.test(p) && /DeleteBucketPolicy/.test(p),
  }),
);

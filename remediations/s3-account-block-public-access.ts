/**
 * Turns on all four S3 Block Public Access settings for the whole account (every bucket, every
 * region, including buckets created later). A website or file share that relies on public access
 * stops working at once, hence the typed confirmation. Undo puts the previous settings back.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlannedCall } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import { fullBlock } from '../src/rules/network.js';
import { BLOCK_ALL } from './lib/s3.js';

export default defineRemediation({
  id: 's3-account-block-public-access',
  title: 'Block public access to S3 for the whole account',
  fixes: ['s3-account-public-access'],
  permissions: ['s3:PutAccountPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
  notes: ['Anything served publicly from S3 (a static website, shared downloads) stops being reachable; CloudFront with origin access control keeps working.'],
  plan(state) {
    const current = read(state, 's3control.publicAccessBlock');
    if (fullBlock(current)) return [];
    const AccountId = state.identity.accountId;
    const region = state.homeRegion;
    const undo: PlannedCall[] = current
      ? [
          {
            service: 's3control',
            command: 'PutPublicAccessBlock',
            input: {
              AccountId,
              PublicAccessBlockConfiguration: {
                BlockPublicAcls: current.blockPublicAcls,
                IgnorePublicAcls: current.ignorePublicAcls,
                BlockPublicPolicy: current.blockPublicPolicy,
                RestrictPublicBuckets: current.restrictPublicBuckets,
              },
            },
            region,
          },
        ]
      : [{ service: 's3control', command: 'DeletePublicAccessBlock', input: { AccountId }, region }];
    return [
      {
        effect: current ? '~' : '+',
        service: 's3control',
        command: 'PutPublicAccessBlock',
        input: { AccountId, PublicAccessBlockConfiguration: BLOCK_ALL },
        region,
        resource: `account ${AccountId} S3 Block Public Access`,
        summary: `Block every form of public access to S3 buckets in account ${AccountId}, in all regions.`,
        reversible: true,
        undo,
      },
    ];
  },
});

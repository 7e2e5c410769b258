/**
 * Turns on all four Block Public Access settings on each bucket that does not block public access
 * itself and is not covered by the account-wide setting. A bucket that serves files publicly stops
 * doing so, hence the typed confirmation. Undo puts each bucket's previous settings back.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import { globalSlice } from '../src/engine/state.js';
import { fullBlock } from '../src/rules/network.js';
import { BLOCK_ALL } from './lib/s3.js';

export default defineRemediation({
  id: 's3-bucket-block-public-access',
  title: 'Block public access on each bucket',
  fixes: ['s3-bucket-public-access'],
  leavesAlone: ['buckets already covered by the account-wide setting'],
  permissions: ['s3:PutBucketPublicAccessBlock'],
  notes: ['A bucket that serves a website or public downloads stops being reachable from the internet.'],
  plan(state, { failing }) {
    // One scope rule: only the buckets the check failed.
    const failed = new Set(failing('s3-bucket-public-access').map((r) => r.id));
    const account = globalSlice(state, 's3control.publicAccessBlock');
    if (account.ok && fullBlock(account.value)) return [];
    const actions: PlanAction[] = [];
    for (const b of read(state, 's3.buckets')) {
      if (!failed.has(b.arn) || !b.publicAccessBlock.ok || fullBlock(b.publicAccessBlock.value)) continue;
      const p = b.publicAccessBlock.value;
      actions.push({
        effect: p ? '~' : '+',
        service: 's3',
        command: 'PutPublicAccessBlock',
        input: { Bucket: b.name, PublicAccessBlockConfiguration: BLOCK_ALL },
        region: b.region,
        resource: `bucket ${b.name}`,
        summary: `Block every form of public access to ${b.name} in ${b.region}.`,
        reversible: true,
        undo: p
          ? [
              {
                service: 's3',
                command: 'PutPublicAccessBlock',
                input: {
                  Bucket: b.name,
                  PublicAccessBlockConfiguration: {
                    BlockPublicAcls: p.blockPublicAcls,
                    IgnorePublicAcls: p.ignorePublicAcls,
                    BlockPublicPolicy: p.blockPublicPolicy,
                    RestrictPublicBuckets: p.restrictPublicBuckets,
                  },
                },
                region: b.region,
              },
            ]
          : [{ service: 's3', command: 'DeletePublicAccessBlock', input: { Bucket: b.name }, region: b.region }],
      });
    }
    return actions;
  },
});

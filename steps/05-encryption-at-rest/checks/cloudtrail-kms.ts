import { defineCheck } from '../../../src/engine/define.js';
import { failed, listNames, summarize, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';

export default defineCheck({
  id: 'cloudtrail-kms',
  title: 'CloudTrail logs are encrypted with a KMS key',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d', '09.ab'],
  needs: { regional: ['cloudtrail.trails'] },
  why: 'Trail logs name every resource and principal in the account; with SSE-KMS, reading them also needs permission on the key, which keeps them from anyone who merely can read the bucket.',
  evaluate(state) {
    const { trails, unreadable } = allTrails(state);
    if (trails.length === 0 && unreadable.length === 0) return failed(`No CloudTrail trail exists in ${state.regions.join(', ')}, so there are no trail logs to encrypt.`);
    const resources = [
      ...unreadable,
      ...trails.map((t) => ({
        id: t.arn,
        region: t.homeRegion,
        status: t.kmsKeyId ? ('pass' as const) : ('fail' as const),
        detail: t.kmsKeyId ? `Trail ${t.name} (home ${t.homeRegion}) encrypts its logs with ${t.kmsKeyId}.` : `Trail ${t.name} (home ${t.homeRegion}) relies on the bucket's default encryption, not a KMS key.`,
      })),
    ];
    return summarize(resources, {
      pass: (n) => `Every trail encrypts its logs with a KMS key (${plural(n, 'trail')} checked).`,
      fail: (f) => `${listNames(f.map((r) => `Trail ${r.id.split('/').pop()} (home ${r.region})`))} ${f.length === 1 ? 'does' : 'do'} not encrypt logs with a KMS key.`,
    });
  },
});

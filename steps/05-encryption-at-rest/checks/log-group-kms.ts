import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'log-group-kms',
  title: 'Log groups are encrypted with a KMS key',
  severity: 'low',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d', '09.ab'],
  needs: { regional: ['logs.logGroups'] },
  why: 'Application logs often capture patient names or identifiers by accident; a KMS key on the log group limits who can read them to those allowed to use the key.',
  evaluate(state) {
    const resources = perRegion(state, 'logs.logGroups', (groups, region) =>
      groups.map((g) => ({
        id: g.arn || g.name,
        region,
        status: g.kmsKeyId ? ('pass' as const) : ('fail' as const),
        detail: g.kmsKeyId ? `Log group ${g.name} in ${region} is encrypted with ${g.kmsKeyId}.` : `Log group ${g.name} in ${region} uses only CloudWatch's default encryption.`,
      })),
    );
    return summarize(resources, {
      pass: (n) => `Every log group is encrypted with a KMS key (${plural(n, 'log group')} checked).`,
      fail: (f) => `${f.length} log group${f.length === 1 ? ' is' : 's are'} not encrypted with a KMS key: ${listNames(f.map((r) => r.detail.replace(/^Log group (\S+) in (\S+) .*$/, '$1 ($2)')))}.`,
      none: `There are no log groups in ${state.regions.join(', ')}.`,
    });
  },
});

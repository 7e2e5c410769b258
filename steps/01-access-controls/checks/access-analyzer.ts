import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

/** Analyzer types that look for access from outside (the unused- and internal-access types do not). */
const EXTERNAL_ACCESS_TYPES = ['ACCOUNT', 'ORGANIZATION'];

export default defineCheck({
  id: 'access-analyzer',
  title: 'IAM Access Analyzer watches every region for outside access',
  severity: 'medium',
  hipaa: { section: '164.308(a)(4)', obligation: 'required' },
  hitrust: ['01.c', '01.j'],
  needs: { regional: ['accessanalyzer.analyzers'] },
  why: 'A bucket, key or role shared with another account or the whole internet is easy to miss by reading policies; Access Analyzer finds such grants for free, but only in the regions where it runs.',
  evaluate(state) {
    const account = state.identity.accountId;
    const resources = perRegion(state, 'accessanalyzer.analyzers', (analyzers, region) => {
      const active = analyzers.filter((a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.includes(a.type));
      const first = active[0];
      if (first) return [{ id: first.arn, region, status: 'pass', detail: `Region ${region}: analyzer ${first.name} (${first.type}) is active.` }];
      const other = analyzers.length > 0 ? ` (${listNames(analyzers.map((a) => `${a.name}: ${a.type} ${a.status}`))})` : '';
      return [{ id: `region ${region}`, region, status: 'fail', detail: `Region ${region}: no active external-access analyzer${other}.` }];
    });
    return summarize(resources, {
      pass: (n) => `Account ${account} has an active IAM Access Analyzer in all ${plural(n, 'scanned region')}.`,
      fail: (bad) => `Account ${account} has no active IAM Access Analyzer in ${listNames(bad.map((r) => r.region ?? r.id), 5)}.`,
    });
  },
});

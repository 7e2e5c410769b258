import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, readIn, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'external-access-candidates',
  title: 'Outside accounts that can reach your resources are known business associates',
  severity: 'medium',
  hipaa: { section: '164.308(b)(1)', obligation: 'required' },
  hitrust: ['05.i', '09.e'],
  needs: { regional: ['accessanalyzer.analyzers', 'accessanalyzer.findings'] },
  why: 'An outside AWS account that can read your buckets, keys or roles can reach ePHI; if that account belongs to a vendor, the vendor is a business associate and needs a BAA. Record a decision for each one you have reviewed.',
  evaluate(state) {
    const resources = perRegion(state, 'accessanalyzer.findings', (findings, region): ResourceResult[] => {
      const analyzers = readIn(state, 'accessanalyzer.analyzers', region).filter((a) => a.status === 'ACTIVE');
      if (analyzers.length === 0) {
        return [{ id: `Access Analyzer in ${region}`, region, status: 'unknown', detail: `No active Access Analyzer in ${region}, so outside access there is not known.` }];
      }
      const external = findings.filter((f) => !f.isPublic);
      if (external.length === 0) return [{ id: `Access Analyzer in ${region}`, region, status: 'pass', detail: `No outside account can reach a resource in ${region}.` }];
      return external.map((f) => {
        const who = Object.entries(f.principal)
          .map(([k, v]) => (k === 'AWS' ? `account ${v.replace(/^arn:aws:iam::(\d+):.*$/, '$1')}` : `${k} ${v}`))
          .join(', ');
        return { id: f.resource, region, status: 'fail' as const, detail: `${who} can reach ${f.resourceType} ${f.resource.split(/[:/]/).pop()} in ${region}.` };
      });
    });
    return summarize(resources, {
      pass: () => `Access Analyzer sees no outside account reaching your resources in ${state.regions.join(', ')}.`,
      fail: (bad) =>
        `${plural(bad.length, 'resource')} can be reached from outside the account; each outside party is a candidate business associate: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'cloudfront-viewer-https',
  title: 'CloudFront distributions require HTTPS from viewers',
  severity: 'high',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { global: ['cloudfront.distributions'] },
  why: 'A behaviour set to allow-all serves pages and accepts form posts over plain HTTP; redirect-to-https or https-only keeps every viewer on TLS.',
  evaluate(state) {
    const resources = read(state, 'cloudfront.distributions').map((d) => {
      const open = d.viewerPolicies.filter((p) => p.policy === 'allow-all');
      const name = `${d.id} (${d.aliases[0] ?? d.domainName})`;
      return {
        id: d.arn,
        region: 'global',
        status: open.length ? ('fail' as const) : ('pass' as const),
        detail: open.length
          ? `Distribution ${name} (global) serves plain HTTP for path${open.length === 1 ? '' : 's'} ${open.map((p) => p.path).join(', ')}.`
          : `Distribution ${name} (global) redirects or refuses plain HTTP.`,
      };
    });
    return summarize(resources, {
      pass: (n) => `Every CloudFront distribution requires HTTPS from viewers (${plural(n, 'distribution')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2) + '.',
      none: 'The account has no CloudFront distributions.',
    });
  },
});

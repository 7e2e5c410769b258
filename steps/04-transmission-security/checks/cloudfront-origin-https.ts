import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { OLD_PROTOCOLS } from '../../../src/rules/tls.js';

export default defineCheck({
  id: 'cloudfront-origin-https',
  title: 'CloudFront reaches custom origins over modern TLS',
  severity: 'medium',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  needs: { global: ['cloudfront.distributions'] },
  why: 'HTTPS between viewer and CloudFront protects only the first half of the trip; an http-only origin sends the same data on to the server in clear text.',
  evaluate(state) {
    const resources = read(state, 'cloudfront.distributions').flatMap((d) =>
      d.origins
        .filter((o) => o.protocolPolicy !== null)
        .map((o) => {
          const viewerHttp = d.viewerPolicies.some((p) => p.policy === 'allow-all');
          const old = o.sslProtocols.filter((p) => OLD_PROTOCOLS.has(p));
          const gaps: string[] = [];
          if (o.protocolPolicy === 'http-only') gaps.push('connects over plain HTTP');
          else if (o.protocolPolicy === 'match-viewer' && viewerHttp) gaps.push('uses plain HTTP whenever a viewer does');
          if (o.protocolPolicy !== 'http-only' && old.length > 0 && !o.sslProtocols.includes('TLSv1.2')) gaps.push(`offers only ${old.join(', ')}`);
          const label = `Origin ${o.id} (${o.domainName}) of distribution ${d.id} (global)`;
          return {
            id: `${d.arn}/origin/${o.id}`,
            region: 'global',
            status: gaps.length ? ('fail' as const) : ('pass' as const),
            detail: gaps.length ? `${label} ${gaps.join(' and ')}.` : `${label} is reached over HTTPS.`,
          };
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every custom origin is reached over HTTPS (${plural(n, 'origin')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2) + '.',
      none: 'No CloudFront distribution has a custom (non-S3) origin.',
    });
  },
});

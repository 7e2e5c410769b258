import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, plural } from '../../../src/engine/outcome.js';
import { isModernCloudFront } from '../../../src/rules/tls.js';

export default defineCheck({
  id: 'cloudfront-min-tls',
  title: 'CloudFront distributions refuse TLS older than 1.2',
  severity: 'medium',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { global: ['cloudfront.distributions'] },
  why: 'The viewer certificate’s security policy sets the oldest TLS version viewers may use; with the default *.cloudfront.net certificate CloudFront still accepts TLS 1.0.',
  evaluate(state) {
    const resources = read(state, 'cloudfront.distributions').map((d) => {
      const name = `${d.id} (${d.aliases[0] ?? d.domainName})`;
      const ok = !d.defaultCertificate && isModernCloudFront(d.minimumProtocolVersion);
      return {
        id: d.arn,
        region: 'global',
        status: ok ? ('pass' as const) : ('fail' as const),
        detail: ok
          ? `Distribution ${name} (global) requires ${d.minimumProtocolVersion}.`
          : d.defaultCertificate
            ? `Distribution ${name} (global) uses the default CloudFront certificate, which accepts TLS 1.0.`
            : `Distribution ${name} (global) allows ${d.minimumProtocolVersion ?? 'an unknown minimum'}, older than TLS 1.2.`,
      };
    });
    return summarize(resources, {
      pass: (n) => `Every CloudFront distribution requires TLS 1.2 or newer (${plural(n, 'distribution')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail.replace(/\.$/, '')), 2) + '.',
      none: 'The account has no CloudFront distributions.',
    });
  },
});

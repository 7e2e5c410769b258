import { defineCheck } from '../../../src/engine/define.js';
import { daysBetween, listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'acm-cert-expiry',
  title: 'TLS certificates are not about to expire',
  severity: 'high',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['06.d'],
  needs: { regional: ['acm.certificates'] },
  why: 'An expired certificate either takes the portal down or, worse, trains staff and patients to click through browser warnings, which is exactly what an attacker needs.',
  evaluate(state, { now, settings }) {
    const min = settings.certExpiryDays;
    const resources = perRegion(state, 'acm.certificates', (certs, region) =>
      certs
        .filter((c) => c.notAfter && (c.status === 'ISSUED' || (c.status === 'EXPIRED' && c.inUse)))
        .map((c) => {
          const left = daysBetween(now, c.notAfter!);
          const use = c.inUse ? 'in use' : 'not in use';
          return {
            id: c.arn,
            region,
            status: left < min ? ('fail' as const) : ('pass' as const),
            detail:
              left < 0
                ? `Certificate for ${c.domain} in ${region} (${use}) expired ${-left} days ago.`
                : `Certificate for ${c.domain} in ${region} (${use}, ${c.type === 'IMPORTED' ? 'imported, never renewed by ACM' : c.type.toLowerCase()}) expires in ${left} days.`,
          };
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every certificate is valid for at least ${min} more days (${plural(n, 'certificate')} checked).`,
      fail: (f) => `${f.length} certificate${f.length === 1 ? '' : 's'} expire${f.length === 1 ? 's' : ''} within ${min} days or already did: ${listNames(f.map((r) => r.detail.replace(/^Certificate for /, '').replace(/\.$/, '')), 2)}.`,
      none: `There are no issued ACM certificates in ${state.regions.join(', ')}.`,
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'opensearch-https-tls12',
  title: 'OpenSearch domains require HTTPS with TLS 1.2 or later',
  severity: 'medium',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['06.d', '09.m'],
  permissions: ['es:ListDomainNames', 'es:DescribeDomains'],
  needs: { regional: ['opensearch.domains'] },
  why: 'Unless the domain enforces HTTPS with a TLS 1.2 policy, clients may query it over plain HTTP or old TLS versions, exposing searches and the records they return.',
  evaluate(state) {
    return eachResource(state, {
      key: 'opensearch.domains',
      noun: 'OpenSearch domain',
      id: (d) => d.arn,
      name: (d) => d.name,
      judge: (d, region) => {
        if (!d.enforceHttps) return fail(`OpenSearch domain ${d.name} in ${region} accepts plain HTTP requests.`);
        if (!d.tlsPolicy || /TLS-1-0/.test(d.tlsPolicy)) return fail(`OpenSearch domain ${d.name} in ${region} enforces HTTPS but still accepts TLS 1.0 and 1.1 (policy ${d.tlsPolicy ?? 'not set'}).`);
        return pass(`OpenSearch domain ${d.name} in ${region} requires HTTPS with policy ${d.tlsPolicy}.`);
      },
      pass: (n) => `${eachOf(n, 'OpenSearch domain')} requires HTTPS with TLS 1.2 or later.`,
      fail: (names, n) => `${counted(n, 'OpenSearch domain', 'accepts', 'accept')} plain HTTP or TLS older than 1.2: ${names}.`,
      none: 'The scanned regions have no OpenSearch domains.',
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'apigw-tls12',
  title: 'API Gateway custom domains require TLS 1.2 or later',
  severity: 'medium',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['06.d', '09.m'],
  permissions: ['apigateway:GET'],
  needs: { regional: ['apigateway.domains'] },
  why: 'A custom domain with security policy TLS_1_0 still accepts TLS 1.0 and 1.1, which no longer protect data in transit adequately.',
  evaluate(state) {
    return eachResource(state, {
      key: 'apigateway.domains',
      noun: 'API custom domain',
      id: (d) => d.name,
      name: (d) => d.name,
      judge: (d, region) =>
        !d.securityPolicy || d.securityPolicy === 'TLS_1_0'
          ? fail(`API custom domain ${d.name} in ${region} accepts TLS 1.0 (security policy ${d.securityPolicy ?? 'not set'}).`)
          : pass(`API custom domain ${d.name} in ${region} uses security policy ${d.securityPolicy}.`),
      pass: (n) => `${eachOf(n, 'API Gateway custom domain')} requires TLS 1.2 or later.`,
      fail: (names, n) => `${counted(n, 'API Gateway custom domain', 'still accepts', 'still accept')} TLS 1.0: ${names}.`,
      none: 'The scanned regions have no API Gateway custom domains.',
    });
  },
});

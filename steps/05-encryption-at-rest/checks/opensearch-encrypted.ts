import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'opensearch-encrypted',
  title: 'OpenSearch domains are encrypted at rest',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['es:ListDomainNames', 'es:DescribeDomains'],
  needs: { regional: ['opensearch.domains'] },
  why: 'Search indexes copy the documents they index; without encryption at rest, indexed patient records sit readable on disk and in automated snapshots.',
  evaluate(state) {
    return eachResource(state, {
      key: 'opensearch.domains',
      noun: 'OpenSearch domain',
      id: (d) => d.arn,
      name: (d) => d.name,
      judge: (d, region) =>
        d.encryptionAtRest ? pass(`OpenSearch domain ${d.name} in ${region} is encrypted at rest.`) : fail(`OpenSearch domain ${d.name} in ${region} is not encrypted at rest.`),
      pass: (n) => `${eachOf(n, 'OpenSearch domain')} is encrypted at rest.`,
      fail: (names, n) => `${counted(n, 'OpenSearch domain')} not encrypted at rest: ${names}.`,
      none: 'The scanned regions have no OpenSearch domains.',
    });
  },
});

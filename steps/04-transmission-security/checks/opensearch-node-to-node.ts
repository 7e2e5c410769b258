import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'opensearch-node-to-node',
  title: 'OpenSearch domains encrypt traffic between their nodes',
  severity: 'medium',
  hipaa: { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  hitrust: ['06.d', '09.m'],
  permissions: ['es:ListDomainNames', 'es:DescribeDomains'],
  needs: { regional: ['opensearch.domains'] },
  why: 'Nodes of a domain pass documents to each other as they index and search; without node-to-node encryption those copies cross the network in clear text.',
  evaluate(state) {
    return eachResource(state, {
      key: 'opensearch.domains',
      noun: 'OpenSearch domain',
      id: (d) => d.arn,
      name: (d) => d.name,
      judge: (d, region) =>
        d.nodeToNode
          ? pass(`OpenSearch domain ${d.name} in ${region} encrypts traffic between its nodes.`)
          : fail(`OpenSearch domain ${d.name} in ${region} sends data between its nodes unencrypted.`),
      pass: (n) => `${eachOf(n, 'OpenSearch domain')} encrypts traffic between its nodes.`,
      fail: (names, n) => `${counted(n, 'OpenSearch domain', 'sends', 'send')} data between nodes unencrypted: ${names}.`,
      none: 'The scanned regions have no OpenSearch domains.',
    });
  },
});

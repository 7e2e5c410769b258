import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'opensearch-in-vpc',
  title: 'OpenSearch domains live inside a VPC',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['es:ListDomainNames', 'es:DescribeDomains'],
  needs: { regional: ['opensearch.domains'] },
  why: 'A domain with a public endpoint is reachable from anywhere on the internet and protected only by its access policy; inside a VPC, security groups and private subnets keep it off the internet.',
  evaluate(state) {
    return eachResource(state, {
      key: 'opensearch.domains',
      noun: 'OpenSearch domain',
      id: (d) => d.arn,
      name: (d) => d.name,
      judge: (d, region) =>
        d.vpcId ? pass(`OpenSearch domain ${d.name} in ${region} lives in VPC ${d.vpcId}.`) : fail(`OpenSearch domain ${d.name} in ${region} has a public endpoint outside any VPC.`),
      pass: (n) => `${eachOf(n, 'OpenSearch domain')} lives inside a VPC.`,
      fail: (names, n) => `${counted(n, 'OpenSearch domain')} with a public endpoint outside a VPC: ${names}.`,
      none: 'The scanned regions have no OpenSearch domains.',
    });
  },
});

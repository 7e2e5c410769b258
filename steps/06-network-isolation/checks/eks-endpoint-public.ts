import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'eks-endpoint-public',
  title: 'EKS cluster endpoints are private or limited to known addresses',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['eks:ListClusters', 'eks:DescribeCluster'],
  needs: { regional: ['analytics.eksClusters'] },
  why: 'A Kubernetes API endpoint open to 0.0.0.0/0 lets anyone on the internet try credentials against the cluster that runs your workloads; a private endpoint or a short address list closes that door.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.eksClusters',
      noun: 'EKS cluster',
      id: (r) => r.arn,
      name: (r) => r.name,
      judge: (r, region) => !r.endpointPublic ? pass(`EKS cluster ${r.name} in ${region} has a private endpoint only.`) : r.publicCidrs.length === 0 || r.publicCidrs.includes("0.0.0.0/0") ? fail(`EKS cluster ${r.name} in ${region} has a public endpoint open to the whole internet.`) : pass(`EKS cluster ${r.name} in ${region} has a public endpoint limited to ${r.publicCidrs.join(", ")}.`),
      pass: (n) => `${eachOf(n, 'EKS cluster')} has a private endpoint or one limited to known addresses.`,
      fail: (names, n) => `${counted(n, 'EKS cluster', 'has', 'have')} an endpoint open to the whole internet: ${names}.`,
      none: 'The scanned regions have no EKS clusters.',
    });
  },
});

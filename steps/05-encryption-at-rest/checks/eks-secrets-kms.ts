import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'eks-secrets-kms',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['eks:ListClusters', 'eks:DescribeCluster'],
  needs: { regional: ['analytics.eksClusters'] },
  why: 'Kubernetes secrets hold database passwords and API keys; envelope encryption with your KMS key keeps them unreadable to anyone who gets at the cluster data store.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.eksClusters',
      noun: 'EKS cluster',
      id: (r) => r.arn,
      name: (r) => r.name,
      judge: (r, region) => r.secretsEncrypted ? pass(`EKS cluster ${r.name} in ${region} encrypts its secrets with a KMS key.`) : fail(`EKS cluster ${r.name} in ${region} does not encrypt Kubernetes secrets with a KMS key.`),
      pass: (n) => `${eachOf(n, 'EKS cluster')} encrypts Kubernetes secrets with a KMS key.`,
      fail: (names, n) => `${counted(n, 'EKS cluster', 'does', 'do')} not encrypt secrets with a KMS key: ${names}.`,
      none: 'The scanned regions have no EKS clusters.',
    });
  },
});

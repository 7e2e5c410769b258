import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'sagemaker-notebook-kms',
  title: 'SageMaker notebook instances encrypt their storage with a KMS key',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance'],
  needs: { regional: ['analytics.sagemakerNotebooks'] },
  why: 'The storage volume of a notebook holds the datasets and results people work on; without a KMS key you choose, you cannot restrict or audit who decrypts it.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.sagemakerNotebooks',
      noun: 'SageMaker notebook instance',
      id: (r) => r.arn,
      name: (r) => r.name,
      judge: (r, region) => r.kmsKeyId ? pass(`SageMaker notebook instance ${r.name} in ${region} encrypts its volume with key ${r.kmsKeyId}.`) : fail(`SageMaker notebook instance ${r.name} in ${region} names no KMS key for its storage volume.`),
      pass: (n) => `${eachOf(n, 'SageMaker notebook instance')} encrypts its storage with a KMS key.`,
      fail: (names, n) => `${counted(n, 'SageMaker notebook instance', 'names', 'name')} no KMS key for its storage: ${names}.`,
      none: 'The scanned regions have no SageMaker notebook instances.',
    });
  },
});

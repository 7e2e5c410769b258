import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'sagemaker-direct-internet',
  title: 'SageMaker notebook instances have no direct internet access',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance'],
  needs: { regional: ['analytics.sagemakerNotebooks'] },
  why: 'A notebook with direct internet access can send the data scientists load into it, patient records included, anywhere on the internet without passing your VPC controls.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.sagemakerNotebooks',
      noun: 'SageMaker notebook instance',
      id: (r) => r.arn,
      name: (r) => r.name,
      judge: (r, region) => r.directInternetAccess ? fail(`SageMaker notebook instance ${r.name} in ${region} has direct internet access.`) : pass(`SageMaker notebook instance ${r.name} in ${region} reaches the network only through its VPC.`),
      pass: (n) => `${eachOf(n, 'SageMaker notebook instance')} has no direct internet access.`,
      fail: (names, n) => `${counted(n, 'SageMaker notebook instance', 'has', 'have')} direct internet access: ${names}.`,
      none: 'The scanned regions have no SageMaker notebook instances.',
    });
  },
});

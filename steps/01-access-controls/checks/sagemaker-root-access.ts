import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'sagemaker-root-access',
  title: 'SageMaker notebook users do not have root access',
  severity: 'low',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.c'],
  permissions: ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance'],
  needs: { regional: ['analytics.sagemakerNotebooks'] },
  why: 'With root access a notebook user can change the instance itself: install software, read the files of other users and turn off the controls that keep data in place.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.sagemakerNotebooks',
      noun: 'SageMaker notebook instance',
      id: (r) => r.arn,
      name: (r) => r.name,
      judge: (r, region) => r.rootAccess ? fail(`SageMaker notebook instance ${r.name} in ${region} gives its users root access.`) : pass(`SageMaker notebook instance ${r.name} in ${region} gives its users no root access.`),
      pass: (n) => `${eachOf(n, 'SageMaker notebook instance')} gives its users no root access.`,
      fail: (names, n) => `${counted(n, 'SageMaker notebook instance', 'gives', 'give')} users root access: ${names}.`,
      none: 'The scanned regions have no SageMaker notebook instances.',
    });
  },
});

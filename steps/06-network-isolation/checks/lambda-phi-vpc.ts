import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';
import { isPhi, phiTagPhrase } from '../../../src/engine/phi.js';

export default defineCheck({
  id: 'lambda-phi-vpc',
  title: 'Lambda functions tagged as handling ePHI run inside a VPC',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['lambda:ListFunctions', 'lambda:ListTags'],
  needs: { regional: ['lambdaaccess.functions'] },
  why: 'A function outside a VPC reaches the internet directly; inside a VPC its traffic to databases and other services goes through your subnets, security groups, flow logs and endpoints.',
  evaluate(state, { settings }) {
    return eachResource(state, {
      key: 'lambdaaccess.functions',
      noun: 'Lambda function',
      id: (f) => f.arn,
      name: (f) => f.name,
      judge: (f, region) =>
        given(f.tags, (tags) => {
          if (!isPhi(tags, settings)) return null;
          return f.vpcId
            ? pass(`Lambda function ${f.name} in ${region} runs in VPC ${f.vpcId}.`)
            : fail(`Lambda function ${f.name} in ${region} is tagged as handling ePHI but runs outside any VPC.`);
        }),
      pass: (n) => `${eachOf(n, 'Lambda function tagged as handling ePHI', 'Lambda functions tagged as handling ePHI')} runs inside a VPC.`,
      fail: (names, n) => `${counted(n, 'Lambda function')} tagged as handling ePHI but running outside a VPC: ${names}.`,
      none: `No Lambda function in the scanned regions is tagged as handling ePHI (${phiTagPhrase(settings)}).`,
    });
  },
});

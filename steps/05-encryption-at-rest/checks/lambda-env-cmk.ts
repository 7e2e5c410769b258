import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';
import { isPhi, phiTagPhrase } from '../../../src/engine/phi.js';

export default defineCheck({
  id: 'lambda-env-cmk',
  title: 'Environment variables of ePHI Lambda functions are encrypted with a key you manage',
  severity: 'low',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['lambda:ListFunctions', 'lambda:ListTags'],
  needs: { regional: ['lambdaaccess.functions'] },
  why: 'Lambda encrypts environment variables with an AWS managed key that anyone allowed to read the function can decrypt; a customer managed key lets you restrict and log who reads connection strings and tokens.',
  evaluate(state, { settings }) {
    return eachResource(state, {
      key: 'lambdaaccess.functions',
      noun: 'Lambda function',
      id: (f) => f.arn,
      name: (f) => f.name,
      judge: (f, region) =>
        given(f.tags, (tags) => {
          if (!isPhi(tags, settings) || !f.hasEnvironment) return null;
          return f.kmsKeyArn
            ? pass(`Lambda function ${f.name} in ${region} encrypts its environment variables with key ${f.kmsKeyArn}.`)
            : fail(`Lambda function ${f.name} in ${region} handles ePHI and encrypts its environment variables only with the AWS managed key.`);
        }),
      pass: (n) => `${eachOf(n, 'ePHI Lambda function with environment variables', 'ePHI Lambda functions with environment variables')} encrypts them with a customer managed key.`,
      fail: (names, n) => `${counted(n, 'ePHI Lambda function', 'encrypts', 'encrypt')} environment variables only with the AWS managed key: ${names}.`,
      none: `No Lambda function tagged as handling ePHI (${phiTagPhrase(settings)}) has environment variables in the scanned regions.`,
    });
  },
});

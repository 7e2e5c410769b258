import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'lambda-url-auth',
  title: 'No Lambda function URL answers without authentication',
  severity: 'high',
  hipaa: { section: '164.312(d)', obligation: 'required' },
  hitrust: ['01.c', '01.q'],
  permissions: ['lambda:ListFunctions', 'lambda:ListFunctionUrlConfigs'],
  needs: { regional: ['lambdaaccess.functions'] },
  why: 'A function URL with auth type NONE is a public HTTPS endpoint: anyone who finds the address can call the function, with no identity checked and no record of who they were.',
  evaluate(state) {
    return eachResource(state, {
      key: 'lambdaaccess.functions',
      noun: 'Lambda function',
      id: (f) => f.arn,
      name: (f) => f.name,
      judge: (f, region) =>
        given(f.urls, (urls) => {
          if (urls.length === 0) return null;
          const open = urls.filter((u) => u.authType === 'NONE');
          return open.length
            ? fail(`Lambda function ${f.name} in ${region} has function URL ${open.map((u) => u.url).join(', ')} with auth type NONE: anyone on the internet can invoke it.`)
            : pass(`Lambda function ${f.name} in ${region} has a function URL that requires IAM authentication.`);
        }),
      pass: (n) => `${eachOf(n, 'Lambda function URL')} requires IAM authentication.`,
      fail: (names, n) => `${counted(n, 'Lambda function')} reachable through a function URL with no authentication: ${names}.`,
      none: 'No Lambda function in the scanned regions has a function URL.',
    });
  },
});

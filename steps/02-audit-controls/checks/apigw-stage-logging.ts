import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'apigw-stage-logging',
  title: 'Every API Gateway stage logs its requests',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  permissions: ['apigateway:GET'],
  needs: { regional: ['apigateway.stages'] },
  why: 'An API is often the front door to patient data; execution or access logs record each call with its caller, time and result, so misuse can be traced.',
  evaluate(state) {
    return eachResource(state, {
      key: 'apigateway.stages',
      noun: 'API stage',
      id: (s) => s.arn,
      name: (s) => `${s.apiName}/${s.stageName}`,
      judge: (s, region) => {
        const exec = s.executionLogging && s.executionLogging !== 'OFF';
        if (exec || s.accessLogging) {
          return pass(`${s.kind} API ${s.apiName} stage ${s.stageName} in ${region} writes ${[exec ? 'execution logs' : '', s.accessLogging ? 'access logs' : ''].filter(Boolean).join(' and ')}.`);
        }
        return fail(`${s.kind} API ${s.apiName} stage ${s.stageName} in ${region} writes neither execution nor access logs.`);
      },
      pass: (n) => `${eachOf(n, 'API Gateway stage')} logs its requests.`,
      fail: (names, n) => `${counted(n, 'API Gateway stage', 'writes', 'write')} neither execution nor access logs: ${names}.`,
      none: 'The scanned regions have no API Gateway REST or HTTP API stages.',
    });
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'codebuild-plaintext-credentials',
  title: 'CodeBuild projects keep no AWS credentials in plain-text environment variables',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.c', '10.k'],
  permissions: ['codebuild:ListProjects', 'codebuild:BatchGetProjects'],
  needs: { regional: ['analytics.codebuildProjects'] },
  why: 'Plain-text environment variables are shown to anyone who can read the project and in build logs; AWS keys there are long-lived credentials anyone can copy. Use the project role or Secrets Manager instead.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.codebuildProjects',
      noun: 'CodeBuild project',
      id: (r) => r.arn,
      name: (r) => r.name,
      judge: (r, region) => r.plaintextCredentials.length ? fail(`CodeBuild project ${r.name} in ${region} keeps ${r.plaintextCredentials.join(", ")} in plain-text environment variables.`) : pass(`CodeBuild project ${r.name} in ${region} keeps no AWS credentials in plain text.`),
      pass: (n) => `${eachOf(n, 'CodeBuild project')} keeps no AWS credentials in plain text.`,
      fail: (names, n) => `${counted(n, 'CodeBuild project', 'keeps', 'keep')} AWS credentials in plain text: ${names}.`,
      none: 'The scanned regions have no CodeBuild projects.',
    });
  },
});

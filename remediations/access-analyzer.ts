/**
 * Creates an account-level IAM Access Analyzer in every scanned region that has no active
 * external-access analyzer. Access Analyzer's external-access analysis is free. Undo deletes the
 * analyzers this fix created (their findings go with them).
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

const EXTERNAL = ['ACCOUNT', 'ORGANIZATION'];

export default defineRemediation({
  id: 'access-analyzer',
  title: 'Turn on IAM Access Analyzer in every region',
  fixes: ['access-analyzer'],
  leavesAlone: ['regions that already have an active external-access analyzer'],
  permissions: ['access-analyzer:CreateAnalyzer', 'access-analyzer:DeleteAnalyzer', 'access-analyzer:ListAnalyzers', 'iam:CreateServiceLinkedRole'],
  scopes: [{ actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:{partition}:iam::{account}:role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer'], condition: { StringEquals: { 'iam:AWSServiceName': 'access-analyzer.amazonaws.com' } } }],
  options: [{ name: 'name', description: 'the name of the analyzer to create in each region', default: 'hipaa-wizard-external-access' }],
  plan(state, { options }) {
    const name = options.name ?? 'hipaa-wizard-external-access';
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      const analyzers = readIn(state, 'accessanalyzer.analyzers', region);
      if (analyzers.some((a) => a.status === 'ACTIVE' && EXTERNAL.includes(a.type))) continue;
      const same = analyzers.find((a) => a.name === name);
      if (same) {
        throw new Error(`region ${region} already has an analyzer called ${name} (${same.type}, ${same.status}); delete it or pass --option name=another-name`);
      }
      actions.push({
        effect: '+',
        service: 'accessanalyzer',
        command: 'CreateAnalyzer',
        input: { analyzerName: name, type: 'ACCOUNT' },
        region,
        resource: `analyzer ${name}`,
        summary: `Create the account analyzer ${name} in ${region}, which reports resources shared outside the account.`,
        reversible: true,
        undo: [{ service: 'accessanalyzer', command: 'DeleteAnalyzer', input: { analyzerName: name }, region }],
      });
    }
    return actions;
  },
});

/**
 * Turns on AWS Security Hub, with its default standards, in every scanned region where it is off.
 * Security Hub bills per security check and per finding ingested, hence the typed confirmation.
 * Undo turns it off again in those regions.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'securityhub-enable',
  title: 'Turn on Security Hub in every region',
  fixes: ['securityhub-enabled'],
  permissions: ['securityhub:EnableSecurityHub', 'securityhub:DisableSecurityHub', 'iam:CreateServiceLinkedRole'],
  scopes: [{ actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:{partition}:iam::{account}:role/aws-service-role/securityhub.amazonaws.com/AWSServiceRoleForSecurityHub'], condition: { StringEquals: { 'iam:AWSServiceName': 'securityhub.amazonaws.com' } } }],
  notes: ['Security Hub bills each security check it runs and each finding it ingests, after a 30-day free trial per region; its checks rely on AWS Config recording.'],
  plan(state) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      if (readIn(state, 'securityhub.hub', region)) continue;
      actions.push({
        effect: '+',
        service: 'securityhub',
        command: 'EnableSecurityHub',
        input: { EnableDefaultStandards: true },
        region,
        resource: `Security Hub in ${region}`,
        summary: `Turn on Security Hub with its default standards in ${region}.`,
        reversible: true,
        undo: [{ service: 'securityhub', command: 'DisableSecurityHub', input: {}, region }],
      });
    }
    return actions;
  },
});

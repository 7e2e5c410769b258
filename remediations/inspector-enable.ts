/**
 * Turns on Amazon Inspector scanning of EC2 instances and ECR images in every scanned region where
 * it is off. Inspector bills per instance and per image scanned (after a free trial), hence the
 * typed confirmation. Undo turns off exactly the scan types this fix turned on.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';
import { scanning } from '../src/rules/inspector.js';

export default defineRemediation({
  id: 'inspector-enable',
  title: 'Scan EC2 instances and container images with Amazon Inspector',
  fixes: ['inspector-enabled'],
  leavesAlone: ['scan types already on'],
  permissions: ['inspector2:Enable', 'inspector2:Disable', 'iam:CreateServiceLinkedRole'],
  scopes: [{ actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:{partition}:iam::{account}:role/aws-service-role/inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2', 'arn:{partition}:iam::{account}:role/aws-service-role/agentless.inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2Agentless'], condition: { StringEquals: { 'iam:AWSServiceName': ['inspector2.amazonaws.com', 'agentless.inspector2.amazonaws.com'] } } }],
  notes: ['Amazon Inspector bills each EC2 instance and each container image it scans per month, after a 15-day free trial in each account.'],
  plan(state) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      const s = readIn(state, 'inspector2.status', region);
      const off = [scanning(s.ec2) ? null : 'EC2', scanning(s.ecr) ? null : 'ECR'].filter((x): x is string => x !== null);
      if (off.length === 0) continue;
      actions.push({
        effect: '+',
        service: 'inspector2',
        command: 'Enable',
        input: { resourceTypes: off },
        region,
        resource: `Amazon Inspector in ${region}`,
        summary: `Turn on Amazon Inspector scanning of ${off.map((t) => (t === 'EC2' ? 'EC2 instances' : 'ECR images')).join(' and ')} in ${region}.`,
        reversible: true,
        undo: [{ service: 'inspector2', command: 'Disable', input: { resourceTypes: off }, region }],
      });
    }
    return actions;
  },
});

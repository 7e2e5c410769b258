/**
 * Turns on GuardDuty threat detection in every scanned region: a new detector where there is none,
 * or the suspended detector switched back on. GuardDuty bills by the volume of events it analyses,
 * hence the typed confirmation. Undo deletes the detectors it created (their findings go with them)
 * and suspends again the ones it resumed.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'guardduty-enable',
  title: 'Turn on GuardDuty in every region',
  fixes: ['guardduty-enabled'],
  leavesAlone: ['regions with a detector already on'],
  permissions: ['guardduty:CreateDetector', 'guardduty:DeleteDetector', 'guardduty:UpdateDetector', 'iam:CreateServiceLinkedRole'],
  scopes: [{ actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:{partition}:iam::{account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty', 'arn:{partition}:iam::{account}:role/aws-service-role/malware-protection.guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDutyMalwareProtection'], condition: { StringEquals: { 'iam:AWSServiceName': ['guardduty.amazonaws.com', 'malware-protection.guardduty.amazonaws.com'] } } }],
  notes: ['GuardDuty bills by the CloudTrail events, VPC flow records and DNS queries it analyses, after a 30-day free trial per region.'],
  plan(state) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      const detectors = readIn(state, 'guardduty.detectors', region);
      if (detectors.some((d) => d.status === 'ENABLED')) continue;
      const suspended = detectors[0];
      if (suspended) {
        actions.push({
          effect: '~',
          service: 'guardduty',
          command: 'UpdateDetector',
          input: { DetectorId: suspended.id, Enable: true },
          region,
          resource: `GuardDuty detector ${suspended.id}`,
          summary: `Resume the suspended GuardDuty detector ${suspended.id} in ${region}.`,
          reversible: true,
          undo: [{ service: 'guardduty', command: 'UpdateDetector', input: { DetectorId: suspended.id, Enable: false }, region }],
        });
        continue;
      }
      actions.push({
        effect: '+',
        service: 'guardduty',
        command: 'CreateDetector',
        input: { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' },
        region,
        resource: `GuardDuty in ${region}`,
        summary: `Turn on GuardDuty in ${region}, publishing findings every 15 minutes.`,
        reversible: true,
        undo: [{ service: 'guardduty', command: 'DeleteDetector', input: { DetectorId: '{{self.DetectorId}}' }, region }],
      });
    }
    return actions;
  },
});

/**
 * Turns on EBS encryption by default in every scanned region where it is off: every new volume and
 * snapshot copy is then encrypted (with the region's default EBS key). Existing volumes are not
 * changed. Undo turns the default off again.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'ebs-default-encryption',
  title: 'Encrypt new EBS volumes by default',
  fixes: ['ebs-default-encryption'],
  leavesAlone: ['existing volumes'],
  permissions: ['ec2:EnableEbsEncryptionByDefault', 'ec2:DisableEbsEncryptionByDefault'],
  notes: ['Instance types that do not support encrypted volumes (a few old generations) can no longer launch in these regions.'],
  plan(state) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      if (readIn(state, 'ec2.ebsDefaultEncryption', region).enabled) continue;
      actions.push({
        effect: '~',
        service: 'ec2',
        command: 'EnableEbsEncryptionByDefault',
        input: {},
        region,
        resource: `EBS default encryption in ${region}`,
        summary: `Encrypt every new EBS volume in ${region} by default.`,
        reversible: true,
        undo: [{ service: 'ec2', command: 'DisableEbsEncryptionByDefault', input: {}, region }],
      });
    }
    return actions;
  },
});

/**
 * Turns on automatic yearly rotation of the key material of every customer-managed symmetric KMS
 * key that does not rotate. Old material is kept, so data encrypted before stays readable. Undo
 * turns rotation off again.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'kms-rotation',
  title: 'Rotate customer-managed KMS keys every year',
  fixes: ['kms-rotation'],
  leavesAlone: ['AWS-managed keys', 'keys whose rotation could not be read'],
  permissions: ['kms:EnableKeyRotation', 'kms:DisableKeyRotation'],
  notes: ['Each rotation adds key material that KMS bills like a key version (about $1 a month for the first two rotations).'],
  plan(state, { failing }) {
    // One scope rule: only the keys the check failed (src/engine/plan.ts `failing`).
    const failed = new Set(failing('kms-rotation').map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const k of readIn(state, 'kms.keys', region)) {
        if (!failed.has(k.arn) || k.manager === 'AWS' || k.error || !k.rotation.ok || k.rotation.value !== false) continue;
        const name = k.aliases[0] ? `${k.aliases[0]} (${k.id})` : k.id;
        actions.push({
          effect: '~',
          service: 'kms',
          command: 'EnableKeyRotation',
          input: { KeyId: k.arn },
          region,
          resource: `KMS key ${name}`,
          summary: `Rotate the key material of ${name} in ${region} every year.`,
          reversible: true,
          undo: [{ service: 'kms', command: 'DisableKeyRotation', input: { KeyId: k.arn }, region }],
        });
      }
    }
    return actions;
  },
});

/**
 * Turns on point-in-time recovery for every DynamoDB table without it, so a table can be restored
 * to any second of the last 35 days. Undo turns it off again (the recovery window is then lost).
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'dynamodb-pitr',
  title: 'Turn on DynamoDB point-in-time recovery',
  fixes: ['dynamodb-pitr'],
  permissions: ['dynamodb:UpdateContinuousBackups'],
  notes: ['Point-in-time recovery is billed per GB of table data each month.'],
  plan(state, { failing }) {
    // One scope rule: only the tables the check failed.
    const failed = new Set(failing('dynamodb-pitr').map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const t of readIn(state, 'dynamodb.tables', region)) {
        if (!failed.has(t.arn) || !t.pitr.ok || t.pitr.value) continue;
        actions.push({
          effect: '~',
          service: 'dynamodb',
          command: 'UpdateContinuousBackups',
          input: { TableName: t.name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
          region,
          resource: `table ${t.name}`,
          summary: `Turn on point-in-time recovery for table ${t.name} in ${region}.`,
          reversible: true,
          undo: [{ service: 'dynamodb', command: 'UpdateContinuousBackups', input: { TableName: t.name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }, region }],
        });
      }
    }
    return actions;
  },
});

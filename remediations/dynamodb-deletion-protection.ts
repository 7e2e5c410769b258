/**
 * Turns on deletion protection for every DynamoDB table without it, so a table cannot be deleted in
 * one call. Undo turns it off again.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'dynamodb-deletion-protection',
  title: 'Protect DynamoDB tables from deletion',
  fixes: ['dynamodb-deletion-protection'],
  permissions: ['dynamodb:UpdateTable'],
  plan(state, { failing }) {
    // One scope rule: only the tables the check failed.
    const failed = new Set(failing('dynamodb-deletion-protection').map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const t of readIn(state, 'dynamodb.tables', region)) {
        if (!failed.has(t.arn) || t.deletionProtection) continue;
        actions.push({
          effect: '~',
          service: 'dynamodb',
          command: 'UpdateTable',
          input: { TableName: t.name, DeletionProtectionEnabled: true },
          region,
          resource: `table ${t.name}`,
          summary: `Turn on deletion protection for table ${t.name} in ${region}.`,
          reversible: true,
          undo: [{ service: 'dynamodb', command: 'UpdateTable', input: { TableName: t.name, DeletionProtectionEnabled: false }, region }],
        });
      }
    }
    return actions;
  },
});

/**
 * Turns on deletion protection for every RDS database instance (outside a cluster) and Aurora
 * cluster without it, so deleting one first takes a deliberate change. Applied immediately; no
 * restart. Undo turns it off again.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'rds-deletion-protection',
  title: 'Protect RDS databases from deletion',
  fixes: ['rds-deletion-protection'],
  risk: 'safe',
  permissions: ['rds:ModifyDBInstance', 'rds:ModifyDBCluster'],
  plan(state) {
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const i of readIn(state, 'rds.instances', region)) {
        if (i.clusterId || i.deletionProtection) continue;
        actions.push({
          effect: '~',
          service: 'rds',
          command: 'ModifyDBInstance',
          input: { DBInstanceIdentifier: i.id, DeletionProtection: true, ApplyImmediately: true },
          region,
          resource: `database ${i.id}`,
          summary: `Turn on deletion protection for database ${i.id} in ${region}.`,
          reversible: true,
          undo: [{ service: 'rds', command: 'ModifyDBInstance', input: { DBInstanceIdentifier: i.id, DeletionProtection: false, ApplyImmediately: true }, region }],
        });
      }
      for (const c of readIn(state, 'rds.clusters', region)) {
        if (c.deletionProtection) continue;
        actions.push({
          effect: '~',
          service: 'rds',
          command: 'ModifyDBCluster',
          input: { DBClusterIdentifier: c.id, DeletionProtection: true, ApplyImmediately: true },
          region,
          resource: `cluster ${c.id}`,
          summary: `Turn on deletion protection for cluster ${c.id} in ${region}.`,
          reversible: true,
          undo: [{ service: 'rds', command: 'ModifyDBCluster', input: { DBClusterIdentifier: c.id, DeletionProtection: false, ApplyImmediately: true }, region }],
        });
      }
    }
    return actions;
  },
});

/**
 * Turns on deletion protection for every RDS database instance (outside a cluster) and Aurora
 * cluster without it, so deleting one first takes a deliberate change. AWS applies DeletionProtection
 * at once whatever ApplyImmediately says, so the plan never sends ApplyImmediately: true — that flag
 * would also apply every pending modification (an instance-class change reboots the database now).
 * The plan names the pending changes it leaves for the maintenance window. Undo turns protection off.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

/** " Pending changes (DBInstanceClass: db.r6g.large) stay for the maintenance window." or "". */
export const pendingNote = (pending: readonly string[] | undefined): string =>
  pending?.length ? ` Its pending changes (${pending.join(', ')}) are left for the maintenance window.` : '';

export default defineRemediation({
  id: 'rds-deletion-protection',
  title: 'Protect RDS databases from deletion',
  fixes: ['rds-deletion-protection'],
  leavesAlone: ['pending modifications (never ApplyImmediately)'],
  permissions: ['rds:ModifyDBInstance', 'rds:ModifyDBCluster'],
  notes: ['Deletion protection takes effect at once without a restart; the plan does not apply immediately, so changes already waiting for the maintenance window stay there.'],
  plan(state, { failing }) {
    // One scope rule: only the instances and clusters the check failed.
    const failed = new Set(failing('rds-deletion-protection').map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      for (const i of readIn(state, 'rds.instances', region)) {
        if (!failed.has(i.arn) || i.clusterId || i.deletionProtection) continue;
        actions.push({
          effect: '~',
          service: 'rds',
          command: 'ModifyDBInstance',
          input: { DBInstanceIdentifier: i.id, DeletionProtection: true },
          region,
          resource: `database ${i.id}`,
          summary: `Turn on deletion protection for database ${i.id} in ${region}.${pendingNote(i.pendingModifications)}`,
          reversible: true,
          undo: [{ service: 'rds', command: 'ModifyDBInstance', input: { DBInstanceIdentifier: i.id, DeletionProtection: false }, region }],
        });
      }
      for (const c of readIn(state, 'rds.clusters', region)) {
        if (!failed.has(c.arn) || c.deletionProtection) continue;
        actions.push({
          effect: '~',
          service: 'rds',
          command: 'ModifyDBCluster',
          input: { DBClusterIdentifier: c.id, DeletionProtection: true },
          region,
          resource: `cluster ${c.id}`,
          summary: `Turn on deletion protection for cluster ${c.id} in ${region}.${pendingNote(c.pendingModifications)}`,
          reversible: true,
          undo: [{ service: 'rds', command: 'ModifyDBCluster', input: { DBClusterIdentifier: c.id, DeletionProtection: false }, region }],
        });
      }
    }
    return actions;
  },
});

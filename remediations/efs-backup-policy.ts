/**
 * Turns on automatic daily backups (the EFS backup policy, kept 35 days by AWS Backup) for every
 * EFS file system that neither has them nor is covered by a backup plan. Undo turns them off again;
 * backups already taken stay in the vault.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'efs-backup-policy',
  title: 'Back up EFS file systems automatically',
  fixes: ['efs-backup-policy'],
  leavesAlone: ['file systems already covered by a backup plan'],
  permissions: ['elasticfilesystem:PutBackupPolicy'],
  notes: ['AWS Backup bills the storage of the daily EFS backups it keeps.'],
  plan(state, { failing }) {
    // One scope rule: only the file systems the check failed.
    const failed = new Set(failing('efs-backup-policy').map((r) => r.id));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      const covered = new Set(readIn(state, 'backup.protectedResources', region).map((p) => p.arn));
      for (const f of readIn(state, 'efs.fileSystems', region)) {
        if (!failed.has(f.arn) || !f.backupPolicy.ok || f.backupPolicy.value === 'ENABLED' || f.backupPolicy.value === 'ENABLING' || covered.has(f.arn)) continue;
        actions.push({
          effect: '~',
          service: 'efs',
          command: 'PutBackupPolicy',
          input: { FileSystemId: f.id, BackupPolicy: { Status: 'ENABLED' } },
          region,
          resource: `file system ${f.id}`,
          summary: `Turn on automatic daily backups for EFS file system ${f.id} in ${region}.`,
          reversible: true,
          undo: [{ service: 'efs', command: 'PutBackupPolicy', input: { FileSystemId: f.id, BackupPolicy: { Status: 'DISABLED' } }, region }],
        });
      }
    }
    return actions;
  },
});

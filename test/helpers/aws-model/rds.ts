/**
 * RDS as the model sees it: the `rds.instances` and `rds.clusters` slices of each region.
 * ModifyDBInstance/ModifyDBCluster follow AWS's documented timing: DeletionProtection applies at once
 * whatever ApplyImmediately says; ApplyImmediately: true also applies every pending modification;
 * BackupRetentionPeriod between two non-zero values applies as soon as possible, while 0 → non-zero
 * (or back) waits for the maintenance window unless ApplyImmediately is true. Setting 0 deletes the
 * automated backups, which the model records in `deletedBackups`.
 */
import type { RdsCluster, RdsInstance } from '../../../src/state/rds.js';
import type { ModelContext, ServiceModel } from './index.js';

type Db = { -readonly [K in keyof RdsInstance]: RdsInstance[K] } | { -readonly [K in keyof RdsCluster]: RdsCluster[K] };

/** Databases whose automated backups a call deleted (retention set to 0). */
export const deletedBackups: string[] = [];

function modify(m: ModelContext, db: Db, input: Record<string, unknown>) {
  const now = input.ApplyImmediately === true;
  if (now) db.pendingModifications = [];
  if (typeof input.DeletionProtection === 'boolean') db.deletionProtection = input.DeletionProtection;
  if (typeof input.BackupRetentionPeriod === 'number') {
    const to = input.BackupRetentionPeriod;
    const crossesZero = (db.backupRetentionPeriod === 0) !== (to === 0);
    if (now || !crossesZero) {
      if (to === 0) deletedBackups.push(db.id);
      db.backupRetentionPeriod = to;
    } else {
      db.pendingModifications = [...(db.pendingModifications ?? []), `BackupRetentionPeriod: ${to}`];
    }
  }
  void m;
}

export const rds: ServiceModel = {
  ModifyDBInstance(m, input) {
    const db = m.regional<Db[]>('rds.instances').find((d) => d.id === input.DBInstanceIdentifier);
    if (!db) throw m.error('DBInstanceNotFoundFault', `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
    modify(m, db, input);
    return { DBInstance: { DBInstanceIdentifier: db.id, DeletionProtection: db.deletionProtection, BackupRetentionPeriod: db.backupRetentionPeriod } };
  },
  ModifyDBCluster(m, input) {
    const db = m.regional<Db[]>('rds.clusters').find((d) => d.id === input.DBClusterIdentifier);
    if (!db) throw m.error('DBClusterNotFoundFault', `DBCluster ${input.DBClusterIdentifier} not found.`, 404);
    modify(m, db, input);
    return { DBCluster: { DBClusterIdentifier: db.id, DeletionProtection: db.deletionProtection, BackupRetentionPeriod: db.backupRetentionPeriod } };
  },
};

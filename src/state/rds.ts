/** What a check sees of rds: the slices the rds collector fills (src/aws/collectors/rds.ts). */
import type { Result } from '../engine/state.js';

export interface RdsInstance {
  readonly id: string;
  readonly arn: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly status: string;
  /** The Aurora cluster the instance belongs to, if any. */
  readonly clusterId: string | null;
  readonly storageEncrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly publiclyAccessible: boolean;
  readonly multiAZ: boolean;
  readonly backupRetentionPeriod: number;
  readonly autoMinorVersionUpgrade: boolean;
  readonly deletionProtection: boolean;
  readonly parameterGroups: readonly string[];
  readonly enabledLogExports: readonly string[];
  readonly iamAuth: boolean;
  readonly caCertificate: string | null;
  readonly vpcId: string | null;
  readonly subnetIds: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  /** Changes waiting for the maintenance window (PendingModifiedValues), as "DBInstanceClass: db.r6g.large"; ApplyImmediately: true would apply them all now. */
  readonly pendingModifications?: readonly string[];
}

export interface RdsCluster {
  readonly id: string;
  readonly arn: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly storageEncrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly deletionProtection: boolean;
  readonly backupRetentionPeriod: number;
  readonly multiAZ: boolean;
  readonly parameterGroup: string | null;
  readonly enabledLogExports: readonly string[];
  readonly members: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  /** Changes waiting for the maintenance window (PendingModifiedValues), as "EngineVersion: 8.0.mysql_aurora.3.05.2". */
  readonly pendingModifications?: readonly string[];
}

export interface RdsSnapshot {
  readonly id: string;
  readonly arn: string;
  readonly instanceId: string;
  /** "manual", "automated", "awsbackup", … */
  readonly type: string;
  readonly encrypted: boolean;
  readonly engine: string;
  readonly createdAt: string | null;
  /** Whether anyone may restore it ("all" in the restore attribute); automated snapshots cannot be shared. */
  readonly public: Result<boolean>;
}

/** An Aurora or Multi-AZ DB cluster snapshot (DescribeDBClusterSnapshots): the same questions, for a whole cluster. */
export interface RdsClusterSnapshot {
  readonly id: string;
  readonly arn: string;
  readonly clusterId: string;
  /** "manual", "automated", "awsbackup", … */
  readonly type: string;
  readonly encrypted: boolean;
  readonly engine: string;
  readonly createdAt: string | null;
  /** Whether anyone may restore it ("all" in the restore attribute of DescribeDBClusterSnapshotAttributes). */
  readonly public: Result<boolean>;
}

/** A parameter group's TLS-related parameters (null when a parameter is unset or not in the engine). */
export interface RdsTlsParameters {
  readonly group: string;
  readonly kind: 'instance' | 'cluster';
  /** PostgreSQL, Aurora PostgreSQL and SQL Server: "1" forces TLS. */
  readonly forceSsl: string | null;
  /** MySQL, MariaDB and Aurora MySQL: "1"/"ON" forces TLS. */
  readonly requireSecureTransport: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'rds.instances': readonly RdsInstance[];
    'rds.clusters': readonly RdsCluster[];
    'rds.snapshots': readonly RdsSnapshot[];
    'rds.clusterSnapshots': readonly RdsClusterSnapshot[];
    /** Keyed "instance:<group>" or "cluster:<group>". */
    'rds.tlsParameters': Readonly<Record<string, Result<RdsTlsParameters>>>;
  }
}

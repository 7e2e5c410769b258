/**
 * The demo clinic's data stores: the portal's PostgreSQL database (created unencrypted before
 * anyone thought about it, one day of backups, TLS not forced), a manual snapshot from the last
 * upgrade, DynamoDB tables for appointments (ePHI, AWS owned key, no point-in-time recovery) and
 * sessions, and the encrypted EFS share for scanned documents.
 */
import type { DynamoTable } from '../../state/dynamodb.js';
import type { RdsInstance } from '../../state/rds.js';
import { ok } from '../../engine/state.js';
import { type DemoPart, arn } from '../types.js';

const part: DemoPart = (clock) => {
  const db: RdsInstance = {
    id: 'maple-portal-db',
    arn: arn('rds', 'db:maple-portal-db', 'us-east-1'),
    engine: 'postgres',
    engineVersion: '14.12',
    instanceClass: 'db.t4g.medium',
    status: 'available',
    clusterId: null,
    storageEncrypted: false,
    kmsKeyId: null,
    publiclyAccessible: false,
    multiAZ: false,
    backupRetentionPeriod: 1,
    autoMinorVersionUpgrade: true,
    deletionProtection: false,
    parameterGroups: ['maple-postgres14'],
    enabledLogExports: ['postgresql'],
    iamAuth: false,
    caCertificate: 'rds-ca-rsa2048-g1',
    vpcId: 'vpc-0c1a2b3c4d5e6f701',
    subnetIds: ['subnet-0a1b2c3d4e5f6a002', 'subnet-0a1b2c3d4e5f6a003'],
    tags: { Name: 'maple-portal-db', phi: 'true', env: 'prod' },
  };
  const table = (name: string, o: Partial<Omit<DynamoTable, 'tags'>> & { tags: Record<string, string> }): DynamoTable => ({
    name,
    arn: arn('dynamodb', `table/${name}`, 'us-east-1'),
    sseType: o.sseType ?? 'AES256-owned',
    kmsKeyArn: o.kmsKeyArn ?? null,
    pitr: o.pitr ?? ok(false),
    deletionProtection: o.deletionProtection ?? false,
    tags: ok(o.tags),
  });
  return {
    regional: {
      'us-east-1': {
        'rds.instances': ok([db]),
        'rds.clusters': ok([]),
        // The clinic runs no Aurora or Multi-AZ DB cluster, so there are no cluster snapshots.
        'rds.clusterSnapshots': ok([]),
        'rds.snapshots': ok([
          {
            id: 'maple-portal-db-before-pg14',
            arn: arn('rds', 'snapshot:maple-portal-db-before-pg14', 'us-east-1'),
            instanceId: 'maple-portal-db',
            type: 'manual',
            encrypted: false,
            engine: 'postgres',
            createdAt: clock.daysAgo(240),
            public: ok(false),
          },
          {
            id: 'rds:maple-portal-db-auto',
            arn: arn('rds', 'snapshot:rds:maple-portal-db-auto', 'us-east-1'),
            instanceId: 'maple-portal-db',
            type: 'automated',
            encrypted: false,
            engine: 'postgres',
            createdAt: clock.daysAgo(0),
            public: ok(false),
          },
        ]),
        'rds.tlsParameters': ok({
          'instance:maple-postgres14': ok({ group: 'maple-postgres14', kind: 'instance' as const, forceSsl: '0', requireSecureTransport: null }),
        }),
        'dynamodb.tables': ok([
          table('maple-appointments', { tags: { phi: 'true', app: 'portal' } }),
          table('maple-sessions', { tags: { app: 'portal' }, pitr: ok(true), deletionProtection: true }),
        ]),
        'efs.fileSystems': ok([
          {
            id: 'fs-0a1b2c3d4e5f6a701',
            arn: arn('elasticfilesystem', 'file-system/fs-0a1b2c3d4e5f6a701', 'us-east-1'),
            name: 'maple-scans',
            encrypted: true,
            kmsKeyId: arn('kms', 'key/1d2c3b4a-5f6e-4a7b-9c8d-0e1f2a3b4c5d', 'us-east-1'),
            backupPolicy: ok('ENABLED' as const),
            tags: { Name: 'maple-scans', phi: 'true' },
          },
        ]),
      },
      'us-west-2': {
        'rds.instances': ok([]),
        'rds.clusters': ok([]),
        'rds.snapshots': ok([]),
        'rds.clusterSnapshots': ok([]),
        'rds.tlsParameters': ok({}),
        'dynamodb.tables': ok([]),
        'efs.fileSystems': ok([]),
      },
    },
  };
};

export default part;

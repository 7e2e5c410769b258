/**
 * The demo clinic's backups: one daily AWS Backup plan in us-east-1 that selects everything tagged
 * phi=true but keeps it only 35 days and never copies it out of the region, a yearly archive plan,
 * an unlocked vault with one unencrypted recovery point (the billing desktop's volume), no restore
 * tests, and nothing at all in us-west-2 where the DR standby lives.
 */
import type { RecoveryPoint } from '../../state/backup.js';
import { ok } from '../../engine/state.js';
import { arn, type DemoPart } from '../types.js';

const vaultArn = (name: string) => arn('backup', `backup-vault:${name}`, 'us-east-1');

const part: DemoPart = (clock) => {
  const point = (n: number, resourceArn: string, resourceType: string, encrypted = true): RecoveryPoint => ({
    arn: n % 2 ? arn('ec2', `image/ami-0d${String(n).padStart(15, '0')}`, 'us-east-1') : arn('backup', `recovery-point:${String(n).padStart(8, '0')}-1a2b-4c3d-8e4f-5a6b7c8d9e0f`, 'us-east-1'),
    vault: 'maple-backups',
    resourceArn,
    resourceType,
    encrypted,
    createdAt: clock.daysAgo(n),
    status: 'COMPLETED',
  });
  const portal = arn('ec2', 'instance/i-0a1b2c3d4e5f60001', 'us-east-1');
  const billing = arn('ec2', 'instance/i-0a1b2c3d4e5f60003', 'us-east-1');
  const db = arn('rds', 'db:maple-portal-db', 'us-east-1');
  return {
    regional: {
      'us-east-1': {
        'backup.plans': ok([
          {
            id: '4d1c2b3a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
            arn: arn('backup', 'backup-plan:4d1c2b3a-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'us-east-1'),
            name: 'maple-daily',
            rules: [{ name: 'nightly', schedule: 'cron(0 5 ? * * *)', targetVault: 'maple-backups', deleteAfterDays: 35, continuous: false, copies: [] }],
            selections: ok([{ name: 'phi-tagged', resources: [], notResources: [], tags: [{ key: 'phi', value: 'true' }] }]),
          },
          {
            id: '7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
            arn: arn('backup', 'backup-plan:7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b', 'us-east-1'),
            name: 'maple-yearly-archive',
            rules: [{ name: 'january', schedule: 'cron(0 6 1 1 ? *)', targetVault: 'maple-backups', deleteAfterDays: 2557, continuous: false, copies: [] }],
            selections: ok([{ name: 'portal-db', resources: [db], notResources: [], tags: [] }]),
          },
        ]),
        'backup.protectedResources': ok([
          { arn: portal, type: 'EC2', lastBackup: clock.daysAgo(0) },
          { arn: billing, type: 'EC2', lastBackup: clock.daysAgo(0) },
          { arn: db, type: 'RDS', lastBackup: clock.daysAgo(0) },
          // Last night's run of maple-daily (05:00 UTC) also took everything else tagged phi=true.
          { arn: arn('ec2', 'instance/i-0a1b2c3d4e5f60002', 'us-east-1'), type: 'EC2', lastBackup: clock.daysAgo(0.3) },
          { arn: arn('dynamodb', 'table/maple-appointments', 'us-east-1'), type: 'DynamoDB', lastBackup: clock.daysAgo(0.3) },
          { arn: arn('elasticfilesystem', 'file-system/fs-0a1b2c3d4e5f6a701', 'us-east-1'), type: 'EFS', lastBackup: clock.daysAgo(0.3) },
          { arn: 'arn:aws:s3:::maple-patient-records', type: 'S3', lastBackup: clock.daysAgo(0.3) },
          { arn: 'arn:aws:s3:::maple-portal-uploads', type: 'S3', lastBackup: clock.daysAgo(0.3) },
          { arn: 'arn:aws:s3:::maple-claims-export', type: 'S3', lastBackup: clock.daysAgo(0.3) },
        ]),
        'backup.vaults': ok([
          {
            name: 'maple-backups',
            arn: vaultArn('maple-backups'),
            encryptionKeyArn: arn('kms', 'key/6f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b', 'us-east-1'),
            recoveryPoints: 105,
            locked: false,
            minRetentionDays: null,
            maxRetentionDays: null,
            lockDate: null,
            vaultType: 'BACKUP_VAULT',
          },
          {
            name: 'Default',
            arn: vaultArn('Default'),
            encryptionKeyArn: arn('kms', 'key/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d', 'us-east-1'),
            recoveryPoints: 0,
            locked: false,
            minRetentionDays: null,
            maxRetentionDays: null,
            lockDate: null,
            vaultType: 'BACKUP_VAULT',
          },
        ]),
        'backup.recoveryPoints': ok([
          point(1, portal, 'EC2'),
          point(1, db, 'RDS'),
          point(1, billing, 'EC2', false),
          point(2, portal, 'EC2'),
          point(2, db, 'RDS'),
          point(2, billing, 'EC2', false),
        ]),
        'backup.restoreTestingPlans': ok([]),
      },
      'us-west-2': {
        'backup.plans': ok([]),
        'backup.protectedResources': ok([]),
        'backup.vaults': ok([]),
        'backup.recoveryPoints': ok([]),
        'backup.restoreTestingPlans': ok([]),
      },
    },
  };
};

export default part;

/**
 * The demo clinic's KMS keys: the ePHI key (rotating, administrators apart from users), the backup
 * key that Dana both administers and decrypts with and that never rotates, an old archive key
 * somebody scheduled for deletion, AWS managed keys, and a DR key whose policy the scanning role may
 * not read.
 */
import type { KmsKey } from '../../state/kms.js';
import { err, ok } from '../../engine/state.js';
import { DEMO_ACCOUNT, type DemoPart, arn } from '../types.js';

const root = `arn:aws:iam::${DEMO_ACCOUNT}:root`;
const user = (n: string) => `arn:aws:iam::${DEMO_ACCOUNT}:user/${n}`;
const role = (n: string) => `arn:aws:iam::${DEMO_ACCOUNT}:role/${n}`;
const ADMIN_ACTIONS = ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'];
const USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

const enableIam = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' };

const key = (region: string, id: string, o: Partial<KmsKey>): KmsKey => ({
  id,
  arn: arn('kms', `key/${id}`, region),
  aliases: o.aliases ?? [],
  manager: o.manager ?? 'CUSTOMER',
  state: o.state ?? 'Enabled',
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  origin: 'AWS_KMS',
  deletionDate: o.deletionDate ?? null,
  description: o.description ?? '',
  rotation: o.rotation ?? ok(null),
  policy: o.policy ?? ok(null),
});

const part: DemoPart = (clock) => ({
  regional: {
    'us-east-1': {
      'kms.keys': ok([
        key('us-east-1', '1d2c3b4a-5f6e-4a7b-9c8d-0e1f2a3b4c5d', {
          aliases: ['alias/maple-phi'],
          description: 'Patient records, portal logs and scans',
          rotation: ok(true),
          policy: ok({
            Version: '2012-10-17',
            Statement: [
              enableIam,
              { Sid: 'Key administrators', Effect: 'Allow', Principal: { AWS: user('dana.okafor') }, Action: ADMIN_ACTIONS, Resource: '*' },
              { Sid: 'Key users', Effect: 'Allow', Principal: { AWS: [role('portal-app'), role('s3-replication')] }, Action: USE_ACTIONS, Resource: '*' },
            ],
          }),
        }),
        key('us-east-1', '6f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b', {
          aliases: ['alias/maple-backup'],
          description: 'AWS Backup vault maple-backups',
          rotation: ok(false),
          policy: ok({
            Version: '2012-10-17',
            Statement: [enableIam, { Sid: 'Dana manages and uses the backup key', Effect: 'Allow', Principal: { AWS: user('dana.okafor') }, Action: 'kms:*', Resource: '*' }],
          }),
        }),
        key('us-east-1', '0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d', {
          aliases: ['alias/maple-archive-2024'],
          description: 'Old archive vault',
          state: 'PendingDeletion',
          deletionDate: clock.daysAhead(6),
        }),
        key('us-east-1', '7c6b5a4d-3e2f-4a1b-8c9d-1e2f3a4b5c6d', { aliases: ['alias/aws/s3'], manager: 'AWS' }),
        key('us-east-1', '8d7c6b5a-4e3f-4b2c-9d0e-2f3a4b5c6d7e', { aliases: ['alias/aws/rds'], manager: 'AWS' }),
        key('us-east-1', '9e8d7c6b-5f4a-4c3d-8e1f-3a4b5c6d7e8f', { aliases: ['alias/aws/ebs'], manager: 'AWS' }),
      ]),
    },
    'us-west-2': {
      'kms.keys': ok([
        key('us-west-2', '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', {
          aliases: ['alias/maple-phi-dr'],
          description: 'DR copy of patient records',
          rotation: ok(true),
          policy: err({
            code: 'AccessDeniedException',
            kind: 'access',
            action: 'kms:GetKeyPolicy',
            message: 'access denied: the credentials lack kms:GetKeyPolicy',
          }),
        }),
        key('us-west-2', 'a1b2c3d4-e5f6-4a7b-8c9d-4b5c6d7e8f90', { aliases: ['alias/aws/s3'], manager: 'AWS' }),
      ]),
    },
  },
});

export default part;

import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListProtectedResourcesCommand,
  ListRecoveryPointsByBackupVaultCommand,
  ListRestoreTestingPlansCommand,
} from '@aws-sdk/client-backup';
import { ECRClient, GetRegistryScanningConfigurationCommand, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const backup = mockClient(BackupClient);
const ecr = mockClient(ECRClient);
afterEach(() => {
  backup.reset();
  ecr.reset();
});

const collection = () => testCollection(['us-east-1']);

const denied = (action: string) =>
  Object.assign(new Error(`User: arn:aws:iam::111122223333:user/t is not authorized to perform: ${action}`), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 403 },
  });

describe('AWS Backup collectors', () => {
  it('reads each plan\'s rules, copies and selections, keeping ListOfTags (OR) apart from every kind of Condition (AND)', async () => {
    backup.on(ListBackupPlansCommand).resolves({
      BackupPlansList: [{ BackupPlanId: 'p-1', BackupPlanArn: 'arn:aws:backup:us-east-1:111122223333:backup-plan:p-1', BackupPlanName: 'daily' }],
    });
    backup.on(GetBackupPlanCommand).resolves({
      BackupPlan: {
        BackupPlanName: 'daily',
        Rules: [
          {
            RuleName: 'nightly',
            TargetBackupVaultName: 'main',
            ScheduleExpression: 'cron(0 5 ? * * *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [{ DestinationBackupVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr', Lifecycle: { DeleteAfterDays: 2192 } }],
          },
        ],
      },
    });
    backup.on(ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [{ SelectionId: 's-1', SelectionName: 'phi', BackupPlanId: 'p-1' }] });
    backup.on(GetBackupSelectionCommand).resolves({
      BackupSelection: {
        SelectionName: 'phi',
        IamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        Resources: ['arn:aws:rds:*:*:db:*'],
        ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'phi', ConditionValue: 'true' }],
        Conditions: {
          StringEquals: [{ ConditionKey: 'aws:ResourceTag/data-classification', ConditionValue: 'phi' }],
          StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'none' }],
          StringLike: [],
          StringNotLike: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'dev*' }],
        },
      },
    });
    const r = await collection().regional('backup.plans', 'us-east-1');
    expect(r.ok && r.value).toEqual([
      {
        id: 'p-1',
        arn: 'arn:aws:backup:us-east-1:111122223333:backup-plan:p-1',
        name: 'daily',
        rules: [
          {
            name: 'nightly',
            schedule: 'cron(0 5 ? * * *)',
            targetVault: 'main',
            deleteAfterDays: 35,
            continuous: false,
            copies: [{ destinationVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr', deleteAfterDays: 2192 }],
          },
        ],
        selections: {
          ok: true,
          value: [
            {
              name: 'phi',
              resources: ['arn:aws:rds:*:*:db:*'],
              notResources: [],
              tags: [{ key: 'phi', value: 'true' }],
              conditions: [
                { op: 'StringEquals', key: 'data-classification', value: 'phi' },
                { op: 'StringNotEquals', key: 'backup', value: 'none' },
                { op: 'StringNotLike', key: 'env', value: 'dev*' },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('keeps a plan whose selections are refused, with that part unknown', async () => {
    backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'p-1', BackupPlanArn: 'arn:p-1', BackupPlanName: 'daily' }] });
    backup.on(GetBackupPlanCommand).resolves({ BackupPlan: { BackupPlanName: 'daily', Rules: [] } });
    backup.on(ListBackupSelectionsCommand).rejects(denied('backup:ListBackupSelections'));
    const r = await collection().regional('backup.plans', 'us-east-1');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value[0]?.selections).toMatchObject({ ok: false, error: { kind: 'access', action: 'backup:ListBackupSelections' } });
  });

  it('names backup:ListBackupPlans when the plan list is refused', async () => {
    backup.on(ListBackupPlansCommand).rejects(denied('backup:ListBackupPlans'));
    const r = await collection().regional('backup.plans', 'us-east-1');
    expect(!r.ok && r.error.action).toBe('backup:ListBackupPlans');
  });

  it('reads vault lock settings and lists recovery points only of vaults that hold some', async () => {
    backup.on(ListBackupVaultsCommand).resolves({
      BackupVaultList: [
        {
          BackupVaultName: 'main',
          BackupVaultArn: 'arn:aws:backup:us-east-1:111122223333:backup-vault:main',
          EncryptionKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
          NumberOfRecoveryPoints: 2,
          Locked: true,
          MinRetentionDays: 30,
          LockDate: new Date('2026-01-01T00:00:00Z'),
          VaultType: 'BACKUP_VAULT',
        },
        { BackupVaultName: 'Default', BackupVaultArn: 'arn:aws:backup:us-east-1:111122223333:backup-vault:Default', NumberOfRecoveryPoints: 0 },
      ],
    });
    backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({
      RecoveryPoints: [
        { RecoveryPointArn: 'arn:rp1', ResourceArn: 'arn:aws:rds:us-east-1:111122223333:db:a', ResourceType: 'RDS', IsEncrypted: true, Status: 'COMPLETED' },
        { RecoveryPointArn: 'arn:rp2', ResourceArn: 'arn:aws:ec2:us-east-1:111122223333:volume/vol-1', ResourceType: 'EBS', IsEncrypted: false, Status: 'COMPLETED' },
      ],
    });
    const c = collection();
    const vaults = await c.regional('backup.vaults', 'us-east-1');
    expect(vaults.ok && vaults.value[0]).toMatchObject({ name: 'main', locked: true, minRetentionDays: 30, lockDate: '2026-01-01T00:00:00.000Z', recoveryPoints: 2 });
    const points = await c.regional('backup.recoveryPoints', 'us-east-1');
    expect(points.ok && points.value.map((p) => [p.vault, p.resourceType, p.encrypted])).toEqual([
      ['main', 'RDS', true],
      ['main', 'EBS', false],
    ]);
    expect(backup.commandCalls(ListRecoveryPointsByBackupVaultCommand).map((x) => x.args[0].input.BackupVaultName)).toEqual(['main']);
  });

  it('lists protected resources and restore testing plans', async () => {
    backup.on(ListProtectedResourcesCommand).resolves({ Results: [{ ResourceArn: 'arn:aws:rds:us-east-1:111122223333:db:a', ResourceType: 'RDS', LastBackupTime: new Date('2026-11-23T05:00:00Z') }] });
    backup.on(ListRestoreTestingPlansCommand).resolves({
      RestoreTestingPlans: [
        {
          RestoreTestingPlanName: 'monthly',
          RestoreTestingPlanArn: 'arn:aws:backup:us-east-1:111122223333:restore-testing-plan:monthly',
          ScheduleExpression: 'cron(0 1 1 * ? *)',
          CreationTime: new Date('2026-01-01T00:00:00Z'),
          LastExecutionTime: new Date('2026-11-01T01:00:00Z'),
        },
      ],
    });
    const c = collection();
    expect((await c.regional('backup.protectedResources', 'us-east-1')).ok).toBe(true);
    const plans = await c.regional('backup.restoreTestingPlans', 'us-east-1');
    expect(plans.ok && plans.value).toEqual([
      { name: 'monthly', arn: 'arn:aws:backup:us-east-1:111122223333:restore-testing-plan:monthly', schedule: 'cron(0 1 1 * ? *)', lastRun: '2026-11-01T01:00:00.000Z' },
    ]);
  });
});

describe('ECR collectors', () => {
  it('reads the registry scanning rules and each repository\'s scan-on-push flag', async () => {
    ecr.on(GetRegistryScanningConfigurationCommand).resolves({
      registryId: '111122223333',
      scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] }] },
    });
    ecr.on(DescribeRepositoriesCommand).resolves({
      repositories: [{ repositoryName: 'prod-api', repositoryArn: 'arn:aws:ecr:us-east-1:111122223333:repository/prod-api', imageScanningConfiguration: { scanOnPush: false } }],
    });
    const c = collection();
    const reg = await c.regional('ecr.registryScanning', 'us-east-1');
    expect(reg.ok && reg.value).toEqual({ scanType: 'ENHANCED', rules: [{ frequency: 'CONTINUOUS_SCAN', filters: ['prod-*'] }] });
    const repos = await c.regional('ecr.repositories', 'us-east-1');
    expect(repos.ok && repos.value).toEqual([{ name: 'prod-api', arn: 'arn:aws:ecr:us-east-1:111122223333:repository/prod-api', scanOnPush: false, tagMutability: 'MUTABLE' }]);
  });
});

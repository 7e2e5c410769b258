/** Step 8 checks (and the two backup checks of step 3) over built states: pass, fail and unknown. */
import { describe, expect, it } from 'vitest';
import type { BackupPlan, BackupRule, BackupSelection, BackupVault, RecoveryPoint } from '../../src/state/backup.js';
import type { DynamoTable } from '../../src/state/dynamodb.js';
import type { Ec2Instance } from '../../src/state/ec2.js';
import type { EfsFileSystem } from '../../src/state/efs.js';
import type { RdsCluster, RdsInstance } from '../../src/state/rds.js';
import type { S3Bucket } from '../../src/state/s3.js';
import { intervalHours } from '../../src/rules/backup-schedule.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, ctx, daysAgo, denied, state } from '../helpers/state.js';

const ok = <T>(value: T) => ({ ok: true as const, value });
const rule = (o: Partial<BackupRule> = {}): BackupRule => ({
  name: 'nightly',
  schedule: 'cron(0 5 ? * * *)',
  targetVault: 'main',
  deleteAfterDays: 2192,
  continuous: false,
  copies: [],
  ...o,
});
const plan = (name: string, rules: BackupRule[], selections: BackupPlan['selections'] = ok([])): BackupPlan => ({
  id: name,
  arn: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-plan:${name}`,
  name,
  rules,
  selections,
});
const vault = (o: Partial<BackupVault> = {}): BackupVault => ({
  name: 'main',
  arn: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-vault:main`,
  encryptionKeyArn: null,
  recoveryPoints: 10,
  locked: false,
  minRetentionDays: null,
  maxRetentionDays: null,
  lockDate: null,
  vaultType: 'BACKUP_VAULT',
  ...o,
});
const plans = (p: BackupPlan[] | ReturnType<typeof denied>, extra: object = {}) => state({ regional: { 'us-east-1': { 'backup.plans': p, ...extra } } });

describe('backup schedules', () => {
  it('reads how often cron and rate expressions run', () => {
    expect(intervalHours('cron(0 5 ? * * *)')).toBe(24);
    expect(intervalHours('cron(0 */12 ? * * *)')).toBe(12);
    expect(intervalHours('cron(0 5 ? * SUN *)')).toBe(168);
    expect(intervalHours('rate(1 day)')).toBe(24);
    expect(intervalHours('rate(6 hours)')).toBe(6);
    expect(intervalHours(null)).toBe(24);
    expect(intervalHours('every day')).toBeNull();
  });
});

describe('backup-plan', () => {
  it('passes when a plan runs daily (a weekly archive beside it is fine)', async () => {
    const f = await runCheckById('backup-plan', plans([plan('archive', [rule({ schedule: 'cron(0 5 ? * SUN *)' })]), plan('daily', [rule()])]));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/daily in us-east-1 backs up daily/);
  });
  it('fails when every plan is weekly, and when there is no plan at all', async () => {
    const f = await runCheckById('backup-plan', plans([plan('weekly', [rule({ schedule: 'cron(0 5 ? * SUN *)' })])]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/weekly: weekly/);
    expect(f.remediation).toBe('backup-plan');
    expect((await runCheckById('backup-plan', plans([]))).message).toMatch(/No AWS Backup plan exists in us-east-1/);
  });
  it('is unknown naming backup:ListBackupPlans when refused', async () => {
    const f = await runCheckById('backup-plan', plans(denied('backup:ListBackupPlans')));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['backup:ListBackupPlans']);
  });
});

describe('backup-retention', () => {
  it('passes when backups (or their copies) are kept long enough, or until deleted', async () => {
    expect((await runCheckById('backup-retention', plans([plan('a', [rule({ deleteAfterDays: 35, copies: [{ destinationVaultArn: 'x', deleteAfterDays: 2200 }] })])]))).status).toBe('pass');
    expect((await runCheckById('backup-retention', plans([plan('a', [rule({ deleteAfterDays: null })])]))).status).toBe('pass');
  });
  it('passes 35 days by default (not six years), fails 14, and follows --backup-retention-days', async () => {
    const month = plans([plan('daily', [rule({ deleteAfterDays: 35 })])]);
    const pass = await runCheckById('backup-retention', month);
    expect(pass.status).toBe('pass');
    expect(pass.message).toBe('Every AWS Backup plan keeps recovery points at least 35 days (1 plan checked).');
    const s = plans([plan('daily', [rule({ deleteAfterDays: 14 })])]);
    const f = await runCheckById('backup-retention', s);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/daily \(us-east-1, 14 days\)/);
    expect((await runCheckById('backup-retention', s, ctx({ backupRetentionDays: 14 }))).status).toBe('pass');
    expect((await runCheckById('backup-retention', month, ctx({ backupRetentionDays: 2192 }))).status).toBe('fail');
  });
  it('is unknown when the plans cannot be read', async () => {
    expect((await runCheckById('backup-retention', plans(denied('backup:GetBackupPlan')))).status).toBe('unknown');
  });
});

describe('backup-copy-offsite', () => {
  const copyTo = (arn: string) => plans([plan('daily', [rule({ copies: [{ destinationVaultArn: arn, deleteAfterDays: 90 }] })])], { 'backup.vaults': [vault()] });
  it('passes for a copy to another region or another account', async () => {
    expect((await runCheckById('backup-copy-offsite', copyTo(`arn:aws:backup:us-west-2:${ACCOUNT}:backup-vault:dr`))).message).toMatch(/copies recovery points/);
    const f = await runCheckById('backup-copy-offsite', copyTo('arn:aws:backup:us-east-1:999988887777:backup-vault:vault-acct'));
    expect(f.status).toBe('pass');
    expect(f.resources[0]?.detail).toMatch(/account 999988887777/);
  });
  it('fails for a copy that stays in the same account and region', async () => {
    const f = await runCheckById('backup-copy-offsite', copyTo(`arn:aws:backup:us-east-1:${ACCOUNT}:backup-vault:other`));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/us-east-1/);
  });
  it('is unknown when the vaults cannot be read', async () => {
    const s = plans([plan('daily', [rule()])], { 'backup.vaults': denied('backup:ListBackupVaults') });
    expect((await runCheckById('backup-copy-offsite', s)).status).toBe('unknown');
  });
});

describe('recovery-points-encrypted', () => {
  const rp = (encrypted: boolean): RecoveryPoint => ({
    arn: `arn:rp-${encrypted}`,
    vault: 'main',
    resourceArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-${encrypted ? 'enc' : 'plain'}`,
    resourceType: 'EBS',
    encrypted,
    createdAt: daysAgo(1),
    status: 'COMPLETED',
  });
  const s = (points: unknown) => state({ regional: { 'us-east-1': { 'backup.recoveryPoints': points as never } } });
  it('passes when every recovery point is encrypted', async () => {
    expect((await runCheckById('recovery-points-encrypted', s([rp(true)]))).status).toBe('pass');
  });
  it('fails naming the vault and the source of the plain ones', async () => {
    const f = await runCheckById('recovery-points-encrypted', s([rp(true), rp(false)]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/main in us-east-1 holds 1 unencrypted recovery point \(of 2\), from vol-plain/);
  });
  it('is unknown naming backup:ListRecoveryPointsByBackupVault when refused', async () => {
    const f = await runCheckById('recovery-points-encrypted', s(denied('backup:ListRecoveryPointsByBackupVault')));
    expect(f.missing).toEqual(['backup:ListRecoveryPointsByBackupVault']);
  });
});

const tagged = { phi: 'true' };
const rdsDb = (id: string, o: Partial<RdsInstance> = {}) =>
  ({ id, arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${id}`, engine: 'postgres', engineVersion: '16', backupRetentionPeriod: 7, clusterId: null, tags: {}, ...o }) as RdsInstance;
const cluster = (id: string, o: Partial<RdsCluster> = {}) => ({ id, arn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:${id}`, backupRetentionPeriod: 7, tags: {}, ...o }) as RdsCluster;
const table = (name: string, o: Partial<DynamoTable> = {}) =>
  ({ name, arn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`, pitr: ok(true), tags: ok({}), ...o }) as DynamoTable;
const fs = (id: string, o: Partial<EfsFileSystem> = {}) =>
  ({ id, arn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/${id}`, name: null, backupPolicy: ok('ENABLED'), tags: {}, ...o }) as EfsFileSystem;
const bucket = (name: string, o: Partial<S3Bucket> = {}) =>
  ({ name, arn: `arn:aws:s3:::${name}`, region: 'us-east-1', tags: ok(tagged), replication: ok(null), objectLock: ok(null), lifecycle: ok(null), ...o }) as S3Bucket;

describe('backup-ephi-coverage', () => {
  const records = `arn:aws:rds:us-east-1:${ACCOUNT}:db:records`;
  const world = (p: BackupPlan[], o: { rds?: unknown; buckets?: unknown; tables?: unknown; protectedResources?: unknown; points?: unknown } = {}) =>
    state({
      global: { 's3.buckets': (o.buckets ?? []) as never },
      regional: {
        'us-east-1': {
          'backup.plans': p,
          'backup.protectedResources': (o.protectedResources ?? [{ arn: records, type: 'RDS', lastBackup: daysAgo(0.5) }]) as never,
          'backup.recoveryPoints': (o.points ?? []) as never,
          'rds.instances': (o.rds ?? [rdsDb('records', { tags: tagged }), rdsDb('scratch')]) as never,
          'rds.clusters': [],
          'dynamodb.tables': (o.tables ?? []) as never,
          'efs.fileSystems': [],
          'ec2.instances': [] as Ec2Instance[],
        },
      },
    });
  const sel = (o: Partial<BackupSelection> = {}): BackupSelection => ({ name: 's', resources: [], notResources: [], tags: [], conditions: [], ...o });
  const cover = async (s: BackupSelection) => (await runCheckById('backup-ephi-coverage', world([plan('daily', [rule()], ok([s]))]))).status;
  it('passes when a tag selection covers every ePHI resource and it was backed up within the schedule', async () => {
    const f = await runCheckById('backup-ephi-coverage', world([plan('daily', [rule()], ok([sel({ tags: [{ key: 'phi', value: 'true' }] })]))]));
    expect(f.status).toBe('pass');
    expect(f.resources?.[0]?.detail).toBe('RDS instance records in us-east-1 is selected by backup plan daily and was last backed up 12 hours ago.');
  });
  it('fails naming the ePHI database no selection covers (untagged ones are not required)', async () => {
    const f = await runCheckById('backup-ephi-coverage', world([plan('daily', [rule()], ok([sel({ resources: [`arn:aws:rds:us-east-1:${ACCOUNT}:db:scratch`] })]))]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/RDS instance records in us-east-1/);
    expect(f.message).not.toMatch(/scratch/);
  });
  it('honours wildcards and exclusions in selections', async () => {
    const s = sel({ resources: ['arn:aws:rds:*:*:db:*'], notResources: [records] });
    expect(await cover(s)).toBe('fail');
    expect(await cover({ ...s, notResources: [] })).toBe('pass');
  });
  it('needs the Resources and every Condition to match (AND), and counts negative conditions', async () => {
    // All RDS databases AND tagged backup=daily: records carries phi=true only, so it is not selected.
    const dbsTaggedDaily = sel({ resources: ['arn:aws:rds:*:*:db:*'], conditions: [{ op: 'StringEquals', key: 'backup', value: 'daily' }] });
    expect(await cover(dbsTaggedDaily)).toBe('fail');
    expect(await cover(sel({ resources: ['arn:aws:rds:*:*:db:*'], conditions: [{ op: 'StringEquals', key: 'phi', value: 'true' }] }))).toBe('pass');
    // Everything except what is tagged phi=true (StringNotEquals), or whose phi tag looks like "t*" (StringNotLike).
    expect(await cover(sel({ resources: ['*'], conditions: [{ op: 'StringNotEquals', key: 'phi', value: 'true' }] }))).toBe('fail');
    expect(await cover(sel({ resources: ['*'], conditions: [{ op: 'StringNotLike', key: 'phi', value: 't*' }] }))).toBe('fail');
    expect(await cover(sel({ resources: ['*'], conditions: [{ op: 'StringLike', key: 'phi', value: 't*' }] }))).toBe('pass');
    // A second condition on a tag the database lacks: both must hold.
    expect(await cover(sel({ conditions: [{ op: 'StringEquals', key: 'phi', value: 'true' }, { op: 'StringEquals', key: 'env', value: 'prod' }] }))).toBe('fail');
    // Tag comparisons are case sensitive in AWS Backup.
    expect(await cover(sel({ conditions: [{ op: 'StringEquals', key: 'phi', value: 'TRUE' }] }))).toBe('fail');
  });
  it('needs one ListOfTags pair (OR) and the Resources together', async () => {
    expect(await cover(sel({ tags: [{ key: 'env', value: 'prod' }, { key: 'phi', value: 'true' }] }))).toBe('pass');
    expect(await cover(sel({ resources: ['arn:aws:dynamodb:*:*:table/*'], tags: [{ key: 'phi', value: 'true' }] }))).toBe('fail');
  });
  it('fails a selected resource with no recovery point, or only a stale one, and takes the freshest source', async () => {
    const daily = [plan('daily', [rule()], ok([sel({ tags: [{ key: 'phi', value: 'true' }] })]))];
    const none = await runCheckById('backup-ephi-coverage', world(daily, { protectedResources: [] }));
    expect(none.status).toBe('fail');
    expect(none.message).toContain('RDS instance records in us-east-1 is selected by backup plan daily but has no recovery point yet.');
    const stale = await runCheckById('backup-ephi-coverage', world(daily, { protectedResources: [{ arn: records, type: 'RDS', lastBackup: daysAgo(9) }] }));
    expect(stale.status).toBe('fail');
    expect(stale.message).toContain('its newest recovery point is 9 days old; the plan runs daily, so one should be no older than 2 days.');
    const weekly = [plan('weekly', [rule({ schedule: 'cron(0 5 ? * SUN *)' })], ok([sel({ tags: [{ key: 'phi', value: 'true' }] })]))];
    expect((await runCheckById('backup-ephi-coverage', world(weekly, { protectedResources: [{ arn: records, type: 'RDS', lastBackup: daysAgo(6) }] }))).status).toBe('pass');
    const point = { arn: 'rp-1', vault: 'main', resourceArn: records, resourceType: 'RDS', encrypted: true, createdAt: daysAgo(1), status: 'COMPLETED' };
    expect((await runCheckById('backup-ephi-coverage', world(daily, { protectedResources: [], points: [point] }))).status).toBe('pass');
    expect((await runCheckById('backup-ephi-coverage', world(daily, { protectedResources: [], points: [{ ...point, status: 'PARTIAL' }] }))).status).toBe('fail');
  });
  it('is unknown when a plan\'s selections or a resource\'s tags cannot be read', async () => {
    const f = await runCheckById('backup-ephi-coverage', world([plan('daily', [rule()], { ok: false, error: denied('backup:ListBackupSelections') })]));
    expect(f.status).toBe('unknown');
    expect(f.missing).toContain('backup:ListBackupSelections');
    const g = await runCheckById(
      'backup-ephi-coverage',
      world([plan('daily', [rule()])], { rds: [], tables: [table('t', { tags: { ok: false, error: denied('dynamodb:ListTagsOfResource') } })] }),
    );
    expect(g.status).toBe('unknown');
  });
});

describe('rds-backup-retention', () => {
  const s = (rds: unknown, clusters: unknown = []) => state({ regional: { 'us-east-1': { 'rds.instances': rds as never, 'rds.clusters': clusters as never } } });
  it('passes at seven days or more, skipping cluster members', async () => {
    expect((await runCheckById('rds-backup-retention', s([rdsDb('a'), rdsDb('member', { backupRetentionPeriod: 1, clusterId: 'c' })], [cluster('c')]))).status).toBe('pass');
  });
  it('fails for backups off and for a short window', async () => {
    const f = await runCheckById('rds-backup-retention', s([rdsDb('off', { backupRetentionPeriod: 0 })], [cluster('aurora', { backupRetentionPeriod: 1 })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/off in us-east-1 has automated backups turned off/);
    expect(f.message).toMatch(/aurora in us-east-1 keeps automated backups only 1 day/);
  });
  it('is unknown when the clusters cannot be read', async () => {
    expect((await runCheckById('rds-backup-retention', s([rdsDb('a')], denied('rds:DescribeDBClusters')))).missing).toEqual(['rds:DescribeDBClusters']);
  });
});

describe('rds-multi-az', () => {
  const s = (rds: unknown) => state({ regional: { 'us-east-1': { 'rds.instances': rds as never } } });
  it('passes when every ePHI database has a standby; untagged ones are not judged', async () => {
    expect((await runCheckById('rds-multi-az', s([rdsDb('records', { tags: tagged, multiAZ: true }), rdsDb('scratch', { multiAZ: false })]))).status).toBe('pass');
  });
  it('fails for a single-AZ database holding ePHI', async () => {
    const f = await runCheckById('rds-multi-az', s([rdsDb('records', { tags: tagged, multiAZ: false })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/records \(us-east-1\)/);
  });
  it('is unknown naming rds:DescribeDBInstances when refused', async () => {
    expect((await runCheckById('rds-multi-az', s(denied('rds:DescribeDBInstances')))).missing).toEqual(['rds:DescribeDBInstances']);
  });
});

describe('dynamodb-pitr', () => {
  const s = (tables: unknown) => state({ regional: { 'us-east-1': { 'dynamodb.tables': tables as never } } });
  it('passes when point-in-time recovery is on', async () => {
    expect((await runCheckById('dynamodb-pitr', s([table('appointments')]))).status).toBe('pass');
  });
  it('fails naming the table without it', async () => {
    const f = await runCheckById('dynamodb-pitr', s([table('appointments', { pitr: ok(false) })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/appointments \(us-east-1\)/);
  });
  it('is unknown when one table\'s backup settings are refused', async () => {
    const f = await runCheckById('dynamodb-pitr', s([table('appointments', { pitr: { ok: false, error: denied('dynamodb:DescribeContinuousBackups') } })]));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['dynamodb:DescribeContinuousBackups']);
  });
});

describe('efs-backup-policy', () => {
  const s = (systems: unknown, protectedArns: string[] = []) =>
    state({
      regional: { 'us-east-1': { 'efs.fileSystems': systems as never, 'backup.protectedResources': protectedArns.map((arn) => ({ arn, type: 'EFS', lastBackup: null })) } },
    });
  it('passes with automatic backups, or with an AWS Backup plan covering it', async () => {
    expect((await runCheckById('efs-backup-policy', s([fs('fs-1')]))).status).toBe('pass');
    const covered = fs('fs-2', { backupPolicy: ok('DISABLED') });
    expect((await runCheckById('efs-backup-policy', s([covered], [covered.arn]))).status).toBe('pass');
  });
  it('fails when neither is in place', async () => {
    const f = await runCheckById('efs-backup-policy', s([fs('fs-2', { name: 'scans', backupPolicy: ok('DISABLED') })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/fs-2 \(scans\) \(us-east-1\)/);
  });
  it('is unknown when the backup policy is refused and no plan covers it', async () => {
    const f = await runCheckById('efs-backup-policy', s([fs('fs-3', { backupPolicy: { ok: false, error: denied('elasticfilesystem:DescribeBackupPolicy') } })]));
    expect(f.status).toBe('unknown');
  });
});

describe('s3-replication-ephi', () => {
  const s = (buckets: unknown) => state({ global: { 's3.buckets': buckets as never }, regional: { 'us-east-1': {} } });
  const replicated = ok({ role: 'r', rules: [{ id: 'all', enabled: true, destinationBucket: 'arn:aws:s3:::docs-replica', destinationAccount: null }] });
  it('passes when every ePHI bucket replicates; untagged buckets do not count', async () => {
    expect((await runCheckById('s3-replication-ephi', s([bucket('docs', { replication: replicated }), bucket('site', { tags: ok({}) })]))).status).toBe('pass');
  });
  it('fails for an ePHI bucket with no replication rule', async () => {
    const f = await runCheckById('s3-replication-ephi', s([bucket('docs')]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/docs \(us-east-1\)/);
  });
  it('is unknown when a bucket\'s tags cannot be read', async () => {
    const f = await runCheckById('s3-replication-ephi', s([bucket('docs', { tags: { ok: false, error: denied('s3:GetBucketTagging') } })]));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetBucketTagging']);
  });
});

describe('backup-vault-lock (step 3)', () => {
  const s = (vaults: unknown) => state({ regional: { 'us-east-1': { 'backup.vaults': vaults as never } } });
  it('passes for a locked vault; empty vaults are not judged', async () => {
    expect((await runCheckById('backup-vault-lock', s([vault({ locked: true, minRetentionDays: 35 }), vault({ name: 'Default', recoveryPoints: 0 })]))).status).toBe('pass');
  });
  it('fails for an unlocked vault holding recovery points', async () => {
    const f = await runCheckById('backup-vault-lock', s([vault()]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/main \(us-east-1\)/);
  });
  it('is unknown naming backup:ListBackupVaults when refused', async () => {
    expect((await runCheckById('backup-vault-lock', s(denied('backup:ListBackupVaults')))).missing).toEqual(['backup:ListBackupVaults']);
  });
});

describe('restore-testing (step 3)', () => {
  const s = (tests: unknown) => state({ regional: { 'us-east-1': { 'backup.vaults': [vault()], 'backup.restoreTestingPlans': tests as never } } });
  const testPlan = (lastRun: string | null) => ({ name: 'monthly', arn: 'arn:rtp', schedule: 'cron(0 1 1 * ? *)', lastRun });
  it('passes when a restore test ran in the last 35 days', async () => {
    expect((await runCheckById('restore-testing', s([testPlan(daysAgo(20))]))).status).toBe('pass');
  });
  it('fails with no plan, and with a plan that never ran', async () => {
    expect((await runCheckById('restore-testing', s([]))).message).toMatch(/No restore testing plan checks the backups in us-east-1/);
    expect((await runCheckById('restore-testing', s([testPlan(null)]))).message).toMatch(/has never run/);
  });
  it('is unknown naming backup:ListRestoreTestingPlans when refused', async () => {
    expect((await runCheckById('restore-testing', s(denied('backup:ListRestoreTestingPlans')))).missing).toEqual(['backup:ListRestoreTestingPlans']);
  });
});

/**
 * States and options that drive each fix down each of its branches: the demo account with a few
 * slices changed, and the fix tests' fixtures (test/remediations/fixtures.ts).
 */
import { buildDemoState } from '../../src/demo/account.js';
import type { Settings } from '../../src/engine/model.js';
import { type AccountState, type GlobalKey, type GlobalSlices, ok, type RegionalKey, type RegionalSlices } from '../../src/engine/state.js';
import { bucket, kmsKey, noAuthorization, rdsCluster, rdsInstance, trail } from '../remediations/fixtures.js';
import { ACCOUNT, NOW, state } from '../helpers/state.js';

export interface Scenario {
  readonly name: string;
  readonly state: AccountState;
  /** Only this fix is planned; every fix when absent. */
  readonly fix?: string;
  readonly options?: Record<string, string>;
  readonly settings?: Partial<Settings>;
}

const E1 = 'us-east-1';
const demo = buildDemoState(NOW);

/** The demo account with some global slices, and some regional slices in every region, replaced. */
function demoWith(
  global: { [K in GlobalKey]?: GlobalSlices[K] },
  regional: { [K in RegionalKey]?: RegionalSlices[K] | ((before: RegionalSlices[K] | undefined) => RegionalSlices[K]) } = {},
): AccountState {
  const g = { ...demo.global } as Record<string, unknown>;
  for (const [k, v] of Object.entries(global)) g[k] = ok(v);
  const r: Record<string, Record<string, unknown>> = {};
  for (const region of demo.regions) {
    const slices = { ...(demo.regional[region] ?? {}) } as Record<string, { ok: boolean; value?: unknown }>;
    for (const [k, v] of Object.entries(regional)) {
      const before = slices[k]?.ok ? slices[k]?.value : undefined;
      slices[k] = ok(typeof v === 'function' ? (v as (b: unknown) => unknown)(before) : v);
    }
    r[region] = slices;
  }
  return { ...demo, global: g as AccountState['global'], regional: r as AccountState['regional'] };
}

const demoAuth = demo.global['iam.authorization'];
const authWithout = (...roles: string[]) => {
  const a = demoAuth?.ok ? demoAuth.value : noAuthorization;
  return { ...a, roles: a.roles.filter((r) => !roles.includes(r.name)) };
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'no backup plan, vault or service role',
    fix: 'backup-plan',
    state: demoWith({ 'iam.authorization': authWithout('AWSBackupDefaultServiceRole') }, { 'backup.plans': [], 'backup.vaults': [] }),
  },
  {
    name: 'VPCs without flow logs, a role of another name',
    fix: 'vpc-flow-logs',
    state: state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'ec2.vpcs': [{ id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: {} }], 'ec2.flowLogs': [], 'logs.logGroups': [], 'kms.keys': [] } },
    }),
    options: { role: 'flow-logs-writer' },
  },
  { name: 'no trail anywhere', fix: 'cloudtrail-trail', state: demoWith({}, { 'cloudtrail.trails': [] }) },
  {
    name: 'no trail, the log bucket exists without a policy',
    fix: 'cloudtrail-trail',
    state: state({
      global: { 's3.buckets': [bucket(`hipaa-wizard-cloudtrail-${ACCOUNT}`, E1)] },
      regional: { [E1]: { 'cloudtrail.trails': [], 'kms.keys': [] } },
    }),
    options: { 'kms-key': 'none' },
  },
  { name: 'no trail, no KMS key, no Object Lock', fix: 'cloudtrail-trail', state: demoWith({}, { 'cloudtrail.trails': [] }), options: { 'kms-key': 'none', 'object-lock': 'none' } },
  {
    name: 'a trail that stopped logging',
    fix: 'cloudtrail-trail',
    state: state({
      global: { 's3.buckets': [bucket(`hipaa-wizard-cloudtrail-${ACCOUNT}`, E1)] },
      regional: {
        [E1]: {
          'cloudtrail.trails': [trail('hipaa-wizard-trail', { status: ok({ logging: false, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }) })],
          'kms.keys': [],
        },
      },
    }),
  },
  ...['home', 'all'].flatMap((pack) => [
    {
      name: `no Config recorder, channel or service-linked role (pack ${pack})`,
      fix: 'config-hipaa-pack',
      state: demoWith({ 'iam.authorization': authWithout('AWSServiceRoleForConfig') }, { 'config.recorders': { recorders: [], deliveryChannels: [] } }),
      options: { pack },
    },
  ]),
  {
    name: 'no Config recorder, pack from S3',
    fix: 'config-hipaa-pack',
    state: demoWith({}, { 'config.recorders': { recorders: [], deliveryChannels: [] } }),
    options: { 'template-s3-uri': 's3://packs/hipaa.yaml' },
  },
  {
    name: 'an EFS file system without automatic backups',
    fix: 'efs-backup-policy',
    state: demoWith({}, {
      'backup.protectedResources': [],
      'efs.fileSystems': [{ id: 'fs-0a1b', arn: `arn:aws:elasticfilesystem:${E1}:${ACCOUNT}:file-system/fs-0a1b`, name: 'records', encrypted: true, kmsKeyId: null, backupPolicy: ok('DISABLED'), tags: {} }],
    }),
  },
  {
    name: 'a suspended GuardDuty detector',
    fix: 'guardduty-enable',
    state: demoWith({}, { 'guardduty.detectors': [{ id: 'd-1', status: 'DISABLED', publishingFrequency: null, features: {} }] }),
  },
  { name: 'a retention longer than CloudWatch offers', fix: 'log-retention', state: demo, settings: { logRetentionDays: 4000 } },
  { name: 'no password policy', fix: 'password-policy', state: demoWith({ 'iam.passwordPolicy': null }) },
  {
    name: 'databases without deletion protection or backups',
    state: demoWith({}, {
      'rds.instances': [rdsInstance('db1', { deletionProtection: false, backupRetentionPeriod: 1 })],
      'rds.clusters': [rdsCluster('c1', { deletionProtection: false, backupRetentionPeriod: 1 })],
    }),
  },
  ...['yes', 'no'].map((create) => ({
    name: `a bucket with no default encryption (create-key ${create})`,
    fix: 's3-encryption-kms',
    state: state({
      global: { 's3.buckets': [bucket('plain', E1, { encryption: ok(null) }), bucket('claims', E1, { tags: ok({ phi: 'true' }) })] },
      regional: { [E1]: { 'kms.keys': create === 'yes' ? [] : [kmsKey('k-s3', E1, { aliases: ['alias/hipaa-wizard-s3'] })], 'cloudtrail.trails': [] } },
    }),
    options: { 'create-key': create },
  })),
  {
    name: 'a trail not sent to CloudWatch Logs, alarms to an e-mail address',
    fix: 'security-alarms',
    state: state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': [], 'kms.keys': [] } },
    }),
    options: { email: 'security@maple.example' },
  },
  {
    name: 'a trail not sent to CloudWatch Logs, the CIS alarms to an e-mail address',
    fix: 'cis-alarms',
    state: state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': [], 'kms.keys': [] } },
    }),
    options: { email: 'security@maple.example' },
  },
  {
    name: 'no security contact',
    fix: 'security-contact',
    state: demoWith({ 'account.securityContact': null }),
    options: { email: 'security@maple.example', phone: '+1-555-0100' },
  },
  {
    name: 'a security contact without an e-mail address',
    fix: 'security-contact',
    state: demoWith({ 'account.securityContact': { name: 'Old', title: 'Officer', email: '', phone: '+1-555-0199' } }),
    options: { email: 'security@maple.example', phone: '+1-555-0100' },
  },
  ...[true, false].map((awsBaselines) => ({
    name: `managed instances with no default patch baseline, association or window (${awsBaselines ? "AWS's baselines read" : 'no baselines read'})`,
    fix: 'ssm-patch-baseline',
    state: demoWith({}, {
      'ssm.patchBaselines': (before) => (awsBaselines ? (before ?? []).filter((b) => b.awsOwned).map((b) => ({ ...b, isDefault: false })) : []),
      'ssm.patchAssociations': [],
      'ssm.maintenanceWindows': [],
    }),
  })),
];

/**
 * The demo clinic's audit trail: one multi-region trail that logs and feeds CloudWatch Logs but
 * does not validate its files or use a KMS key; log groups with 30-day, one-year and never-expire
 * retention; alarms for root use and failed sign-ins but none for unauthorized calls; AWS Config
 * recording in us-east-1 only.
 */
import type { Trail } from '../../state/cloudtrail.js';
import { ok } from '../../engine/state.js';
import { DEMO_ACCOUNT, type DemoPart, arn } from '../types.js';

const TOPIC = `arn:aws:sns:us-east-1:${DEMO_ACCOUNT}:maple-security-alerts`;

const part: DemoPart = (clock) => {
  const trail: Trail = {
    name: 'maple-trail',
    arn: arn('cloudtrail', 'trail/maple-trail', 'us-east-1'),
    homeRegion: 'us-east-1',
    multiRegion: true,
    organization: false,
    s3BucketName: 'maple-cloudtrail-logs',
    logFileValidation: false,
    kmsKeyId: null,
    cloudWatchLogGroupArn: `arn:aws:logs:us-east-1:${DEMO_ACCOUNT}:log-group:maple-cloudtrail:*`,
    status: ok({
      logging: true,
      latestDeliveryTime: clock.daysAgo(0),
      latestDeliveryError: null,
      latestCloudWatchLogsDeliveryTime: clock.daysAgo(0),
      latestCloudWatchLogsDeliveryError: null,
    }),
    selectors: ok({ management: 'All', s3DataAll: false, s3DataBuckets: ['maple-patient-records'], s3DataReadAll: false, s3DataReadBuckets: ['maple-patient-records'] }),
  };
  const group = (region: string, name: string, retentionDays: number | null, createdDaysAgo: number, kmsKeyId: string | null = null, storedBytes = 0) => ({
    name,
    arn: arn('logs', `log-group:${name}`, region),
    retentionDays,
    kmsKeyId,
    storedBytes,
    createdAt: clock.daysAgo(createdDaysAgo),
  });
  return {
    regional: {
      'us-east-1': {
        'cloudtrail.trails': ok([trail]),
        'logs.logGroups': ok([
          group('us-east-1', 'maple-cloudtrail', 30, 400, null, 8_400_000_000),
          group('us-east-1', '/aws/rds/instance/maple-portal-db/postgresql', null, 300, null, 2_100_000_000),
          group('us-east-1', '/maple/portal/app', 2557, 310, arn('kms', 'key/1d2c3b4a-5f6e-4a7b-9c8d-0e1f2a3b4c5d', 'us-east-1'), 950_000_000),
          group('us-east-1', '/maple/vpc-flow-logs', 365, 380, null, 12_000_000_000),
        ]),
        'logs.metricFilters': ok([
          {
            name: 'root-account-usage',
            logGroupName: 'maple-cloudtrail',
            pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
            metrics: [{ name: 'RootAccountUsage', namespace: 'CISBenchmark' }],
          },
          {
            name: 'console-signin-failures',
            logGroupName: 'maple-cloudtrail',
            pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
            metrics: [{ name: 'ConsoleSigninFailures', namespace: 'CISBenchmark' }],
          },
        ]),
        'cloudwatch.alarms': ok([
          {
            name: 'root-account-usage',
            arn: arn('cloudwatch', 'alarm:root-account-usage', 'us-east-1'),
            metrics: [{ name: 'RootAccountUsage', namespace: 'CISBenchmark' }],
            actionsEnabled: true,
            alarmActions: [TOPIC],
            state: 'OK',
          },
          {
            name: 'console-signin-failures',
            arn: arn('cloudwatch', 'alarm:console-signin-failures', 'us-east-1'),
            metrics: [{ name: 'ConsoleSigninFailures', namespace: 'CISBenchmark' }],
            actionsEnabled: true,
            alarmActions: [TOPIC],
            state: 'OK',
          },
          {
            name: 'portal-5xx-rate',
            arn: arn('cloudwatch', 'alarm:portal-5xx-rate', 'us-east-1'),
            metrics: [{ name: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB' }],
            actionsEnabled: true,
            alarmActions: [TOPIC],
            state: 'OK',
          },
        ]),
        'config.recorders': ok({
          recorders: [{ name: 'default', allSupported: true, includeGlobalResourceTypes: true, recording: true, lastStatus: 'SUCCESS', lastErrorCode: null }],
          deliveryChannels: [{ name: 'default', s3BucketName: 'maple-cloudtrail-logs' }],
        }),
      },
      'us-west-2': {
        'cloudtrail.trails': ok([trail]),
        'logs.logGroups': ok([group('us-west-2', '/maple/portal-dr/app', null, 200)]),
        'logs.metricFilters': ok([]),
        'cloudwatch.alarms': ok([]),
        'config.recorders': ok({ recorders: [], deliveryChannels: [] }),
      },
    },
  };
};

export default part;

import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src/engine/state.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, ctx, daysAgo, denied, state } from '../helpers/state.js';
import { bucket, loadBalancer, rdsInstance, trail } from './02-fixtures.js';

const E1 = 'us-east-1';
const W2 = 'us-west-2';
const trails = (...t: ReturnType<typeof trail>[]) => ({ [E1]: { 'cloudtrail.trails': t }, [W2]: { 'cloudtrail.trails': t } });

describe('cloudtrail-multi-region', () => {
  it('counts an organization trail of the management account, seen from a member account, as this account\'s trail', async () => {
    const orgTrail = trail('org-trail', {
      arn: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org-trail',
      organization: true,
      s3BucketName: 'aws-controltower-logs-999988887777-us-east-1',
      // A member account may read the status by ARN; the event selectors stay with the management account.
      selectors: err({ code: 'TrailNotFoundException', kind: 'other', message: 'Unknown trail: org-trail for the user: 111122223333' }),
    });
    const f = await runCheckById('cloudtrail-multi-region', state({ regional: trails(orgTrail) }));
    expect(f.status).toBe('pass');
    expect(f.message).toBe(
      'Organization trail org-trail of management account 999988887777 (home region us-east-1) records this account in every region and is logging; its event selectors can be read only from the management account.',
    );
    const stopped = trail('org-trail', { ...orgTrail, status: ok({ logging: false, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }) });
    expect((await runCheckById('cloudtrail-multi-region', state({ regional: trails(stopped) }))).status).toBe('fail');
  });
  it('passes for a logging multi-region trail with all management events', async () => {
    const f = await runCheckById('cloudtrail-multi-region', state({ regional: trails(trail('main')) }));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/Trail main \(home region us-east-1\) records all management events/);
  });
  it('fails when the multi-region trail exists but is not logging', async () => {
    const stopped = trail('main', { status: ok({ logging: false, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }) });
    const f = await runCheckById('cloudtrail-multi-region', state({ regional: trails(stopped) }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/exists but is not logging/);
  });
  it('fails with no trail at all, naming the regions', async () => {
    const f = await runCheckById('cloudtrail-multi-region', state({ regional: trails() }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/No CloudTrail trail exists in us-east-1, us-west-2/);
  });
  it('is unknown when DescribeTrails is denied in a region and no good trail is seen', async () => {
    const f = await runCheckById('cloudtrail-multi-region', state({ regional: { [E1]: { 'cloudtrail.trails': denied('cloudtrail:DescribeTrails') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toContain('cloudtrail:DescribeTrails');
  });
});

describe('cloudtrail-cloudwatch-logs', () => {
  const status = (last: string | null) =>
    ok({ logging: true, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: last, latestCloudWatchLogsDeliveryError: null });
  const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail-events:*`;
  it('passes when a trail delivered to its log group today', async () => {
    const f = await runCheckById('cloudtrail-cloudwatch-logs', state({ regional: trails(trail('main', { cloudWatchLogGroupArn: group, status: status(daysAgo(0)) })) }));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/delivers to trail-events/);
  });
  it('fails when delivery stopped days ago', async () => {
    const f = await runCheckById('cloudtrail-cloudwatch-logs', state({ regional: trails(trail('main', { cloudWatchLogGroupArn: group, status: status(daysAgo(9)) })) }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/last delivery was 9 days ago/);
  });
  it('is unknown when the trail status is unreadable', async () => {
    const f = await runCheckById('cloudtrail-cloudwatch-logs', state({ regional: trails(trail('main', { status: err(denied('cloudtrail:GetTrailStatus')) })) }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['cloudtrail:GetTrailStatus']);
  });
});

describe('cloudtrail-s3-data-events', () => {
  const phi = bucket('records', { tags: ok({ phi: 'true' }) });
  it('passes when the PHI bucket is named in the data event selectors', async () => {
    const t = trail('main', { selectors: ok({ management: 'All', s3DataAll: false, s3DataBuckets: ['records'] }) });
    const f = await runCheckById('cloudtrail-s3-data-events', state({ global: { 's3.buckets': [phi, bucket('public-site')] }, regional: trails(t) }));
    expect(f.status).toBe('pass');
    expect(f.message).toBe('Object-level reads and writes are recorded for every ePHI bucket (1 ePHI bucket checked).');
  });
  it('fails for a PHI bucket no trail records', async () => {
    const f = await runCheckById('cloudtrail-s3-data-events', state({ global: { 's3.buckets': [phi] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/records \(us-east-1\)/);
  });
  it('fails when the only selector records writes: WriteOnly logs no GetObject', async () => {
    const classic = trail('main', { selectors: ok({ management: 'All', s3DataAll: false, s3DataBuckets: ['records'], s3DataReadAll: false, s3DataReadBuckets: [] }) });
    const f = await runCheckById('cloudtrail-s3-data-events', state({ global: { 's3.buckets': [phi] }, regional: trails(classic) }));
    expect(f.status).toBe('fail');
    expect(f.message).toContain('Bucket records in us-east-1: trail main records only writes (WriteOnly), so no one\'s reads of its objects are recorded.');
  });
  it('fails when only a single-region trail in another region selects the bucket', async () => {
    const west = trail('west-only', {
      arn: `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/west-only`,
      homeRegion: 'us-west-2',
      multiRegion: false,
      selectors: ok({ management: 'All', s3DataAll: true, s3DataBuckets: [], s3DataReadAll: true, s3DataReadBuckets: [] }),
    });
    const f = await runCheckById('cloudtrail-s3-data-events', state({ global: { 's3.buckets': [phi] }, regional: { 'us-east-1': { 'cloudtrail.trails': [] }, 'us-west-2': { 'cloudtrail.trails': [west] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toContain('trail west-only selects it but is a single-region trail in us-west-2, so it records nothing from us-east-1.');
    const local = { ...west, homeRegion: 'us-east-1' };
    expect((await runCheckById('cloudtrail-s3-data-events', state({ global: { 's3.buckets': [phi] }, regional: { 'us-east-1': { 'cloudtrail.trails': [local] } } }))).status).toBe('pass');
  });
  it('is unknown when the bucket list is denied', async () => {
    const f = await runCheckById('cloudtrail-s3-data-events', state({ global: { 's3.buckets': denied('s3:ListAllMyBuckets') }, regional: trails(trail('main')) }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:ListAllMyBuckets']);
  });
});

describe('cloudtrail-bucket-private', () => {
  it('passes for a private, access-logged trail bucket', async () => {
    const b = bucket('trail-logs', { logging: ok({ targetBucket: 'access-logs', targetPrefix: 'trail/' }) });
    const f = await runCheckById('cloudtrail-bucket-private', state({ global: { 's3.buckets': [b] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('pass');
  });
  it('fails for a public trail bucket without access logging', async () => {
    const b = bucket('trail-logs', { policyStatus: ok({ isPublic: true }) });
    const f = await runCheckById('cloudtrail-bucket-private', state({ global: { 's3.buckets': [b] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/trail-logs in us-east-1 .*bucket policy makes it public; server access logging is off/);
  });
  it('is unknown when the policy status is denied', async () => {
    const b = bucket('trail-logs', { policyStatus: err(denied('s3:GetBucketPolicyStatus')) });
    const f = await runCheckById('cloudtrail-bucket-private', state({ global: { 's3.buckets': [b] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetBucketPolicyStatus']);
  });
});

describe('cloudtrail-bucket-protected', () => {
  it('passes when the trail bucket lives in another account', async () => {
    const f = await runCheckById('cloudtrail-bucket-protected', state({ global: { 's3.buckets': [] }, regional: trails(trail('main', { s3BucketName: 'org-audit-logs' })) }));
    expect(f.status).toBe('pass');
    expect(f.resources[0]?.detail).toMatch(/another account/);
  });
  it('passes with Object Lock in compliance mode', async () => {
    const b = bucket('trail-logs', { objectLock: ok({ enabled: true, mode: 'COMPLIANCE', days: null, years: 6 }) });
    const f = await runCheckById('cloudtrail-bucket-protected', state({ global: { 's3.buckets': [b] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('pass');
  });
  it('fails when only a TLS deny protects the bucket', async () => {
    const b = bucket('trail-logs', {
      policy: ok({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
    });
    const f = await runCheckById('cloudtrail-bucket-protected', state({ global: { 's3.buckets': [b] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/an administrator can erase the logs/);
  });
  it('is unknown when Object Lock cannot be read', async () => {
    const b = bucket('trail-logs', { objectLock: err(denied('s3:GetBucketObjectLockConfiguration')) });
    const f = await runCheckById('cloudtrail-bucket-protected', state({ global: { 's3.buckets': [b] }, regional: trails(trail('main')) }));
    expect(f.status).toBe('unknown');
  });
});

describe('log-group-retention', () => {
  const g = (name: string, retentionDays: number | null) => ({ name, arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`, retentionDays, kmsKeyId: null, storedBytes: 0, createdAt: null });
  it('passes for one-year and never-expire groups by default (365 days, not six years) and reports each retention', async () => {
    const f = await runCheckById('log-group-retention', state({ regional: { [E1]: { 'logs.logGroups': [g('a', 365), g('b', null)] } } }));
    expect(f.status).toBe('pass');
    expect(f.message).toBe('Every log group keeps events at least 365 days or forever (2 log groups checked).');
    expect(f.resources.map((r) => r.detail)).toEqual(['Log group a in us-east-1 keeps events 365 days.', 'Log group b in us-east-1 keeps events forever.']);
  });
  it('fails a 180-day group against the default threshold, and follows --log-retention-days either way', async () => {
    const s = state({ regional: { [E1]: { 'logs.logGroups': [g('trail', 180)] } } });
    const f = await runCheckById('log-group-retention', s);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/less than 365 days: trail in us-east-1 \(180 days\)/);
    expect((await runCheckById('log-group-retention', s, ctx({ logRetentionDays: 30 }))).status).toBe('pass');
    const sixYears = await runCheckById('log-group-retention', state({ regional: { [E1]: { 'logs.logGroups': [g('a', 365), g('b', null)] } } }), ctx({ logRetentionDays: 2192 }));
    expect(sixYears.status).toBe('fail');
    expect(sixYears.message).toMatch(/less than 2192 days: a in us-east-1 \(365 days\)/);
  });
  it('is unknown in a region where DescribeLogGroups is denied', async () => {
    const f = await runCheckById('log-group-retention', state({ regional: { [E1]: { 'logs.logGroups': denied('logs:DescribeLogGroups') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['logs:DescribeLogGroups']);
  });
});

describe('vpc-flow-logs', () => {
  const vpc = { id: 'vpc-1', cidr: '10.0.0.0/16', isDefault: false, tags: { Name: 'prod' } };
  const fl = { id: 'fl-1', resourceId: 'vpc-1', status: 'ACTIVE', trafficType: 'ALL', destinationType: 's3', deliverStatus: 'SUCCESS' };
  it('passes when the VPC has an active flow log', async () => {
    expect((await runCheckById('vpc-flow-logs', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.flowLogs': [fl] } } }))).status).toBe('pass');
  });
  it('fails a VPC without a flow log', async () => {
    const f = await runCheckById('vpc-flow-logs', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.flowLogs': [] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/VPC vpc-1 \(prod\) in us-east-1 has no active flow log/);
  });
  it('counts a VPC covered when every subnet has a flow log, not when only some subnets or interfaces do', async () => {
    const sub = (id: string) => ({ id, vpcId: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: {} });
    const subnets = [sub('subnet-a'), sub('subnet-b')];
    const on = (resourceId: string, id: string) => ({ ...fl, id, resourceId });
    const all = await runCheckById('vpc-flow-logs', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.subnets': subnets, 'ec2.flowLogs': [on('subnet-a', 'fl-a'), on('subnet-b', 'fl-b')] } } }));
    expect(all.status).toBe('pass');
    expect(all.resources[0]?.detail).toBe('VPC vpc-1 (prod) in us-east-1 has a flow log on each of its 2 subnets.');
    const some = await runCheckById('vpc-flow-logs', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.subnets': subnets, 'ec2.flowLogs': [on('subnet-a', 'fl-a'), on('eni-0abc', 'fl-e')] } } }));
    expect(some.status).toBe('fail');
    expect(some.message).toMatch(/flow logs on only 1 of its 2 subnets; subnet-b record nothing/);
  });
  it('fails a flow log whose delivery fails, with AWS’s error message', async () => {
    const broken = { ...fl, deliverStatus: 'FAILED', deliverError: 'Access error' };
    const f = await runCheckById('vpc-flow-logs', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.subnets': [], 'ec2.flowLogs': [broken] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/flow log fl-1 on vpc-1 fails to deliver to its s3 destination \(Access error\)/);
  });
  it('is unknown when flow logs cannot be listed', async () => {
    const f = await runCheckById('vpc-flow-logs', state({ regional: { [E1]: { 'ec2.vpcs': [vpc], 'ec2.flowLogs': denied('ec2:DescribeFlowLogs') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['ec2:DescribeFlowLogs']);
  });
});

describe('config-recording', () => {
  const rec = (recording: boolean) => ({
    recorders: [{ name: 'default', allSupported: true, includeGlobalResourceTypes: true, recording, lastStatus: 'SUCCESS', lastErrorCode: null }],
    deliveryChannels: [{ name: 'default', s3BucketName: 'config' }],
  });
  it('passes when every region records', async () => {
    expect((await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': rec(true) }, [W2]: { 'config.recorders': rec(true) } } }))).status).toBe('pass');
  });
  it('fails a region with a stopped recorder', async () => {
    const f = await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': rec(true) }, [W2]: { 'config.recorders': rec(false) } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/us-west-2.*it is stopped/);
  });
  it('judges the customer recorder, not a service-linked recorder listed before it', async () => {
    const linked = { name: 'AWSConfigurationRecorderForSecurityHub', allSupported: false, includeGlobalResourceTypes: false, recording: true, lastStatus: 'SUCCESS', lastErrorCode: null, serviceLinked: true };
    const both = { ...rec(true), recorders: [linked, ...rec(true).recorders] };
    expect((await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': both }, [W2]: { 'config.recorders': rec(true) } } }))).status).toBe('pass');
    const stopped = { ...rec(false), recorders: [linked, ...rec(false).recorders] };
    const f = await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': stopped }, [W2]: { 'config.recorders': rec(true) } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/recorder default in us-east-1: it is stopped/);
    const only = { recorders: [linked], deliveryChannels: [] };
    const g = await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': only }, [W2]: { 'config.recorders': rec(true) } } }));
    expect(g.status).toBe('fail');
    expect(g.message).toMatch(/No customer AWS Config recorder exists in us-east-1; only the service-linked recorder AWSConfigurationRecorderForSecurityHub/);
  });
  it('fails a recorder whose last recording failed, as AWS spells it ("Failure")', async () => {
    const failing = { ...rec(true), recorders: [{ ...rec(true).recorders[0]!, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' }] };
    const f = await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': failing }, [W2]: { 'config.recorders': rec(true) } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/its last recording failed \(AccessDenied\)/);
  });
  it('is unknown when the recorders are denied', async () => {
    const f = await runCheckById('config-recording', state({ regional: { [E1]: { 'config.recorders': denied('config:DescribeConfigurationRecorders') } } }));
    expect(f.status).toBe('unknown');
  });
});

describe('elb-access-logs', () => {
  it('passes for a load balancer that logs', async () => {
    expect((await runCheckById('elb-access-logs', state({ regional: { [E1]: { 'elbv2.loadBalancers': [loadBalancer('web')] } } }))).status).toBe('pass');
  });
  it('fails for one that does not', async () => {
    const lb = loadBalancer('web', { attributes: ok({ accessLogs: false, accessLogsBucket: null, deletionProtection: true }) });
    const f = await runCheckById('elb-access-logs', state({ regional: { [E1]: { 'elbv2.loadBalancers': [lb] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/web \(us-east-1\)/);
  });
  it('is unknown when its attributes are denied', async () => {
    const lb = loadBalancer('web', { attributes: err(denied('elasticloadbalancing:DescribeLoadBalancerAttributes')) });
    const f = await runCheckById('elb-access-logs', state({ regional: { [E1]: { 'elbv2.loadBalancers': [lb] } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['elasticloadbalancing:DescribeLoadBalancerAttributes']);
  });
});

describe('s3-access-logging', () => {
  it('checks only PHI-tagged buckets when some are tagged', async () => {
    const f = await runCheckById('s3-access-logging', state({ global: { 's3.buckets': [bucket('records', { tags: ok({ phi: 'true' }), logging: ok({ targetBucket: 'logs', targetPrefix: 'r/' }) }), bucket('site')] } }));
    expect(f.status).toBe('pass');
    expect(f.resources).toHaveLength(1);
  });
  it('fails every unlogged bucket when nothing is tagged', async () => {
    const f = await runCheckById('s3-access-logging', state({ global: { 's3.buckets': [bucket('a'), bucket('b', { region: W2 })] } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/2 buckets keep no server access logs: a \(us-east-1\), b \(us-west-2\)/);
  });
  it('is unknown when GetBucketLogging is denied', async () => {
    const f = await runCheckById('s3-access-logging', state({ global: { 's3.buckets': [bucket('a', { logging: err(denied('s3:GetBucketLogging')) })] } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['s3:GetBucketLogging']);
  });
});

describe('rds-log-exports', () => {
  it('passes when logs are exported', async () => {
    expect((await runCheckById('rds-log-exports', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db')], 'rds.clusters': [] } } }))).status).toBe('pass');
  });
  it('fails when nothing is exported', async () => {
    const f = await runCheckById('rds-log-exports', state({ regional: { [E1]: { 'rds.instances': [rdsInstance('db', { enabledLogExports: [] })], 'rds.clusters': [] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/db \(us-east-1\)/);
  });
  it('is unknown when instances are denied', async () => {
    const f = await runCheckById('rds-log-exports', state({ regional: { [E1]: { 'rds.instances': denied('rds:DescribeDBInstances'), 'rds.clusters': [] } } }));
    expect(f.status).toBe('unknown');
  });
});

describe('security-alarms', () => {
  const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail-events:*`;
  const filters = [
    { name: 'root', logGroupName: 'trail-events', pattern: '{ $.userIdentity.type = "Root" }', metrics: [{ name: 'Root', namespace: 'Sec' }] },
    { name: 'signin', logGroupName: 'trail-events', pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }', metrics: [{ name: 'Signin', namespace: 'Sec' }] },
    { name: 'denied', logGroupName: 'trail-events', pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }', metrics: [{ name: 'Denied', namespace: 'Sec' }] },
  ];
  const alarm = (metric: string) => ({ name: metric, arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${metric}`, metrics: [{ name: metric, namespace: 'Sec' }], actionsEnabled: true, alarmActions: ['arn:aws:sns:us-east-1:1:t'], state: 'OK' });
  const t = trail('main', { cloudWatchLogGroupArn: group });
  const confirmed = [{ topicArn: 'arn:aws:sns:us-east-1:1:t', protocol: 'email', endpoint: 'sec@maple.example', confirmed: true }];
  it('passes with a filter and notifying alarm for each event', async () => {
    const s = state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filters, 'cloudwatch.alarms': [alarm('Root'), alarm('Signin'), alarm('Denied')], 'sns.subscriptions': confirmed } } });
    expect((await runCheckById('security-alarms', s)).status).toBe('pass');
  });
  it('fails when the alarms\' topic has only a subscription pending confirmation, which delivers nothing', async () => {
    const pending = [{ ...confirmed[0]!, confirmed: false }];
    const s = state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filters, 'cloudwatch.alarms': [alarm('Root'), alarm('Signin'), alarm('Denied')], 'sns.subscriptions': pending } } });
    const f = await runCheckById('security-alarms', s);
    expect(f.status).toBe('fail');
    expect(f.resources.find((r) => r.id === 'alarm for root user activity')?.detail).toMatch(/SNS topic with a confirmed subscriber/);
  });
  it('fails when the alarms\' topic has no subscriber at all', async () => {
    const s = state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filters, 'cloudwatch.alarms': [alarm('Root'), alarm('Signin'), alarm('Denied')], 'sns.subscriptions': [] } } });
    expect((await runCheckById('security-alarms', s)).status).toBe('fail');
  });
  it('is unknown, naming sns:ListSubscriptions, when subscriptions cannot be read', async () => {
    const s = state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filters, 'cloudwatch.alarms': [alarm('Root')], 'sns.subscriptions': denied('sns:ListSubscriptions') } } });
    const f = await runCheckById('security-alarms', s);
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['sns:ListSubscriptions']);
  });
  it('fails naming the event without an alarm', async () => {
    const s = state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filters, 'cloudwatch.alarms': [alarm('Root'), alarm('Signin')], 'sns.subscriptions': confirmed } } });
    const f = await runCheckById('security-alarms', s);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/unauthorized API calls on CloudTrail log group trail-events in us-east-1/);
  });
  it('fails when no trail feeds CloudWatch Logs', async () => {
    const f = await runCheckById('security-alarms', state({ regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.metricFilters': [], 'cloudwatch.alarms': [] } } }));
    expect(f.status).toBe('fail');
  });
  it('is unknown when alarms cannot be read', async () => {
    const s = state({ regional: { [E1]: { 'cloudtrail.trails': [t], 'logs.metricFilters': filters, 'cloudwatch.alarms': denied('cloudwatch:DescribeAlarms') } } });
    const f = await runCheckById('security-alarms', s);
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['cloudwatch:DescribeAlarms']);
  });
});

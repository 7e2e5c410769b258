import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeSSLPoliciesCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AWSOrganizationsNotInUseException, DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollection } from '../helpers/collection.js';

const logs = mockClient(CloudWatchLogsClient);
const cw = mockClient(CloudWatchClient);
const config = mockClient(ConfigServiceClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const acm = mockClient(ACMClient);
const cf = mockClient(CloudFrontClient);
const org = mockClient(OrganizationsClient);
afterEach(() => {
  for (const m of [logs, cw, config, elb, acm, cf, org]) m.reset();
});

const collection = () => testCollection(['us-east-1']);
const E1 = 'us-east-1';

describe('logs, alarms and Config', () => {
  it('reports each log group with its retention (none = never expires), across pages', async () => {
    logs
      .on(DescribeLogGroupsCommand)
      .resolvesOnce({ logGroups: [{ logGroupName: 'trail', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:trail:*', retentionInDays: 30 }], nextToken: 't2' })
      .resolves({ logGroups: [{ logGroupName: 'app', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:app:*', kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k' }] });
    const r = await collection().regional('logs.logGroups', E1);
    expect(r.ok && r.value.map((g) => [g.name, g.arn, g.retentionDays, g.kmsKeyId])).toEqual([
      ['trail', 'arn:aws:logs:us-east-1:111122223333:log-group:trail', 30, null],
      ['app', 'arn:aws:logs:us-east-1:111122223333:log-group:app', null, 'arn:aws:kms:us-east-1:111122223333:key/k'],
    ]);
  });

  it('reads metric-math alarms by their metrics', async () => {
    cw.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'denied',
          AlarmArn: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:denied',
          ActionsEnabled: true,
          AlarmActions: ['arn:aws:sns:us-east-1:111122223333:alerts'],
          StateValue: 'OK',
          Metrics: [{ Id: 'm1', MetricStat: { Metric: { MetricName: 'Denied', Namespace: 'Sec' }, Period: 300, Stat: 'Sum' } }],
        },
      ],
    });
    const r = await collection().regional('cloudwatch.alarms', E1);
    expect(r.ok && r.value[0]?.metrics).toEqual([{ name: 'Denied', namespace: 'Sec' }]);
    expect(cw.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toMatchObject({ AlarmTypes: ['MetricAlarm'] });
  });

  it('turns NoSuchConfigurationRecorderException into "no recorder" and joins status to recorder', async () => {
    config.on(DescribeConfigurationRecordersCommand).rejects(awsError('NoSuchConfigurationRecorderException', 'Cannot find configuration recorder'));
    config.on(DescribeConfigurationRecorderStatusCommand).rejects(awsError('NoSuchConfigurationRecorderException', 'Cannot find configuration recorder'));
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    expect(await collection().regional('config.recorders', E1)).toEqual({ ok: true, value: { recorders: [], deliveryChannels: [] } });
    config.reset();
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } }] });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording: false, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' }] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] });
    const r = await collection().regional('config.recorders', E1);
    expect(r.ok && r.value.recorders[0]).toMatchObject({ name: 'default', allSupported: true, recording: false, lastErrorCode: 'AccessDenied' });
  });

  it('marks a service-linked recorder returned beside the customer recorder', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        {
          arn: 'arn:aws:config:us-east-1:111122223333:configuration-recorder/AWSConfigurationRecorderForSecurityHub/abc',
          name: 'AWSConfigurationRecorderForSecurityHub',
          recordingGroup: { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::EC2::Instance'] },
          recordingScope: 'INTERNAL',
          servicePrincipal: 'securityhub.amazonaws.com',
        },
        { arn: 'arn:aws:config:us-east-1:111122223333:configuration-recorder/default/def', name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true }, recordingScope: 'PAID' },
      ],
    });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({
      ConfigurationRecordersStatus: [
        { name: 'AWSConfigurationRecorderForSecurityHub', recording: true, lastStatus: 'Success' },
        { name: 'default', recording: true, lastStatus: 'Success' },
      ],
    });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] });
    const r = await collection().regional('config.recorders', E1);
    expect(r.ok && r.value.recorders.map((x) => [x.name, x.serviceLinked])).toEqual([
      ['AWSConfigurationRecorderForSecurityHub', true],
      ['default', false],
    ]);
  });
});

describe('load balancers, certificates, CloudFront, Organizations', () => {
  it('reads listeners and attributes per load balancer and the protocols of the policies in use, once', async () => {
    const arn = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/1';
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: arn, LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing' }] });
    elb.on(DescribeLoadBalancerAttributesCommand).resolves({
      Attributes: [
        { Key: 'access_logs.s3.enabled', Value: 'false' },
        { Key: 'deletion_protection.enabled', Value: 'true' },
      ],
    });
    elb.on(DescribeListenersCommand).resolves({
      Listeners: [
        { ListenerArn: 'l1', Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] },
        { ListenerArn: 'l2', Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: [{ Type: 'forward' }] },
      ],
    });
    elb.on(DescribeSSLPoliciesCommand).resolves({ SslPolicies: [{ Name: 'ELBSecurityPolicy-2016-08', SslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }] });
    const c = collection();
    await c.collect({ regional: ['elbv2.loadBalancers', 'elbv2.sslPolicies'] });
    const s = c.state().regional[E1]!;
    expect(s['elbv2.loadBalancers']).toMatchObject({
      ok: true,
      value: [{ name: 'web', attributes: { ok: true, value: { accessLogs: false, deletionProtection: true } }, listeners: { ok: true, value: [{ port: 80, defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS' }] }, { port: 443 }] } }],
    });
    expect(s['elbv2.sslPolicies']).toEqual({ ok: true, value: { 'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.1', 'TLSv1.2'] } });
    expect(elb.commandCalls(DescribeLoadBalancersCommand)).toHaveLength(1);
    expect(elb.commandCalls(DescribeSSLPoliciesCommand)[0]?.args[0].input).toEqual({ Names: ['ELBSecurityPolicy-2016-08'] });
  });

  it('asks ACM for every key type, not only RSA 2048', async () => {
    acm.on(ListCertificatesCommand).resolves({
      CertificateSummaryList: [{ CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/c', DomainName: 'portal.example', Status: 'ISSUED', Type: 'IMPORTED', NotAfter: new Date('2026-12-06T00:00:00Z'), InUse: true }],
    });
    const r = await collection().regional('acm.certificates', E1);
    expect(acm.commandCalls(ListCertificatesCommand)[0]?.args[0].input.Includes?.keyTypes).toEqual(expect.arrayContaining(['RSA_2048', 'EC_prime256v1', 'RSA_4096']));
    expect(r.ok && r.value[0]).toMatchObject({ domain: 'portal.example', type: 'IMPORTED', notAfter: '2026-12-06T00:00:00.000Z', inUse: true });
  });

  it('reads CloudFront viewer policies for every behaviour', async () => {
    cf.on(ListDistributionsCommand).resolves({
      DistributionList: {
        Marker: '',
        MaxItems: 100,
        IsTruncated: false,
        Quantity: 1,
        Items: [
          {
            Id: 'E1',
            ARN: 'arn:aws:cloudfront::111122223333:distribution/E1',
            DomainName: 'd1.cloudfront.net',
            Enabled: true,
            Aliases: { Quantity: 0 },
            DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'redirect-to-https' },
            CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', TargetOriginId: 'o', ViewerProtocolPolicy: 'allow-all' }] },
            ViewerCertificate: { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1' },
            Origins: { Quantity: 1, Items: [{ Id: 'o', DomainName: 'api.example', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' } }] },
          } as never,
        ],
      },
    });
    const r = await collection().global('cloudfront.distributions');
    expect(r.ok && r.value[0]).toMatchObject({
      viewerPolicies: [
        { path: '*', policy: 'redirect-to-https' },
        { path: '/api/*', policy: 'allow-all' },
      ],
      defaultCertificate: true,
      origins: [{ id: 'o', protocolPolicy: 'http-only' }],
    });
  });

  it('reads "not in an organization" as null, and lists accounts only inside one', async () => {
    org.on(DescribeOrganizationCommand).rejects(new AWSOrganizationsNotInUseException({ message: 'Your account is not a member of an organization.', $metadata: {} }));
    const c = collection();
    await c.collect({ global: ['organizations.organization', 'organizations.accounts'] });
    expect(c.state().global['organizations.organization']).toEqual({ ok: true, value: null });
    expect(c.state().global['organizations.accounts']).toEqual({ ok: true, value: [] });
    expect(org.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });
});

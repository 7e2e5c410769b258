/**
 * The collectors of issue 14, mocked at the SDK client with AWS's response shapes and error names:
 * each reads every resource once, maps what the checks need, and turns a refusal into an error
 * naming the IAM action (the whole slice for a listing, the one part for a per-resource call).
 */
import { APIGatewayClient, GetDomainNamesCommand as GetRestDomainNamesCommand, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, GetDomainNamesCommand, GetStagesCommand as GetV2StagesCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudFrontClient, ListDistributionsByWebACLIdCommand } from '@aws-sdk/client-cloudfront';
import { BatchGetProjectsCommand, CodeBuildClient, ListProjectsCommand } from '@aws-sdk/client-codebuild';
import { DescribeNetworkAclsCommand, DescribeVpnConnectionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import { DescribeClusterCommand, DescribeSecurityConfigurationCommand, EMRClient, GetBlockPublicAccessConfigurationCommand, ListClustersCommand } from '@aws-sdk/client-emr';
import { DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { GetPolicyCommand, LambdaClient, ListFunctionsCommand, ListFunctionUrlConfigsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { DescribeClusterParametersCommand, DescribeClustersCommand, DescribeLoggingStatusCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { DescribeNotebookInstanceCommand, ListNotebookInstancesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetTopicAttributesCommand, ListTagsForResourceCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueuesCommand, ListQueueTagsCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetLoggingConfigurationCommand, ListResourcesForWebACLCommand, ListWebACLsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollection } from '../helpers/collection.js';

const E1 = 'us-east-1';
const ACC = '111122223333';
const denied = (action: string, name = 'AccessDeniedException') => awsError(name, `User: arn:aws:iam::${ACC}:user/t is not authorized to perform: ${action}`, 403);

const lambda = mockClient(LambdaClient);
const elb = mockClient(ElasticLoadBalancingClient);
const redshift = mockClient(RedshiftClient);
const os = mockClient(OpenSearchClient);
const apigw = mockClient(APIGatewayClient);
const apigw2 = mockClient(ApiGatewayV2Client);
const waf = mockClient(WAFV2Client);
const cf = mockClient(CloudFrontClient);
const ec2 = mockClient(EC2Client);
const sns = mockClient(SNSClient);
const sqs = mockClient(SQSClient);
const kinesis = mockClient(KinesisClient);
const sm = mockClient(SageMakerClient);
const emr = mockClient(EMRClient);
const cb = mockClient(CodeBuildClient);
const secrets = mockClient(SecretsManagerClient);
const mocks = [secrets, lambda, elb, redshift, os, apigw, apigw2, waf, cf, ec2, sns, sqs, kinesis, sm, emr, cb];
afterEach(() => {
  for (const m of mocks) m.reset();
});

describe('lambdaaccess.functions', () => {
  const arnOf = (n: string) => `arn:aws:lambda:us-east-1:${ACC}:function:${n}`;
  it('reads each function once: VPC, environment key, tags, policy (none is null) and function URLs', async () => {
    lambda.on(ListFunctionsCommand).resolves({
      Functions: [
        { FunctionName: 'intake', FunctionArn: arnOf('intake'), VpcConfig: { VpcId: 'vpc-1', SubnetIds: ['subnet-1'] }, KMSKeyArn: 'arn:aws:kms:us-east-1:1:key/k', Environment: { Variables: { DB: 'x' } } },
        { FunctionName: 'reminders', FunctionArn: arnOf('reminders'), VpcConfig: { VpcId: '', SubnetIds: [] } },
      ],
    });
    lambda.on(ListTagsCommand).resolves({ Tags: { phi: 'true' } });
    lambda
      .on(GetPolicyCommand, { FunctionName: arnOf('intake') })
      .resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'url', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl' }] }) })
      .on(GetPolicyCommand, { FunctionName: arnOf('reminders') })
      .rejects(awsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404));
    lambda
      .on(ListFunctionUrlConfigsCommand, { FunctionName: arnOf('intake') })
      .resolves({ FunctionUrlConfigs: [{ FunctionUrl: 'https://x.lambda-url.us-east-1.on.aws/', AuthType: 'NONE', FunctionArn: arnOf('intake'), CreationTime: '', LastModifiedTime: '' }] })
      .on(ListFunctionUrlConfigsCommand, { FunctionName: arnOf('reminders') })
      .resolves({ FunctionUrlConfigs: [] });
    const r = await testCollection().regional('lambdaaccess.functions', E1);
    expect(r.ok && r.value).toEqual([
      {
        name: 'intake',
        arn: arnOf('intake'),
        vpcId: 'vpc-1',
        kmsKeyArn: 'arn:aws:kms:us-east-1:1:key/k',
        hasEnvironment: true,
        tags: { ok: true, value: { phi: 'true' } },
        policy: { ok: true, value: { Version: '2012-10-17', Statement: [{ Sid: 'url', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl' }] } },
        urls: { ok: true, value: [{ url: 'https://x.lambda-url.us-east-1.on.aws/', authType: 'NONE' }] },
      },
      { name: 'reminders', arn: arnOf('reminders'), vpcId: null, kmsKeyArn: null, hasEnvironment: false, tags: { ok: true, value: { phi: 'true' } }, policy: { ok: true, value: null }, urls: { ok: true, value: [] } },
    ]);
    expect(lambda.commandCalls(GetPolicyCommand)).toHaveLength(2);
    expect(lambda.commandCalls(ListTagsCommand)).toHaveLength(2);
  });
  it('shares one ListFunctions listing with lambda.functions', async () => {
    lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'a', FunctionArn: arnOf('a'), Runtime: 'nodejs20.x' }] });
    lambda.on(ListTagsCommand).resolves({ Tags: {} });
    lambda.on(GetPolicyCommand).rejects(awsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404));
    lambda.on(ListFunctionUrlConfigsCommand).resolves({ FunctionUrlConfigs: [] });
    const c = testCollection();
    const [access, plain] = await Promise.all([c.regional('lambdaaccess.functions', E1), c.regional('lambda.functions', E1)]);
    expect(lambda.commandCalls(ListFunctionsCommand)).toHaveLength(1);
    expect(access.ok && access.value.map((f) => f.name)).toEqual(['a']);
    expect(plain.ok && plain.value.map((f) => f.runtime)).toEqual(['nodejs20.x']);
  });
  it('keeps a refused GetPolicy as that function part, naming lambda:GetPolicy', async () => {
    lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'a', FunctionArn: arnOf('a') }] });
    lambda.on(ListTagsCommand).resolves({ Tags: {} });
    lambda.on(GetPolicyCommand).rejects(denied('lambda:GetPolicy'));
    lambda.on(ListFunctionUrlConfigsCommand).resolves({ FunctionUrlConfigs: [] });
    const r = await testCollection().regional('lambdaaccess.functions', E1);
    expect(r.ok && r.value[0]?.policy).toMatchObject({ ok: false, error: { kind: 'access', action: 'lambda:GetPolicy' } });
  });
  it('fails the slice naming lambda:ListFunctions when the listing is refused', async () => {
    lambda.on(ListFunctionsCommand).rejects(denied('lambda:ListFunctions'));
    const r = await testCollection().regional('lambdaaccess.functions', E1);
    expect(r).toMatchObject({ ok: false, error: { kind: 'access', action: 'lambda:ListFunctions' } });
  });
});

describe('elb.loadBalancers (Classic)', () => {
  it('maps listeners, access logs and the TLS versions of SSL negotiation policies', async () => {
    elb.on(DescribeLoadBalancersCommand).resolves({
      LoadBalancerDescriptions: [
        {
          LoadBalancerName: 'legacy',
          DNSName: 'legacy-1.us-east-1.elb.amazonaws.com',
          Scheme: 'internet-facing',
          ListenerDescriptions: [
            { Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }, PolicyNames: [] },
            { Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: 'arn:cert' }, PolicyNames: ['ELBSecurityPolicy-2016-08'] },
          ],
        },
      ],
    });
    elb.on(DescribeLoadBalancerAttributesCommand).resolves({ LoadBalancerAttributes: { AccessLog: { Enabled: false } } });
    elb.on(DescribeLoadBalancerPoliciesCommand).resolves({
      PolicyDescriptions: [
        {
          PolicyName: 'ELBSecurityPolicy-2016-08',
          PolicyTypeName: 'SSLNegotiationPolicyType',
          PolicyAttributeDescriptions: [
            { AttributeName: 'Protocol-TLSv1', AttributeValue: 'true' },
            { AttributeName: 'Protocol-SSLv3', AttributeValue: 'false' },
            { AttributeName: 'Protocol-TLSv1.2', AttributeValue: 'true' },
            { AttributeName: 'ECDHE-RSA-AES128-GCM-SHA256', AttributeValue: 'true' },
          ],
        },
        { PolicyName: 'AWSConsole-LBCookieStickinessPolicy', PolicyTypeName: 'LBCookieStickinessPolicyType', PolicyAttributeDescriptions: [] },
      ],
    });
    const r = await testCollection().regional('elb.loadBalancers', E1);
    expect(r.ok && r.value).toEqual([
      {
        name: 'legacy',
        dnsName: 'legacy-1.us-east-1.elb.amazonaws.com',
        scheme: 'internet-facing',
        listeners: [
          { protocol: 'HTTP', port: 80, instanceProtocol: 'HTTP', policyNames: [] },
          { protocol: 'HTTPS', port: 443, instanceProtocol: 'HTTP', policyNames: ['ELBSecurityPolicy-2016-08'] },
        ],
        accessLogs: { ok: true, value: false },
        sslProtocols: { ok: true, value: { 'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.2'] } },
      },
    ]);
  });
  it('names elasticloadbalancing:DescribeLoadBalancerAttributes when attributes are refused', async () => {
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancerDescriptions: [{ LoadBalancerName: 'a', ListenerDescriptions: [] }] });
    elb.on(DescribeLoadBalancerAttributesCommand).rejects(denied('elasticloadbalancing:DescribeLoadBalancerAttributes', 'AccessDenied'));
    const r = await testCollection().regional('elb.loadBalancers', E1);
    expect(r.ok && r.value[0]?.accessLogs).toMatchObject({ ok: false, error: { action: 'elasticloadbalancing:DescribeLoadBalancerAttributes' } });
    expect(elb.commandCalls(DescribeLoadBalancerPoliciesCommand)).toHaveLength(0);
  });
});

describe('redshift.clusters', () => {
  it('reads each parameter group once however many clusters share it, and the logging status per cluster', async () => {
    redshift.on(DescribeClustersCommand).resolves({
      Clusters: [
        { ClusterIdentifier: 'a', PubliclyAccessible: true, Encrypted: false, ClusterParameterGroups: [{ ParameterGroupName: 'default.redshift-1.0' }] },
        { ClusterIdentifier: 'b', PubliclyAccessible: false, Encrypted: true, KmsKeyId: 'arn:k', ClusterParameterGroups: [{ ParameterGroupName: 'default.redshift-1.0' }] },
      ],
    });
    redshift.on(DescribeClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'enable_user_activity_logging', ParameterValue: 'false' }, { ParameterName: 'require_ssl', ParameterValue: 'false' }] });
    redshift.on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'a' }).resolves({ LoggingEnabled: false }).on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'b' }).resolves({ LoggingEnabled: true, LogDestinationType: 'cloudwatch' });
    const r = await testCollection().regional('redshift.clusters', E1);
    expect(r.ok && r.value).toEqual([
      { id: 'a', publiclyAccessible: true, encrypted: false, kmsKeyId: null, parameterGroups: ['default.redshift-1.0'], requireSsl: { ok: true, value: false }, auditLogging: { ok: true, value: false } },
      { id: 'b', publiclyAccessible: false, encrypted: true, kmsKeyId: 'arn:k', parameterGroups: ['default.redshift-1.0'], requireSsl: { ok: true, value: false }, auditLogging: { ok: true, value: true } },
    ]);
    expect(redshift.commandCalls(DescribeClusterParametersCommand)).toHaveLength(1);
  });
  it('names redshift:DescribeClusters when the listing is refused', async () => {
    redshift.on(DescribeClustersCommand).rejects(denied('redshift:DescribeClusters', 'AccessDenied'));
    expect(await testCollection().regional('redshift.clusters', E1)).toMatchObject({ ok: false, error: { action: 'redshift:DescribeClusters' } });
  });
});

describe('opensearch.domains', () => {
  it('describes domains five at a time', async () => {
    const names = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
    os.on(ListDomainNamesCommand).resolves({ DomainNames: names.map((DomainName) => ({ DomainName, EngineType: 'OpenSearch' })) });
    os.on(DescribeDomainsCommand).callsFake(async (input: { DomainNames: string[] }) => ({
      DomainStatusList: input.DomainNames.map((n) => ({
        DomainName: n,
        DomainId: `${ACC}/${n}`,
        ARN: `arn:aws:es:us-east-1:${ACC}:domain/${n}`,
        ClusterConfig: {},
        EncryptionAtRestOptions: { Enabled: n !== 'd6' },
        NodeToNodeEncryptionOptions: { Enabled: true },
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
        VPCOptions: n === 'd1' ? { VPCId: 'vpc-1' } : undefined,
        LogPublishingOptions: n === 'd1' ? { AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: 'arn:lg' } } : {},
      })),
    }));
    const r = await testCollection().regional('opensearch.domains', E1);
    expect(os.commandCalls(DescribeDomainsCommand).map((c) => c.args[0].input.DomainNames)).toEqual([names.slice(0, 5), ['d6']]);
    expect(r.ok && r.value[0]).toEqual({ name: 'd1', arn: `arn:aws:es:us-east-1:${ACC}:domain/d1`, encryptionAtRest: true, nodeToNode: true, enforceHttps: true, tlsPolicy: 'Policy-Min-TLS-1-2-2019-07', vpcId: 'vpc-1', auditLogs: true });
    expect(r.ok && r.value[5]).toMatchObject({ name: 'd6', encryptionAtRest: false, vpcId: null, auditLogs: false });
  });
  it('names es:ListDomainNames when refused', async () => {
    os.on(ListDomainNamesCommand).rejects(denied('es:ListDomainNames'));
    expect(await testCollection().regional('opensearch.domains', E1)).toMatchObject({ ok: false, error: { action: 'es:ListDomainNames' } });
  });
});

describe('apigateway.stages and apigateway.domains', () => {
  it('maps REST stages (method settings */*, access logs, web ACL) and HTTP API stages', async () => {
    apigw.on(GetRestApisCommand).resolves({ items: [{ id: 'a1', name: 'portal', endpointConfiguration: { types: ['REGIONAL'] } }] });
    apigw.on(GetStagesCommand).resolves({
      item: [{ stageName: 'prod', methodSettings: { '*/*': { loggingLevel: 'ERROR', metricsEnabled: true } }, accessLogSettings: { destinationArn: 'arn:lg', format: '$context.requestId' }, webAclArn: 'arn:waf' }],
    });
    apigw2.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'sched', ProtocolType: 'HTTP', RouteSelectionExpression: '' }, { ApiId: 'w1', Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '' }] });
    apigw2.on(GetV2StagesCommand).resolves({ Items: [{ StageName: '$default' }] });
    const r = await testCollection().regional('apigateway.stages', E1);
    expect(r.ok && r.value).toEqual([
      { apiId: 'a1', apiName: 'portal', stageName: 'prod', kind: 'REST', arn: 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod', endpointType: 'REGIONAL', executionLogging: 'ERROR', accessLogging: true, webAclArn: 'arn:waf' },
      { apiId: 'h1', apiName: 'sched', stageName: '$default', kind: 'HTTP', arn: 'arn:aws:apigateway:us-east-1::/apis/h1/stages/$default', endpointType: 'REGIONAL', executionLogging: null, accessLogging: false, webAclArn: null },
    ]);
    expect(apigw2.commandCalls(GetV2StagesCommand)).toHaveLength(1);
  });
  it('lists a custom domain shared by v1 and v2 once', async () => {
    apigw.on(GetRestDomainNamesCommand).resolves({ items: [{ domainName: 'api.x', securityPolicy: 'TLS_1_0' }] });
    apigw2.on(GetDomainNamesCommand).resolves({ Items: [{ DomainName: 'api.x', DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_0' }] }, { DomainName: 'ws.x', DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_2' }] }] });
    const r = await testCollection().regional('apigateway.domains', E1);
    expect(r.ok && r.value).toEqual([
      { name: 'api.x', kind: 'REST', securityPolicy: 'TLS_1_0' },
      { name: 'ws.x', kind: 'HTTP', securityPolicy: 'TLS_1_2' },
    ]);
  });
  it('names apigateway:GET when refused', async () => {
    apigw.on(GetRestApisCommand).rejects(denied('apigateway:GET', 'AccessDeniedException'));
    expect(await testCollection().regional('apigateway.stages', E1)).toMatchObject({ ok: false, error: { action: 'apigateway:GET' } });
  });
});

describe('wafv2', () => {
  it('reads each regional web ACL logging (none is false) and the load balancers and API stages it protects', async () => {
    waf.on(ListWebACLsCommand).resolves({ WebACLs: [{ Name: 'portal', Id: 'i1', ARN: 'arn:waf/portal' }], NextMarker: 'end' }, );
    waf.on(GetLoggingConfigurationCommand).rejects(awsError('WAFNonexistentItemException', 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.'));
    waf
      .on(ListResourcesForWebACLCommand, { ResourceType: 'APPLICATION_LOAD_BALANCER' })
      .resolves({ ResourceArns: ['arn:alb/web'] })
      .on(ListResourcesForWebACLCommand, { ResourceType: 'API_GATEWAY' })
      .resolves({ ResourceArns: ['arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod'] });
    waf.on(ListWebACLsCommand, { NextMarker: 'end' }).resolves({ WebACLs: [] });
    const r = await testCollection().regional('wafv2.webAcls', E1);
    expect(r.ok && r.value).toEqual([
      { name: 'portal', arn: 'arn:waf/portal', scope: 'REGIONAL', logging: { ok: true, value: false }, resources: { ok: true, value: ['arn:alb/web', 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod'] } },
    ]);
  });
  it('finds the CloudFront distributions of each CLOUDFRONT web ACL and keeps a refused lookup as unknown', async () => {
    waf.on(ListWebACLsCommand, { Scope: 'CLOUDFRONT' }).resolves({ WebACLs: [{ Name: 'edge', Id: 'e1', ARN: 'arn:waf/edge' }] });
    waf.on(GetLoggingConfigurationCommand).resolves({ LoggingConfiguration: { ResourceArn: 'arn:waf/edge', LogDestinationConfigs: ['arn:aws:firehose:us-east-1:1:deliverystream/aws-waf-logs-edge'] } });
    cf.on(ListDistributionsByWebACLIdCommand).resolves({ DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 1, Items: [{ Id: 'E2PORTAL' } as never] } });
    const r = await testCollection().global('wafv2.cloudfrontAcls');
    expect(r.ok && r.value).toEqual([{ name: 'edge', arn: 'arn:waf/edge', scope: 'CLOUDFRONT', logging: { ok: true, value: true }, resources: { ok: true, value: ['E2PORTAL'] } }]);
    cf.on(ListDistributionsByWebACLIdCommand).rejects(denied('cloudfront:ListDistributionsByWebACLId', 'AccessDenied'));
    const u = await testCollection().global('wafv2.cloudfrontAcls');
    expect(u.ok && u.value[0]?.resources).toMatchObject({ ok: false, error: { action: 'cloudfront:ListDistributionsByWebACLId' } });
  });
});

describe('vpcnet', () => {
  it('maps network ACL entries and associations', async () => {
    ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        {
          NetworkAclId: 'acl-1',
          VpcId: 'vpc-1',
          IsDefault: true,
          Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-1', SubnetId: 'subnet-1' }],
          Entries: [
            { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
            { RuleNumber: 101, Protocol: '6', RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0', PortRange: { From: 22, To: 22 } },
          ],
        },
      ],
    });
    const r = await testCollection().regional('vpcnet.networkAcls', E1);
    expect(r.ok && r.value).toEqual([
      {
        id: 'acl-1',
        vpcId: 'vpc-1',
        isDefault: true,
        subnetIds: ['subnet-1'],
        entries: [
          { ruleNumber: 100, egress: false, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0', fromPort: null, toPort: null },
          { ruleNumber: 101, egress: false, action: 'deny', protocol: '6', cidr: '::/0', fromPort: 22, toPort: 22 },
        ],
      },
    ]);
  });
  it('maps VPN tunnels from VgwTelemetry and names ec2:DescribeVpnConnections when refused', async () => {
    ec2.on(DescribeVpnConnectionsCommand).resolves({
      VpnConnections: [
        {
          VpnConnectionId: 'vpn-1',
          State: 'available',
          Type: 'ipsec.1',
          CustomerGatewayId: 'cgw-1',
          Tags: [{ Key: 'Name', Value: 'office' }],
          VgwTelemetry: [
            { OutsideIpAddress: '1.1.1.1', Status: 'UP', StatusMessage: '2 BGP ROUTES', AcceptedRouteCount: 2 },
            { OutsideIpAddress: '2.2.2.2', Status: 'DOWN', StatusMessage: 'IPSEC IS DOWN', AcceptedRouteCount: 0 },
          ],
        },
      ],
    });
    const r = await testCollection().regional('vpcnet.vpnConnections', E1);
    expect(r.ok && r.value).toEqual([
      { id: 'vpn-1', state: 'available', name: 'office', tunnels: [{ outsideIp: '1.1.1.1', status: 'UP', statusMessage: '2 BGP ROUTES' }, { outsideIp: '2.2.2.2', status: 'DOWN', statusMessage: 'IPSEC IS DOWN' }] },
    ]);
    ec2.on(DescribeVpnConnectionsCommand).rejects(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403));
    expect(await testCollection().regional('vpcnet.vpnConnections', E1)).toMatchObject({ ok: false, error: { action: 'ec2:DescribeVpnConnections' } });
  });
});

describe('messaging', () => {
  it('SNS: the topic key from KmsMasterKeyId and its tags', async () => {
    sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: `arn:aws:sns:us-east-1:${ACC}:notices` }] });
    sns.on(GetTopicAttributesCommand).resolves({ Attributes: { TopicArn: `arn:aws:sns:us-east-1:${ACC}:notices`, KmsMasterKeyId: 'alias/aws/sns' } });
    sns.on(ListTagsForResourceCommand).rejects(denied('sns:ListTagsForResource', 'AuthorizationError'));
    const r = await testCollection().regional('messaging.snsTopics', E1);
    expect(r.ok && r.value[0]).toMatchObject({ name: 'notices', kmsKeyId: 'alias/aws/sns', encrypted: true, tags: { ok: false, error: { action: 'sns:ListTagsForResource' } } });
  });
  it('SQS: SQS-managed encryption counts as encrypted without a KMS key', async () => {
    const url = `https://sqs.us-east-1.amazonaws.com/${ACC}/intake`;
    sqs.on(ListQueuesCommand).resolves({ QueueUrls: [url] });
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { QueueArn: `arn:aws:sqs:us-east-1:${ACC}:intake`, SqsManagedSseEnabled: 'true' } });
    sqs.on(ListQueueTagsCommand).resolves({ Tags: { phi: 'true' } });
    const r = await testCollection().regional('messaging.sqsQueues', E1);
    expect(r.ok && r.value).toEqual([{ name: 'intake', arn: `arn:aws:sqs:us-east-1:${ACC}:intake`, kmsKeyId: null, encrypted: true, tags: { ok: true, value: { phi: 'true' } } }]);
  });
  it('Kinesis: EncryptionType KMS with its KeyId, NONE as unencrypted', async () => {
    kinesis.on(ListStreamsCommand).resolves({ StreamNames: ['a', 'b'], HasMoreStreams: false, StreamSummaries: [{ StreamName: 'a', StreamARN: 'arn:s/a', StreamStatus: 'ACTIVE' }, { StreamName: 'b', StreamARN: 'arn:s/b', StreamStatus: 'ACTIVE' }] });
    kinesis
      .on(DescribeStreamSummaryCommand, { StreamName: 'a' })
      .resolves({ StreamDescriptionSummary: { StreamName: 'a', StreamARN: 'arn:s/a', EncryptionType: 'KMS', KeyId: 'alias/phi' } as never })
      .on(DescribeStreamSummaryCommand, { StreamName: 'b' })
      .resolves({ StreamDescriptionSummary: { StreamName: 'b', StreamARN: 'arn:s/b', EncryptionType: 'NONE' } as never });
    kinesis.on(ListTagsForStreamCommand).resolves({ Tags: [{ Key: 'phi', Value: 'true' }], HasMoreTags: false });
    const r = await testCollection().regional('messaging.kinesisStreams', E1);
    expect(r.ok && r.value.map((s) => [s.name, s.kmsKeyId, s.encrypted])).toEqual([
      ['a', 'alias/phi', true],
      ['b', null, false],
    ]);
  });
});

describe('messaging.secrets', () => {
  it('shares one ListSecrets listing with secretsmanager.secrets and keeps each secret key and tags', async () => {
    secrets.on(ListSecretsCommand).resolves({
      SecretList: [{ Name: 'portal/db', ARN: `arn:aws:secretsmanager:us-east-1:${ACC}:secret:portal/db-AbCdEf`, KmsKeyId: 'alias/phi', Tags: [{ Key: 'phi', Value: 'true' }], RotationEnabled: true }],
    });
    const c = testCollection();
    const [keyed, plain] = await Promise.all([c.regional('messaging.secrets', E1), c.regional('secretsmanager.secrets', E1)]);
    expect(secrets.commandCalls(ListSecretsCommand)).toHaveLength(1);
    expect(keyed.ok && keyed.value).toEqual([{ name: 'portal/db', arn: `arn:aws:secretsmanager:us-east-1:${ACC}:secret:portal/db-AbCdEf`, kmsKeyId: 'alias/phi', encrypted: true, tags: { ok: true, value: { phi: 'true' } } }]);
    expect(plain.ok && plain.value[0]?.rotationEnabled).toBe(true);
  });
  it('names secretsmanager:ListSecrets when the listing is refused', async () => {
    secrets.on(ListSecretsCommand).rejects(denied('secretsmanager:ListSecrets'));
    expect(await testCollection().regional('messaging.secrets', E1)).toMatchObject({ ok: false, error: { kind: 'access', action: 'secretsmanager:ListSecrets' } });
  });
});

describe('analytics', () => {
  it('SageMaker: DirectInternetAccess, KmsKeyId and RootAccess of each notebook', async () => {
    sm.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [{ NotebookInstanceName: 'nb', NotebookInstanceArn: 'arn:nb' }] });
    sm.on(DescribeNotebookInstanceCommand).resolves({ NotebookInstanceName: 'nb', NotebookInstanceArn: 'arn:nb', DirectInternetAccess: 'Enabled', RootAccess: 'Disabled' });
    const r = await testCollection().regional('analytics.sagemakerNotebooks', E1);
    expect(r.ok && r.value).toEqual([{ name: 'nb', arn: 'arn:nb', directInternetAccess: true, kmsKeyId: null, rootAccess: false }]);
  });
  it('EMR: block public access with its port ranges, and each security configuration read once', async () => {
    emr.on(GetBlockPublicAccessConfigurationCommand).resolves({
      BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22, MaxRange: 22 }, { MinRange: 8000, MaxRange: 8100 }] },
      BlockPublicAccessConfigurationMetadata: { CreationDateTime: new Date(), CreatedByArn: 'arn' },
    });
    expect(await testCollection().regional('analytics.emrBlockPublicAccess', E1)).toEqual({ ok: true, value: { enabled: true, permittedPorts: ['22', '8000-8100'] } });
    emr.on(ListClustersCommand).resolves({ Clusters: [{ Id: 'j-1', Name: 'etl' }, { Id: 'j-2', Name: 'etl2' }] });
    emr.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1', Name: 'etl', SecurityConfiguration: 'sec' } as never });
    emr.on(DescribeSecurityConfigurationCommand).resolves({ Name: 'sec', SecurityConfiguration: JSON.stringify({ EncryptionConfiguration: { EnableInTransitEncryption: false, EnableAtRestEncryption: true } }) });
    const r = await testCollection().regional('analytics.emrClusters', E1);
    expect(r.ok && r.value[0]).toEqual({ id: 'j-1', name: 'etl', securityConfiguration: 'sec', encryption: { ok: true, value: { atRest: true, inTransit: false } } });
    expect(emr.commandCalls(DescribeSecurityConfigurationCommand)).toHaveLength(1);
    expect(emr.commandCalls(ListClustersCommand)[0]?.args[0].input.ClusterStates).toEqual(['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING']);
  });
  it('CodeBuild: only PLAINTEXT variables named like AWS credentials, 100 projects per BatchGetProjects', async () => {
    const names = Array.from({ length: 101 }, (_, i) => `p${i}`);
    cb.on(ListProjectsCommand).resolves({ projects: names });
    cb.on(BatchGetProjectsCommand).callsFake(async (input: { names: string[] }) => ({
      projects: input.names.map((n) => ({
        name: n,
        arn: `arn:cb/${n}`,
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'aws/codebuild/standard:7.0',
          computeType: 'BUILD_GENERAL1_SMALL',
          environmentVariables:
            n === 'p0'
              ? [
                  { name: 'AWS_ACCESS_KEY_ID', value: 'AKIA…', type: 'PLAINTEXT' },
                  { name: 'AWS_SECRET_ACCESS_KEY', value: '/build/secret', type: 'PARAMETER_STORE' },
                  { name: 'NODE_ENV', value: 'production', type: 'PLAINTEXT' },
                ]
              : [],
        },
      })),
    }));
    const r = await testCollection().regional('analytics.codebuildProjects', E1);
    expect(cb.commandCalls(BatchGetProjectsCommand).map((c) => c.args[0].input.names?.length)).toEqual([100, 1]);
    expect(r.ok && r.value[0]).toEqual({ name: 'p0', arn: 'arn:cb/p0', plaintextCredentials: ['AWS_ACCESS_KEY_ID'] });
    cb.on(ListProjectsCommand).rejects(denied('codebuild:ListProjects'));
    expect(await testCollection().regional('analytics.codebuildProjects', E1)).toMatchObject({ ok: false, error: { action: 'codebuild:ListProjects' } });
  });
});

/**
 * The checks of issue 14 (services the peers check and we did not): each passes a well-set
 * resource, fails a badly-set one naming it and its region, and is unknown, naming the IAM action,
 * when its data could not be read.
 */
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src/engine/state.js';
import type { RegionalKey, RegionalSlices } from '../../src/engine/state.js';
import type { LambdaAccess } from '../../src/state/lambdaaccess.js';
import type { ClassicLoadBalancer } from '../../src/state/elb.js';
import type { RedshiftCluster } from '../../src/state/redshift.js';
import type { OpenSearchDomain } from '../../src/state/opensearch.js';
import type { ApiStage } from '../../src/state/apigateway.js';
import type { NetworkAcl } from '../../src/state/vpcnet.js';
import type { KeyedResource } from '../../src/state/messaging.js';
import type { KmsKey } from '../../src/state/kms.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, denied, state } from '../helpers/state.js';

const E1 = 'us-east-1';
const W2 = 'us-west-2';
const one = <K extends RegionalKey>(key: K, value: RegionalSlices[K] | ReturnType<typeof denied>, region = E1) => state({ regional: { [region]: { [key]: value } } });
const run = (id: string, s: ReturnType<typeof state>) => runCheckById(id, s);

const fn = (name: string, o: Partial<LambdaAccess> = {}): LambdaAccess => ({
  name,
  arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`,
  vpcId: null,
  kmsKeyArn: null,
  hasEnvironment: true,
  tags: ok({ phi: 'true' }),
  policy: ok(null),
  urls: ok([]),
  ...o,
});

describe('lambda-public-policy', () => {
  const policy = (...Statement: unknown[]) => ok({ Version: '2012-10-17', Statement } as never);
  const orgState = (f: LambdaAccess, accounts: unknown = [{ id: '444455556666', name: 'billing', email: 'b@x', status: 'ACTIVE' }]) =>
    state({
      regional: { [E1]: { 'lambdaaccess.functions': [f] } },
      global: { 'organizations.organization': { id: 'o-abc123', managementAccountId: ACCOUNT, featureSet: 'ALL' }, 'organizations.accounts': accounts as never },
    });
  it('passes a service principal pinned by SourceArn and an account inside the organization', async () => {
    const f = fn('reports', {
      policy: policy(
        { Sid: 's3', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::b' } } },
        { Sid: 'billing', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'lambda:InvokeFunction' },
      ),
    });
    expect((await run('lambda-public-policy', orgState(f))).status).toBe('pass');
  });
  it('fails Principal "*" without a condition, and an account outside the organization', async () => {
    const f = fn('intake', {
      policy: policy(
        { Sid: 'open', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } },
        { Sid: 'vendor', Effect: 'Allow', Principal: { AWS: '999900001111' }, Action: 'lambda:InvokeFunction' },
      ),
    });
    const r = await run('lambda-public-policy', orgState(f));
    expect(r.status).toBe('fail');
    expect(r.resources[0]?.detail).toBe('Lambda function intake in us-east-1 can be invoked by anyone (statement open), account 999900001111 (statement vendor).');
    expect(r.message).toContain('intake (us-east-1)');
  });
  it('passes "*" restricted to its own organization and fails one restricted to another', async () => {
    const mine = fn('a', { policy: policy({ Sid: 'org', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) });
    expect((await run('lambda-public-policy', orgState(mine))).status).toBe('pass');
    const theirs = fn('a', { policy: policy({ Sid: 'org', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-other' } } }) });
    expect((await run('lambda-public-policy', orgState(theirs))).status).toBe('fail');
  });
  it('is unknown when GetPolicy is denied, and when another account may be in an organization it could not list', async () => {
    const r = await run('lambda-public-policy', orgState(fn('a', { policy: err(denied('lambda:GetPolicy')) })));
    expect(r.status).toBe('unknown');
    expect(r.missing).toEqual(['lambda:GetPolicy']);
    const f = fn('a', { policy: policy({ Sid: 'x', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/r' }, Action: 'lambda:InvokeFunction' }) });
    const u = await run('lambda-public-policy', orgState(f, denied('organizations:ListAccounts')));
    expect(u.status).toBe('unknown');
    expect(u.missing).toEqual(['organizations:ListAccounts']);
  });
});

describe('lambda-url-auth, lambda-phi-vpc, lambda-env-cmk', () => {
  it('url-auth fails a URL with AuthType NONE and passes AWS_IAM', async () => {
    const s = one('lambdaaccess.functions', [fn('open', { urls: ok([{ url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'NONE' }]) }), fn('iam', { urls: ok([{ url: 'https://d.lambda-url.us-east-1.on.aws/', authType: 'AWS_IAM' }]) })]);
    const r = await run('lambda-url-auth', s);
    expect(r.status).toBe('fail');
    expect(r.message).toBe('1 Lambda function is reachable through a function URL with no authentication: open (us-east-1).');
    expect((await run('lambda-url-auth', one('lambdaaccess.functions', [fn('iam', { urls: ok([{ url: 'u', authType: 'AWS_IAM' }]) })]))).status).toBe('pass');
    const u = await run('lambda-url-auth', one('lambdaaccess.functions', [fn('x', { urls: err(denied('lambda:ListFunctionUrlConfigs')) })]));
    expect(u.missing).toEqual(['lambda:ListFunctionUrlConfigs']);
  });
  it('phi-vpc fails an ePHI function outside a VPC, ignores untagged ones, and is unknown when tags are denied', async () => {
    const r = await run('lambda-phi-vpc', one('lambdaaccess.functions', [fn('reminders'), fn('inside', { vpcId: 'vpc-1' }), fn('tool', { tags: ok({}) })]));
    expect(r.status).toBe('fail');
    expect(r.resources.map((x) => x.status)).toEqual(['fail', 'pass']);
    expect((await run('lambda-phi-vpc', one('lambdaaccess.functions', [fn('inside', { vpcId: 'vpc-1' })]))).status).toBe('pass');
    expect((await run('lambda-phi-vpc', one('lambdaaccess.functions', [fn('x', { tags: err(denied('lambda:ListTags')) })]))).missing).toEqual(['lambda:ListTags']);
  });
  it('env-cmk fails the AWS managed key on an ePHI function with variables and passes a customer key', async () => {
    expect((await run('lambda-env-cmk', one('lambdaaccess.functions', [fn('a')]))).status).toBe('fail');
    expect((await run('lambda-env-cmk', one('lambdaaccess.functions', [fn('a', { kmsKeyArn: 'arn:aws:kms:us-east-1:1:key/k' })]))).status).toBe('pass');
    expect((await run('lambda-env-cmk', one('lambdaaccess.functions', [fn('a', { hasEnvironment: false })]))).message).toMatch(/^No Lambda function tagged as handling ePHI/);
    expect((await run('lambda-env-cmk', one('lambdaaccess.functions', denied('lambda:ListFunctions')))).missing).toEqual(['lambda:ListFunctions']);
  });
});

const clb = (o: Partial<ClassicLoadBalancer> = {}): ClassicLoadBalancer => ({
  name: 'legacy',
  dnsName: 'legacy.elb.amazonaws.com',
  scheme: 'internet-facing',
  listeners: [{ protocol: 'HTTPS', port: 443, instanceProtocol: 'HTTP', policyNames: ['ELBSecurityPolicy-TLS-1-2-2017-01'] }],
  accessLogs: ok(true),
  sslProtocols: ok({ 'ELBSecurityPolicy-TLS-1-2-2017-01': ['TLSv1.2'] }),
  ...o,
});

describe('Classic Load Balancers', () => {
  it('https-only fails an HTTP listener and passes HTTPS only', async () => {
    const r = await run('clb-https-only', one('elb.loadBalancers', [clb({ listeners: [{ protocol: 'HTTP', port: 80, instanceProtocol: 'HTTP', policyNames: [] }] })]));
    expect(r.status).toBe('fail');
    expect(r.resources[0]?.detail).toBe('Classic Load Balancer legacy in us-east-1 accepts unencrypted HTTP on port 80.');
    expect((await run('clb-https-only', one('elb.loadBalancers', [clb()]))).status).toBe('pass');
    expect((await run('clb-https-only', one('elb.loadBalancers', denied('elasticloadbalancing:DescribeLoadBalancers')))).status).toBe('unknown');
  });
  it('tls-policy fails a policy that enables TLSv1 and is unknown when the policies are denied', async () => {
    const old = clb({ listeners: [{ protocol: 'HTTPS', port: 443, instanceProtocol: 'HTTP', policyNames: ['ELBSecurityPolicy-2016-08'] }], sslProtocols: ok({ 'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }) });
    const r = await run('clb-tls-policy', one('elb.loadBalancers', [old]));
    expect(r.status).toBe('fail');
    expect(r.resources[0]?.detail).toMatch(/still accepts TLSv1, TLSv1.1 through policy ELBSecurityPolicy-2016-08/);
    expect((await run('clb-tls-policy', one('elb.loadBalancers', [clb()]))).status).toBe('pass');
    const u = await run('clb-tls-policy', one('elb.loadBalancers', [clb({ sslProtocols: err(denied('elasticloadbalancing:DescribeLoadBalancerPolicies')) })]));
    expect(u.missing).toEqual(['elasticloadbalancing:DescribeLoadBalancerPolicies']);
  });
  it('access-logs fails logs off and is unknown when attributes are denied', async () => {
    expect((await run('clb-access-logs', one('elb.loadBalancers', [clb({ accessLogs: ok(false) })]))).message).toBe('1 Classic Load Balancer keeps no access logs: legacy (us-east-1).');
    expect((await run('clb-access-logs', one('elb.loadBalancers', [clb()]))).status).toBe('pass');
    expect((await run('clb-access-logs', one('elb.loadBalancers', [clb({ accessLogs: err(denied('elasticloadbalancing:DescribeLoadBalancerAttributes')) })]))).missing).toEqual([
      'elasticloadbalancing:DescribeLoadBalancerAttributes',
    ]);
  });
});

const cluster = (o: Partial<RedshiftCluster> = {}): RedshiftCluster => ({
  id: 'warehouse',
  publiclyAccessible: false,
  encrypted: true,
  kmsKeyId: 'arn:aws:kms:us-east-1:1:key/k',
  parameterGroups: ['secure'],
  requireSsl: ok(true),
  auditLogging: ok(true),
  ...o,
});

describe('Redshift', () => {
  const cases: [string, Partial<RedshiftCluster>, string][] = [
    ['redshift-public', { publiclyAccessible: true }, 'Redshift cluster warehouse in us-east-1 is publicly accessible.'],
    ['redshift-encrypted', { encrypted: false, kmsKeyId: null }, 'Redshift cluster warehouse in us-east-1 is not encrypted at rest.'],
    ['redshift-require-ssl', { requireSsl: ok(false), parameterGroups: ['default.redshift-1.0'] }, 'Redshift cluster warehouse in us-east-1 accepts unencrypted connections: parameter group default.redshift-1.0 does not set require_ssl to true.'],
    ['redshift-audit-logging', { auditLogging: ok(false) }, 'Redshift cluster warehouse in us-east-1 has audit logging turned off.'],
  ];
  for (const [id, bad, detail] of cases) {
    it(`${id} passes a well-set cluster, fails a badly-set one and is unknown when DescribeClusters is denied`, async () => {
      expect((await run(id, one('redshift.clusters', [cluster()]))).status).toBe('pass');
      const r = await run(id, one('redshift.clusters', [cluster(bad)]));
      expect(r.status).toBe('fail');
      expect(r.resources[0]?.detail).toBe(detail);
      expect((await run(id, one('redshift.clusters', denied('redshift:DescribeClusters')))).missing).toEqual(['redshift:DescribeClusters']);
    });
  }
  it('require-ssl and audit-logging name the per-cluster action that was refused', async () => {
    expect((await run('redshift-require-ssl', one('redshift.clusters', [cluster({ requireSsl: err(denied('redshift:DescribeClusterParameters')) })]))).missing).toEqual(['redshift:DescribeClusterParameters']);
    expect((await run('redshift-audit-logging', one('redshift.clusters', [cluster({ auditLogging: err(denied('redshift:DescribeLoggingStatus')) })]))).missing).toEqual(['redshift:DescribeLoggingStatus']);
  });
});

const domain = (o: Partial<OpenSearchDomain> = {}): OpenSearchDomain => ({
  name: 'search',
  arn: `arn:aws:es:us-east-1:${ACCOUNT}:domain/search`,
  encryptionAtRest: true,
  nodeToNode: true,
  enforceHttps: true,
  tlsPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
  vpcId: 'vpc-1',
  auditLogs: true,
  ...o,
});

describe('OpenSearch', () => {
  const cases: [string, Partial<OpenSearchDomain>, string][] = [
    ['opensearch-encrypted', { encryptionAtRest: false }, 'OpenSearch domain search in us-east-1 is not encrypted at rest.'],
    ['opensearch-node-to-node', { nodeToNode: false }, 'OpenSearch domain search in us-east-1 sends data between its nodes unencrypted.'],
    ['opensearch-https-tls12', { tlsPolicy: 'Policy-Min-TLS-1-0-2019-07' }, 'OpenSearch domain search in us-east-1 enforces HTTPS but still accepts TLS 1.0 and 1.1 (policy Policy-Min-TLS-1-0-2019-07).'],
    ['opensearch-in-vpc', { vpcId: null }, 'OpenSearch domain search in us-east-1 has a public endpoint outside any VPC.'],
    ['opensearch-audit-logs', { auditLogs: false }, 'OpenSearch domain search in us-east-1 publishes no audit logs.'],
  ];
  for (const [id, bad, detail] of cases) {
    it(`${id} passes, fails and is unknown`, async () => {
      expect((await run(id, one('opensearch.domains', [domain()]))).status).toBe('pass');
      const r = await run(id, one('opensearch.domains', [domain(bad)]));
      expect(r.status).toBe('fail');
      expect(r.resources[0]?.detail).toBe(detail);
      expect((await run(id, one('opensearch.domains', denied('es:DescribeDomains')))).missing).toEqual(['es:DescribeDomains']);
    });
  }
  it('https-tls12 fails a domain that does not enforce HTTPS', async () => {
    expect((await run('opensearch-https-tls12', one('opensearch.domains', [domain({ enforceHttps: false })]))).resources[0]?.detail).toBe('OpenSearch domain search in us-east-1 accepts plain HTTP requests.');
  });
});

const stage = (o: Partial<ApiStage> = {}): ApiStage => ({
  apiId: 'a1',
  apiName: 'portal',
  stageName: 'prod',
  kind: 'REST',
  arn: 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod',
  endpointType: 'REGIONAL',
  executionLogging: 'ERROR',
  accessLogging: false,
  webAclArn: 'arn:aws:wafv2:us-east-1:1:regional/webacl/api/x',
  ...o,
});

describe('API Gateway and WAF', () => {
  it('stage-logging passes execution or access logs and fails a stage with neither', async () => {
    expect((await run('apigw-stage-logging', one('apigateway.stages', [stage(), stage({ kind: 'HTTP', executionLogging: null, accessLogging: true })]))).status).toBe('pass');
    const r = await run('apigw-stage-logging', one('apigateway.stages', [stage({ kind: 'HTTP', apiName: 'sched', stageName: '$default', executionLogging: null })]));
    expect(r.message).toBe('1 API Gateway stage writes neither execution nor access logs: sched/$default (us-east-1).');
    expect((await run('apigw-stage-logging', one('apigateway.stages', denied('apigateway:GET')))).missing).toEqual(['apigateway:GET']);
  });
  it('tls12 fails TLS_1_0 and passes TLS_1_2', async () => {
    expect((await run('apigw-tls12', one('apigateway.domains', [{ name: 'api.x', kind: 'REST', securityPolicy: 'TLS_1_0' }]))).status).toBe('fail');
    expect((await run('apigw-tls12', one('apigateway.domains', [{ name: 'api.x', kind: 'REST', securityPolicy: 'TLS_1_2' }]))).status).toBe('pass');
    expect((await run('apigw-tls12', one('apigateway.domains', denied('apigateway:GET')))).status).toBe('unknown');
  });
  const lb = { arn: 'arn:alb/web', name: 'web', type: 'application', scheme: 'internet-facing', dnsName: 'w', vpcId: 'v', attributes: ok(null as never), listeners: ok([]) };
  const wafState = (acls: unknown, stages: ApiStage[] = [], cf: unknown = []) =>
    state({
      regional: { [E1]: { 'elbv2.loadBalancers': [lb], 'apigateway.stages': stages, 'wafv2.webAcls': acls as never } },
      global: { 'cloudfront.distributions': [], 'wafv2.cloudfrontAcls': cf as never },
    });
  it('web-acls passes a protected ALB, fails an unprotected ALB and a REST stage without a web ACL', async () => {
    const acl = { name: 'portal-waf', arn: 'arn:waf', scope: 'REGIONAL', logging: ok(true), resources: ok(['arn:alb/web']) };
    expect((await run('waf-web-acls', wafState([acl], [stage()]))).status).toBe('pass');
    const r = await run('waf-web-acls', wafState([], [stage({ webAclArn: null })]));
    expect(r.status).toBe('fail');
    expect(r.message).toBe('2 internet-facing endpoints have no WAF web ACL: load balancer web in us-east-1, API portal stage prod in us-east-1.');
  });
  it('web-acls is unknown when ListResourcesForWebACL is denied and the ALB is not otherwise protected', async () => {
    const acl = { name: 'portal-waf', arn: 'arn:waf', scope: 'REGIONAL', logging: ok(true), resources: err(denied('wafv2:ListResourcesForWebACL')) };
    const r = await run('waf-web-acls', wafState([acl]));
    expect(r.status).toBe('unknown');
    expect(r.missing).toEqual(['wafv2:ListResourcesForWebACL']);
  });
  it('logging fails a web ACL without logging, passes with it, unknown when GetLoggingConfiguration is denied', async () => {
    const s = (logging: unknown) => state({ regional: { [E1]: { 'wafv2.webAcls': [{ name: 'api-waf', arn: 'arn:w', scope: 'REGIONAL', logging: logging as never, resources: ok([]) }] } }, global: { 'wafv2.cloudfrontAcls': [] } });
    expect((await run('waf-logging', s(ok(false)))).message).toBe('1 WAF web ACL keeps no request logs: api-waf (in us-east-1).');
    expect((await run('waf-logging', s(ok(true)))).status).toBe('pass');
    expect((await run('waf-logging', s(err(denied('wafv2:GetLoggingConfiguration'))))).missing).toEqual(['wafv2:GetLoggingConfiguration']);
  });
});

describe('network ACLs and VPN', () => {
  const acl = (entries: NetworkAcl['entries'], subnetIds = ['subnet-1']): NetworkAcl => ({ id: 'acl-1', vpcId: 'vpc-1', isDefault: false, subnetIds, entries });
  const e = (ruleNumber: number, action: string, protocol: string, fromPort: number | null, toPort: number | null, cidr = '0.0.0.0/0') => ({ ruleNumber, egress: false, action, protocol, cidr, fromPort, toPort });
  it('fails the default allow-all rule for admin and database ports', async () => {
    const s = one('vpcnet.networkAcls', [acl([e(100, 'allow', '-1', null, null), e(32767, 'deny', '-1', null, null)])]);
    const r = await run('nacl-open-admin-ports', s);
    expect(r.status).toBe('fail');
    expect(r.resources[0]?.detail).toMatch(/^Network ACL acl-1 of vpc-1 in us-east-1 allows SSH \(22\) from 0.0.0.0\/0, RDP \(3389\) from 0.0.0.0\/0/);
    expect((await run('nacl-open-database-ports', s)).status).toBe('fail');
  });
  it('honours rule order: a lower-numbered deny wins over a later allow, and narrower sources do not decide', async () => {
    const s = one('vpcnet.networkAcls', [acl([e(90, 'deny', '6', 22, 22), e(91, 'deny', '6', 3389, 3389), e(92, 'deny', '6', 5985, 5986), e(100, 'allow', '6', 0, 65535, '10.0.0.0/8'), e(200, 'allow', '6', 443, 443), e(32767, 'deny', '-1', null, null)])]);
    expect((await run('nacl-open-admin-ports', s)).status).toBe('pass');
  });
  it('ignores ACLs attached to no subnet and is unknown when DescribeNetworkAcls is denied', async () => {
    expect((await run('nacl-open-admin-ports', one('vpcnet.networkAcls', [acl([e(100, 'allow', '-1', null, null)], [])]))).message).toBe('No network ACL in the scanned regions is attached to a subnet.');
    expect((await run('nacl-open-database-ports', one('vpcnet.networkAcls', denied('ec2:DescribeNetworkAcls')))).missing).toEqual(['ec2:DescribeNetworkAcls']);
  });
  it('vpn-tunnels-up fails a connection with a tunnel down and passes both up', async () => {
    const vpn = (status2: string) => [{ id: 'vpn-1', state: 'available', name: 'office', tunnels: [{ outsideIp: '1.1.1.1', status: 'UP', statusMessage: '' }, { outsideIp: '2.2.2.2', status: status2, statusMessage: status2 === 'DOWN' ? 'IPSEC IS DOWN' : '' }] }];
    const r = await run('vpn-tunnels-up', one('vpcnet.vpnConnections', vpn('DOWN')));
    expect(r.resources[0]?.detail).toBe('VPN connection office (vpn-1) in us-east-1 has 1 of 2 tunnels down (2.2.2.2: IPSEC IS DOWN).');
    expect((await run('vpn-tunnels-up', one('vpcnet.vpnConnections', vpn('UP')))).status).toBe('pass');
    expect((await run('vpn-tunnels-up', one('vpcnet.vpnConnections', denied('ec2:DescribeVpnConnections')))).status).toBe('unknown');
  });
});

describe('customer managed keys for ePHI messaging and secrets', () => {
  const cmk: KmsKey = { id: 'k1', arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`, aliases: ['alias/phi'], manager: 'CUSTOMER', state: 'Enabled', keySpec: null, keyUsage: null, origin: null, deletionDate: null, description: '', rotation: ok(true), policy: ok(null) };
  const res = (name: string, kmsKeyId: string | null, tags: Record<string, string> = { phi: 'true' }): KeyedResource => ({ name, arn: `arn:${name}`, kmsKeyId, encrypted: kmsKeyId !== null, tags: ok(tags) });
  const cases = [
    ['sns-phi-cmk', 'messaging.snsTopics', 'SNS topic'],
    ['sqs-phi-cmk', 'messaging.sqsQueues', 'SQS queue'],
    ['kinesis-phi-cmk', 'messaging.kinesisStreams', 'Kinesis stream'],
    ['secrets-phi-cmk', 'messaging.secrets', 'secret'],
  ] as const;
  for (const [id, key, noun] of cases) {
    it(`${id}: a customer key passes, an AWS managed key fails, untagged is out of scope, a denied region is unknown`, async () => {
      const s = (items: KeyedResource[]) => state({ regional: { [E1]: { [key]: items, 'kms.keys': [cmk] } } });
      expect((await run(id, s([res('a', 'alias/phi')]))).status).toBe('pass');
      const r = await run(id, s([res('b', 'alias/aws/sns')]));
      expect(r.status).toBe('fail');
      expect(r.resources[0]?.detail).toBe(`${noun} b in us-east-1 holds ePHI and is encrypted with alias/aws/sns, which AWS manages.`);
      expect((await run(id, s([res('c', null, {})]))).message).toMatch(new RegExp(`^No ${noun} in the scanned regions is tagged as holding ePHI`));
      const u = await run(id, state({ regional: { [E1]: { [key]: denied('x:List'), 'kms.keys': [cmk] } } }));
      expect(u.status).toBe('unknown');
    });
  }
  it('is unknown when the key cannot be described', async () => {
    const s = state({ regional: { [E1]: { 'messaging.sqsQueues': [res('q', `arn:aws:kms:us-east-1:${ACCOUNT}:key/k9`)], 'kms.keys': denied('kms:ListKeys') } } });
    const r = await run('sqs-phi-cmk', s);
    expect(r.status).toBe('unknown');
    expect(r.missing).toEqual(['kms:ListKeys']);
  });
});

describe('SageMaker, EMR, DMS, EKS, ElastiCache, CodeBuild', () => {
  const nb = { name: 'research', arn: 'arn:nb', directInternetAccess: false, kmsKeyId: 'k', rootAccess: false };
  const simple: [string, RegionalKey, unknown, unknown, string, string][] = [
    ['sagemaker-direct-internet', 'analytics.sagemakerNotebooks', nb, { ...nb, directInternetAccess: true }, 'SageMaker notebook instance research in us-east-1 has direct internet access.', 'sagemaker:ListNotebookInstances'],
    ['sagemaker-notebook-kms', 'analytics.sagemakerNotebooks', nb, { ...nb, kmsKeyId: null }, 'SageMaker notebook instance research in us-east-1 names no KMS key for its storage volume.', 'sagemaker:DescribeNotebookInstance'],
    ['sagemaker-root-access', 'analytics.sagemakerNotebooks', nb, { ...nb, rootAccess: true }, 'SageMaker notebook instance research in us-east-1 gives its users root access.', 'sagemaker:ListNotebookInstances'],
    ['dms-public', 'analytics.dmsInstances', { id: 'mig', arn: 'arn:dms', publiclyAccessible: false }, { id: 'mig', arn: 'arn:dms', publiclyAccessible: true }, 'DMS replication instance mig in us-east-1 is publicly accessible.', 'dms:DescribeReplicationInstances'],
    [
      'eks-secrets-kms',
      'analytics.eksClusters',
      { name: 'k8s', arn: 'arn:eks', secretsEncrypted: true, endpointPublic: false, endpointPrivate: true, publicCidrs: [] },
      { name: 'k8s', arn: 'arn:eks', secretsEncrypted: false, endpointPublic: false, endpointPrivate: true, publicCidrs: [] },
      'EKS cluster k8s in us-east-1 does not encrypt Kubernetes secrets with a KMS key.',
      'eks:DescribeCluster',
    ],
    [
      'eks-endpoint-public',
      'analytics.eksClusters',
      { name: 'k8s', arn: 'arn:eks', secretsEncrypted: true, endpointPublic: true, endpointPrivate: true, publicCidrs: ['203.0.113.0/24'] },
      { name: 'k8s', arn: 'arn:eks', secretsEncrypted: true, endpointPublic: true, endpointPrivate: false, publicCidrs: ['0.0.0.0/0'] },
      'EKS cluster k8s in us-east-1 has a public endpoint open to the whole internet.',
      'eks:ListClusters',
    ],
    ['elasticache-in-transit', 'analytics.cacheGroups', { id: 'sess', arn: 'arn:c', transitEncryption: true, atRestEncryption: true, snapshotRetentionDays: 7 }, { id: 'sess', arn: 'arn:c', transitEncryption: false, atRestEncryption: true, snapshotRetentionDays: 7 }, 'ElastiCache replication group sess in us-east-1 does not encrypt data in transit.', 'elasticache:DescribeReplicationGroups'],
    ['elasticache-at-rest', 'analytics.cacheGroups', { id: 'sess', arn: 'arn:c', transitEncryption: true, atRestEncryption: true, snapshotRetentionDays: 7 }, { id: 'sess', arn: 'arn:c', transitEncryption: true, atRestEncryption: false, snapshotRetentionDays: 7 }, 'ElastiCache replication group sess in us-east-1 is not encrypted at rest.', 'elasticache:DescribeReplicationGroups'],
    ['elasticache-backups', 'analytics.cacheGroups', { id: 'sess', arn: 'arn:c', transitEncryption: true, atRestEncryption: true, snapshotRetentionDays: 7 }, { id: 'sess', arn: 'arn:c', transitEncryption: true, atRestEncryption: true, snapshotRetentionDays: 0 }, 'ElastiCache replication group sess in us-east-1 keeps no automatic backups.', 'elasticache:DescribeReplicationGroups'],
    ['codebuild-plaintext-credentials', 'analytics.codebuildProjects', { name: 'build', arn: 'arn:cb', plaintextCredentials: [] }, { name: 'build', arn: 'arn:cb', plaintextCredentials: ['AWS_SECRET_ACCESS_KEY'] }, 'CodeBuild project build in us-east-1 keeps AWS_SECRET_ACCESS_KEY in plain-text environment variables.', 'codebuild:BatchGetProjects'],
  ];
  for (const [id, key, good, bad, detail, action] of simple) {
    it(`${id} passes, fails naming the resource, and is unknown naming ${action}`, async () => {
      expect((await run(id, one(key, [good] as never))).status).toBe('pass');
      const r = await run(id, one(key, [bad] as never));
      expect(r.status).toBe('fail');
      expect(r.resources[0]?.detail).toBe(detail);
      const u = await run(id, one(key, denied(action)));
      expect(u.status).toBe('unknown');
      expect(u.missing).toEqual([action]);
    });
  }
  it('emr-block-public-access fails a region where it is off and passes port 22 as the only exception', async () => {
    const s = state({ regional: { [E1]: { 'analytics.emrBlockPublicAccess': { enabled: true, permittedPorts: ['22'] } }, [W2]: { 'analytics.emrBlockPublicAccess': { enabled: false, permittedPorts: [] } } } });
    const r = await run('emr-block-public-access', s);
    expect(r.message).toBe('EMR block public access is off or has exceptions in us-west-2.');
    expect((await run('emr-block-public-access', one('analytics.emrBlockPublicAccess', { enabled: true, permittedPorts: ['22'] }))).status).toBe('pass');
    expect((await run('emr-block-public-access', one('analytics.emrBlockPublicAccess', denied('elasticmapreduce:GetBlockPublicAccessConfiguration')))).status).toBe('unknown');
  });
  it('emr-encryption fails a cluster without a security configuration or with one lacking in-transit encryption', async () => {
    const c = (securityConfiguration: string | null, encryption: unknown) => ({ id: 'j-1', name: 'etl', securityConfiguration, encryption });
    expect((await run('emr-encryption', one('analytics.emrClusters', [c(null, ok(null))] as never))).resources[0]?.detail).toBe('EMR cluster etl (j-1) in us-east-1 runs without a security configuration, so nothing is encrypted.');
    expect((await run('emr-encryption', one('analytics.emrClusters', [c('sec', ok({ atRest: true, inTransit: false }))] as never))).status).toBe('fail');
    expect((await run('emr-encryption', one('analytics.emrClusters', [c('sec', ok({ atRest: true, inTransit: true }))] as never))).status).toBe('pass');
    expect((await run('emr-encryption', one('analytics.emrClusters', [c('sec', err(denied('elasticmapreduce:DescribeSecurityConfiguration')))] as never))).missing).toEqual([
      'elasticmapreduce:DescribeSecurityConfiguration',
    ]);
  });
});

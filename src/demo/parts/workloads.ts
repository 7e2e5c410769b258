/**
 * The demo clinic's other workloads: the Lambda functions' exposure (the intake form has a public
 * function URL, the reminders function lets a scheduling vendor's account invoke it), a legacy
 * Classic Load Balancer, the analytics warehouse in Redshift, a search domain, the portal API in API
 * Gateway with a WAF only on one CloudFront distribution, network ACLs (the default one wide open),
 * the VPN to the clinic office with one tunnel down, messaging and secrets keys, a research notebook
 * in SageMaker, a database migration instance left public, a session cache and two build projects.
 * us-west-2 (the DR region) has almost none of it.
 */
import { err, ok } from '../../engine/state.js';
import type { NetworkAclEntry } from '../../state/vpcnet.js';
import { arn, DEMO_ACCOUNT, type DemoPart } from '../types.js';

const E1 = 'us-east-1';
const PROD = 'vpc-0c1a2b3c4d5e6f701';
const PHI_KEY = arn('kms', 'key/1d2c3b4a-5f6e-4a7b-9c8d-0e1f2a3b4c5d', E1);
const entry = (ruleNumber: number, action: string, protocol: string, from: number | null, to: number | null, egress = false): NetworkAclEntry => ({
  ruleNumber,
  egress,
  action,
  protocol,
  cidr: '0.0.0.0/0',
  fromPort: from,
  toPort: to,
});

const part: DemoPart = () => {
  const reminders = arn('lambda', 'function:appointment-reminders', E1);
  const intake = arn('lambda', 'function:intake-form-handler', E1);
  return {
    global: {
      'wafv2.cloudfrontAcls': ok([
        {
          name: 'maple-edge-waf',
          arn: `arn:aws:wafv2:us-east-1:${DEMO_ACCOUNT}:global/webacl/maple-edge-waf/7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f`,
          scope: 'CLOUDFRONT',
          logging: ok(true),
          resources: ok(['E2MAPLEPORTAL01']),
        },
      ]),
    },
    regional: {
      [E1]: {
        'lambdaaccess.functions': ok([
          {
            name: 'appointment-reminders',
            arn: reminders,
            vpcId: null,
            kmsKeyArn: null,
            hasEnvironment: true,
            tags: ok({ app: 'portal', phi: 'true' }),
            policy: ok({
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'nightly-schedule',
                  Effect: 'Allow',
                  Principal: { Service: 'events.amazonaws.com' },
                  Action: 'lambda:InvokeFunction',
                  Resource: reminders,
                  Condition: { ArnLike: { 'AWS:SourceArn': arn('events', 'rule/nightly-reminders', E1) } },
                },
                { Sid: 'scheduling-vendor', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999900001111:root' }, Action: 'lambda:InvokeFunction', Resource: reminders },
              ],
            }),
            urls: ok([]),
          },
          {
            name: 'intake-form-handler',
            arn: intake,
            vpcId: PROD,
            kmsKeyArn: PHI_KEY,
            hasEnvironment: true,
            tags: ok({ app: 'portal', phi: 'true' }),
            policy: ok({
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'FunctionURLAllowPublicAccess',
                  Effect: 'Allow',
                  Principal: '*',
                  Action: 'lambda:InvokeFunctionUrl',
                  Resource: intake,
                  Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
                },
              ],
            }),
            urls: ok([{ url: 'https://x7k2m4q9intake.lambda-url.us-east-1.on.aws/', authType: 'NONE' }]),
          },
        ]),
        'elb.loadBalancers': ok([
          {
            name: 'maple-legacy-clb',
            dnsName: 'maple-legacy-clb-1122334455.us-east-1.elb.amazonaws.com',
            scheme: 'internet-facing',
            listeners: [
              { protocol: 'HTTP', port: 80, instanceProtocol: 'HTTP', policyNames: [] },
              { protocol: 'HTTPS', port: 443, instanceProtocol: 'HTTP', policyNames: ['ELBSecurityPolicy-2016-08'] },
            ],
            accessLogs: ok(false),
            sslProtocols: ok({ 'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }),
          },
        ]),
        'redshift.clusters': ok([
          {
            id: 'maple-analytics',
            publiclyAccessible: false,
            encrypted: true,
            kmsKeyId: PHI_KEY,
            parameterGroups: ['default.redshift-1.0'],
            requireSsl: ok(false),
            auditLogging: ok(true),
          },
        ]),
        'opensearch.domains': ok([
          {
            name: 'maple-search',
            arn: arn('es', 'domain/maple-search', E1),
            encryptionAtRest: true,
            nodeToNode: true,
            enforceHttps: true,
            tlsPolicy: 'Policy-Min-TLS-1-2-2019-07',
            vpcId: PROD,
            auditLogs: false,
          },
        ]),
        'apigateway.stages': ok([
          {
            apiId: 'a1b2c3d4e5',
            apiName: 'maple-portal-api',
            stageName: 'prod',
            kind: 'REST',
            arn: 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
            endpointType: 'REGIONAL',
            executionLogging: 'ERROR',
            accessLogging: true,
            webAclArn: null,
          },
          {
            apiId: 'f6g7h8i9j0',
            apiName: 'maple-scheduling',
            stageName: '$default',
            kind: 'HTTP',
            arn: 'arn:aws:apigateway:us-east-1::/apis/f6g7h8i9j0/stages/$default',
            endpointType: 'REGIONAL',
            executionLogging: null,
            accessLogging: false,
            webAclArn: null,
          },
        ]),
        'apigateway.domains': ok([{ name: 'api.maplestreetclinic.example', kind: 'REST', securityPolicy: 'TLS_1_2' }]),
        'wafv2.webAcls': ok([
          {
            name: 'maple-api-waf',
            arn: `arn:aws:wafv2:us-east-1:${DEMO_ACCOUNT}:regional/webacl/maple-api-waf/3f2e1d0c-9b8a-4765-8432-10fedcba9876`,
            scope: 'REGIONAL',
            logging: ok(false),
            resources: ok([]),
          },
        ]),
        'vpcnet.networkAcls': ok([
          {
            id: 'acl-0a1b2c3d4e5f60001',
            vpcId: PROD,
            isDefault: true,
            subnetIds: ['subnet-0a1b2c3d4e5f6a001'],
            entries: [entry(100, 'allow', '-1', null, null), entry(32767, 'deny', '-1', null, null), entry(100, 'allow', '-1', null, null, true)],
          },
          {
            id: 'acl-0a1b2c3d4e5f60002',
            vpcId: PROD,
            isDefault: false,
            subnetIds: ['subnet-0a1b2c3d4e5f6a002'],
            entries: [entry(100, 'allow', '6', 443, 443), { ...entry(110, 'allow', '6', 1024, 65535), cidr: '10.0.0.0/16' }, entry(32767, 'deny', '-1', null, null)],
          },
        ]),
        'vpcnet.vpnConnections': ok([
          {
            id: 'vpn-0a1b2c3d4e5f60001',
            state: 'available',
            name: 'clinic-office',
            tunnels: [
              { outsideIp: '34.225.11.20', status: 'UP', statusMessage: '' },
              { outsideIp: '52.4.87.133', status: 'DOWN', statusMessage: 'IPSEC IS DOWN' },
            ],
          },
        ]),
        'messaging.snsTopics': ok([
          { name: 'security-alerts', arn: arn('sns', 'security-alerts', E1), kmsKeyId: null, encrypted: false, tags: ok({}) },
          { name: 'appointment-notices', arn: arn('sns', 'appointment-notices', E1), kmsKeyId: 'alias/aws/sns', encrypted: true, tags: ok({ phi: 'true' }) },
        ]),
        'messaging.sqsQueues': ok([
          { name: 'intake-queue', arn: arn('sqs', 'intake-queue', E1), kmsKeyId: PHI_KEY, encrypted: true, tags: ok({ phi: 'true' }) },
          { name: 'reminders-dlq', arn: arn('sqs', 'reminders-dlq', E1), kmsKeyId: null, encrypted: true, tags: ok({}) },
        ]),
        'messaging.kinesisStreams': ok([]),
        'messaging.secrets': ok([
          { name: 'maple/portal/db-credentials', arn: arn('secretsmanager', 'secret:maple/portal/db-credentials-a1B2c3', E1), kmsKeyId: null, encrypted: true, tags: ok({ phi: 'true' }) },
          { name: 'maple/clearinghouse/api-key', arn: arn('secretsmanager', 'secret:maple/clearinghouse/api-key-D4e5F6', E1), kmsKeyId: null, encrypted: true, tags: ok({}) },
        ]),
        'analytics.sagemakerNotebooks': ok([
          { name: 'maple-research-nb', arn: arn('sagemaker', 'notebook-instance/maple-research-nb', E1), directInternetAccess: true, kmsKeyId: null, rootAccess: true },
        ]),
        'analytics.emrBlockPublicAccess': ok({ enabled: true, permittedPorts: ['22'] }),
        'analytics.emrClusters': ok([]),
        'analytics.dmsInstances': ok([{ id: 'maple-ehr-migration', arn: arn('dms', 'rep:MAPLEEHRMIGRATION01', E1), publiclyAccessible: true }]),
        'analytics.eksClusters': ok([]),
        'analytics.cacheGroups': ok([
          { id: 'maple-sessions', arn: arn('elasticache', 'replicationgroup:maple-sessions', E1), transitEncryption: false, atRestEncryption: true, snapshotRetentionDays: 0 },
        ]),
        'analytics.codebuildProjects': ok([
          { name: 'maple-portal-build', arn: arn('codebuild', 'project/maple-portal-build', E1), plaintextCredentials: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] },
          { name: 'maple-infra-deploy', arn: arn('codebuild', 'project/maple-infra-deploy', E1), plaintextCredentials: [] },
        ]),
      },
      'us-west-2': {
        'lambdaaccess.functions': ok([]),
        'elb.loadBalancers': ok([]),
        'redshift.clusters': ok([]),
        'opensearch.domains': ok([]),
        'apigateway.stages': ok([]),
        'apigateway.domains': ok([]),
        'wafv2.webAcls': ok([]),
        'vpcnet.networkAcls': ok([
          {
            id: 'acl-0b2c3d4e5f6a70001',
            vpcId: 'vpc-0d2b3c4d5e6f7a802',
            isDefault: true,
            subnetIds: ['subnet-0b2c3d4e5f6a7b001'],
            entries: [entry(90, 'deny', '6', 22, 22), entry(91, 'deny', '6', 3389, 3389), entry(100, 'allow', '6', 443, 443), entry(32767, 'deny', '-1', null, null)],
          },
        ]),
        'vpcnet.vpnConnections': ok([]),
        'messaging.snsTopics': ok([]),
        'messaging.sqsQueues': ok([]),
        'messaging.kinesisStreams': ok([
          { name: 'dr-audit-stream', arn: arn('kinesis', 'stream/dr-audit-stream', 'us-west-2'), kmsKeyId: 'alias/maple-phi-dr', encrypted: true, tags: ok({ phi: 'true' }) },
        ]),
        'messaging.secrets': err({
          code: 'AccessDeniedException',
          kind: 'access',
          action: 'secretsmanager:ListSecrets',
          message: `access denied: the credentials lack secretsmanager:ListSecrets (arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/hipaa-scan/dana.okafor)`,
        }),
        'analytics.sagemakerNotebooks': ok([]),
        'analytics.emrBlockPublicAccess': ok({ enabled: false, permittedPorts: [] }),
        'analytics.emrClusters': ok([]),
        'analytics.dmsInstances': ok([]),
        'analytics.eksClusters': ok([]),
        'analytics.cacheGroups': ok([]),
        'analytics.codebuildProjects': ok([]),
      },
    },
  };
};

export default part;

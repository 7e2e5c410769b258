/**
 * The demo clinic's network and edge: a production VPC in us-east-1 whose portal web server sits in
 * the public subnet (with SSH open to the world), a database security group someone opened on 5432
 * "for a quick test", the default VPC still there, a DR VPC in us-west-2 without flow logs, an ALB
 * that still forwards plain HTTP and uses an old TLS policy, two CloudFront distributions, an
 * imported certificate about to expire, and no AWS Organization.
 */
import type { SecurityGroup, SgRule, Subnet, Vpc } from '../../state/ec2.js';
import type { LoadBalancer } from '../../state/elbv2.js';
import { ok } from '../../engine/state.js';
import { DEMO_ACCOUNT, type DemoPart, arn } from '../types.js';

const rule = (protocol: string, from: number | null, to: number | null, o: Partial<SgRule> = {}): SgRule => ({
  protocol,
  fromPort: from,
  toPort: to,
  ipv4: o.ipv4 ?? [],
  ipv6: o.ipv6 ?? [],
  groups: o.groups ?? [],
  prefixLists: o.prefixLists ?? [],
});
const ALL_OUT = rule('-1', null, null, { ipv4: ['0.0.0.0/0'] });
const sg = (id: string, name: string, vpcId: string, ingress: SgRule[], egress: SgRule[] = [ALL_OUT], tags: Record<string, string> = {}): SecurityGroup => ({
  id,
  name,
  vpcId,
  description: name === 'default' ? 'default VPC security group' : `${name} security group`,
  ingress,
  egress,
  tags,
});

const PROD = 'vpc-0c1a2b3c4d5e6f701';
const DEFAULT_VPC = 'vpc-0e9d8c7b6a5f4e301';
const DR = 'vpc-0d2b3c4d5e6f7a802';

const part: DemoPart = (clock) => {
  const alb = arn('elasticloadbalancing', 'loadbalancer/app/maple-portal-alb/50dc6c495c0c9188', 'us-east-1');
  const listener = (id: string) => arn('elasticloadbalancing', `listener/app/maple-portal-alb/50dc6c495c0c9188/${id}`, 'us-east-1');
  const loadBalancers: LoadBalancer[] = [
    {
      arn: alb,
      name: 'maple-portal-alb',
      type: 'application',
      scheme: 'internet-facing',
      dnsName: 'maple-portal-alb-1234567890.us-east-1.elb.amazonaws.com',
      vpcId: PROD,
      attributes: ok({ accessLogs: false, accessLogsBucket: null, deletionProtection: true }),
      listeners: ok([
        {
          arn: listener('f2f7dc8efc522ab2'),
          port: 443,
          protocol: 'HTTPS',
          sslPolicy: 'ELBSecurityPolicy-2016-08',
          certificateArns: [arn('acm', 'certificate/8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a1b', 'us-east-1')],
          defaultActions: [{ type: 'forward', redirectProtocol: null }],
        },
        { arn: listener('a1b2c3d4e5f60718'), port: 80, protocol: 'HTTP', sslPolicy: null, certificateArns: [], defaultActions: [{ type: 'forward', redirectProtocol: null }] },
      ]),
    },
  ];
  return {
    global: {
      'cloudfront.distributions': ok([
        {
          id: 'E2MAPLEPORTAL01',
          arn: `arn:aws:cloudfront::${DEMO_ACCOUNT}:distribution/E2MAPLEPORTAL01`,
          domainName: 'd1a2b3c4d5e6f7.cloudfront.net',
          aliases: ['portal.maplestreetclinic.example'],
          enabled: true,
          viewerPolicies: [
            { path: '*', policy: 'redirect-to-https' },
            { path: '/static/*', policy: 'https-only' },
          ],
          minimumProtocolVersion: 'TLSv1.2_2021',
          defaultCertificate: false,
          origins: [
            { id: 'portal-alb', domainName: 'maple-portal-alb-1234567890.us-east-1.elb.amazonaws.com', protocolPolicy: 'https-only', sslProtocols: ['TLSv1.2'] },
            { id: 'static-assets', domainName: 'maple-website-assets.s3.us-east-1.amazonaws.com', protocolPolicy: null, sslProtocols: [] },
          ],
        },
        {
          id: 'E3MAPLEWEB0002',
          arn: `arn:aws:cloudfront::${DEMO_ACCOUNT}:distribution/E3MAPLEWEB0002`,
          domainName: 'd9f8e7d6c5b4a3.cloudfront.net',
          aliases: [],
          enabled: true,
          viewerPolicies: [{ path: '*', policy: 'allow-all' }],
          minimumProtocolVersion: 'TLSv1',
          defaultCertificate: true,
          origins: [{ id: 'website-bucket', domainName: 'maple-website-assets.s3-website-us-east-1.amazonaws.com', protocolPolicy: 'http-only', sslProtocols: ['TLSv1.2'] }],
        },
      ]),
      'organizations.organization': ok(null),
      'organizations.accounts': ok([]),
    },
    regional: {
      'us-east-1': {
        'ec2.ebsDefaultEncryption': ok({ enabled: true }),
        'ec2.securityGroups': ok([
          sg('sg-0a1b2c3d4e5f6a000', 'default', PROD, [rule('-1', null, null, { groups: ['sg-0a1b2c3d4e5f6a000'] })]),
          sg('sg-0a1b2c3d4e5f6a001', 'portal-web', PROD, [
            rule('tcp', 443, 443, { ipv4: ['0.0.0.0/0'], ipv6: ['::/0'] }),
            rule('tcp', 80, 80, { ipv4: ['0.0.0.0/0'] }),
            rule('tcp', 22, 22, { ipv4: ['0.0.0.0/0'] }),
          ]),
          sg('sg-0a1b2c3d4e5f6a002', 'records-worker', PROD, [rule('tcp', 8080, 8080, { groups: ['sg-0a1b2c3d4e5f6a001'] })]),
          sg('sg-0a1b2c3d4e5f6a003', 'billing-desktop', PROD, [rule('tcp', 3389, 3389, { ipv4: ['198.51.100.24/32'] })]),
          sg('sg-0a1b2c3d4e5f6a004', 'portal-db', PROD, [
            rule('tcp', 5432, 5432, { groups: ['sg-0a1b2c3d4e5f6a002'] }),
            rule('tcp', 5432, 5432, { ipv4: ['0.0.0.0/0'] }),
          ]),
          sg('sg-0e9d8c7b6a5f4e300', 'default', DEFAULT_VPC, [rule('-1', null, null, { groups: ['sg-0e9d8c7b6a5f4e300'] })]),
        ]),
        'ec2.vpcs': ok<readonly Vpc[]>([
          { id: PROD, cidr: '10.20.0.0/16', isDefault: false, tags: { Name: 'maple-prod' } },
          { id: DEFAULT_VPC, cidr: '172.31.0.0/16', isDefault: true, tags: {} },
        ]),
        'ec2.flowLogs': ok([
          { id: 'fl-0a1b2c3d4e5f60701', resourceId: PROD, status: 'ACTIVE', trafficType: 'ALL', destinationType: 'cloud-watch-logs', deliverStatus: 'SUCCESS' },
        ]),
        'ec2.subnets': ok<readonly Subnet[]>([
          { id: 'subnet-0a1b2c3d4e5f6a001', vpcId: PROD, az: 'us-east-1a', cidr: '10.20.0.0/24', mapPublicIpOnLaunch: true, defaultForAz: false, tags: { Name: 'maple-public-a' } },
          { id: 'subnet-0a1b2c3d4e5f6a002', vpcId: PROD, az: 'us-east-1a', cidr: '10.20.10.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: { Name: 'maple-private-a', phi: 'true' } },
          { id: 'subnet-0a1b2c3d4e5f6a003', vpcId: PROD, az: 'us-east-1b', cidr: '10.20.11.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: { Name: 'maple-private-b', phi: 'true' } },
          { id: 'subnet-0e9d8c7b6a5f4e311', vpcId: DEFAULT_VPC, az: 'us-east-1a', cidr: '172.31.0.0/20', mapPublicIpOnLaunch: true, defaultForAz: true, tags: {} },
        ]),
        'ec2.routeTables': ok([
          {
            id: 'rtb-0a1b2c3d4e5f6a010',
            vpcId: PROD,
            main: true,
            subnetIds: [],
            routes: [{ destination: '10.20.0.0/16', target: 'local', state: 'active' }],
          },
          {
            id: 'rtb-0a1b2c3d4e5f6a011',
            vpcId: PROD,
            main: false,
            subnetIds: ['subnet-0a1b2c3d4e5f6a001'],
            routes: [
              { destination: '10.20.0.0/16', target: 'local', state: 'active' },
              { destination: '0.0.0.0/0', target: 'igw-0a1b2c3d4e5f6a0f1', state: 'active' },
            ],
          },
          {
            id: 'rtb-0a1b2c3d4e5f6a012',
            vpcId: PROD,
            main: false,
            subnetIds: ['subnet-0a1b2c3d4e5f6a002', 'subnet-0a1b2c3d4e5f6a003'],
            routes: [
              { destination: '10.20.0.0/16', target: 'local', state: 'active' },
              { destination: '0.0.0.0/0', target: 'nat-0a1b2c3d4e5f6a0e1', state: 'active' },
            ],
          },
          {
            id: 'rtb-0e9d8c7b6a5f4e320',
            vpcId: DEFAULT_VPC,
            main: true,
            subnetIds: [],
            routes: [
              { destination: '172.31.0.0/16', target: 'local', state: 'active' },
              { destination: '0.0.0.0/0', target: 'igw-0e9d8c7b6a5f4e3f1', state: 'active' },
            ],
          },
        ]),
        'ec2.vpcEndpoints': ok([{ id: 'vpce-0a1b2c3d4e5f6a0d1', vpcId: PROD, serviceName: 'com.amazonaws.us-east-1.s3', type: 'Gateway', state: 'available' }]),
        'ec2.volumes': ok([
          { id: 'vol-0a1b2c3d4e5f60101', encrypted: true, kmsKeyId: arn('kms', 'key/aws-ebs-default', 'us-east-1'), state: 'in-use', sizeGiB: 30, attachedTo: ['i-0a1b2c3d4e5f60001'], tags: { Name: 'portal-web-root' } },
          { id: 'vol-0a1b2c3d4e5f60102', encrypted: true, kmsKeyId: arn('kms', 'key/aws-ebs-default', 'us-east-1'), state: 'in-use', sizeGiB: 100, attachedTo: ['i-0a1b2c3d4e5f60002'], tags: { Name: 'records-worker-data' } },
          { id: 'vol-0a1b2c3d4e5f60103', encrypted: false, kmsKeyId: null, state: 'in-use', sizeGiB: 60, attachedTo: ['i-0a1b2c3d4e5f60003'], tags: { Name: 'billing-desktop-c' } },
        ]),
        'ec2.snapshots': ok([
          { id: 'snap-0a1b2c3d4e5f60201', volumeId: 'vol-0a1b2c3d4e5f60103', encrypted: false, startTime: clock.daysAgo(120), description: 'billing desktop before Windows update', tags: {} },
          { id: 'snap-0a1b2c3d4e5f60202', volumeId: 'vol-0a1b2c3d4e5f60102', encrypted: true, startTime: clock.daysAgo(2), description: 'records-worker nightly', tags: {} },
        ]),
        'ec2.publicSnapshots': ok([]),
        'ec2.images': ok([{ id: 'ami-0e8a1b2c3d4e5f601', name: 'maple-portal-2026-03', public: false, createdAt: clock.daysAgo(320) }]),
        'elbv2.loadBalancers': ok(loadBalancers),
        'elbv2.sslPolicies': ok({ 'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }),
        'acm.certificates': ok([
          {
            arn: arn('acm', 'certificate/8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a1b', 'us-east-1'),
            domain: 'portal.maplestreetclinic.example',
            status: 'ISSUED',
            type: 'AMAZON_ISSUED',
            notAfter: clock.daysAhead(214),
            inUse: true,
            renewalEligibility: 'ELIGIBLE',
            keyAlgorithm: 'RSA-2048',
          },
          {
            arn: arn('acm', 'certificate/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', 'us-east-1'),
            domain: 'fax.maplestreetclinic.example',
            status: 'ISSUED',
            type: 'IMPORTED',
            notAfter: clock.daysAhead(12),
            inUse: true,
            renewalEligibility: 'INELIGIBLE',
            keyAlgorithm: 'RSA-2048',
          },
        ]),
      },
      'us-west-2': {
        'ec2.ebsDefaultEncryption': ok({ enabled: false }),
        'ec2.securityGroups': ok([
          sg('sg-0b2c3d4e5f6a7b000', 'default', DR, [], []),
          sg('sg-0b2c3d4e5f6a7b001', 'portal-dr', DR, [rule('tcp', 443, 443, { ipv4: ['10.30.0.0/16'] })]),
        ]),
        'ec2.vpcs': ok<readonly Vpc[]>([{ id: DR, cidr: '10.30.0.0/16', isDefault: false, tags: { Name: 'maple-dr' } }]),
        'ec2.flowLogs': ok([]),
        'ec2.subnets': ok<readonly Subnet[]>([
          { id: 'subnet-0b2c3d4e5f6a7b001', vpcId: DR, az: 'us-west-2a', cidr: '10.30.10.0/24', mapPublicIpOnLaunch: false, defaultForAz: false, tags: { Name: 'maple-dr-private-a', phi: 'true' } },
        ]),
        'ec2.routeTables': ok([
          {
            id: 'rtb-0b2c3d4e5f6a7b010',
            vpcId: DR,
            main: true,
            subnetIds: [],
            routes: [
              { destination: '10.30.0.0/16', target: 'local', state: 'active' },
              { destination: '0.0.0.0/0', target: 'nat-0b2c3d4e5f6a7b0e1', state: 'active' },
            ],
          },
        ]),
        'ec2.vpcEndpoints': ok([]),
        'ec2.volumes': ok([
          { id: 'vol-0b2c3d4e5f6a70101', encrypted: false, kmsKeyId: null, state: 'in-use', sizeGiB: 30, attachedTo: ['i-0b2c3d4e5f6a70004'], tags: { Name: 'portal-dr-root' } },
        ]),
        'ec2.snapshots': ok([]),
        'ec2.publicSnapshots': ok([]),
        'ec2.images': ok([{ id: 'ami-0c7d6e5f4a3b2c101', name: 'maple-portal-dr-2026-05', public: false, createdAt: clock.daysAgo(205) }]),
        'elbv2.loadBalancers': ok([]),
        'elbv2.sslPolicies': ok({}),
        'acm.certificates': ok([
          {
            arn: arn('acm', 'certificate/3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f', 'us-west-2'),
            domain: 'dr.maplestreetclinic.example',
            status: 'ISSUED',
            type: 'AMAZON_ISSUED',
            notAfter: clock.daysAhead(301),
            inUse: false,
            renewalEligibility: 'INELIGIBLE',
            keyAlgorithm: 'EC-prime256v1',
          },
        ]),
      },
    },
  };
};

export default part;

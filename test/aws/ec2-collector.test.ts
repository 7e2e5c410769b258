import {
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollection } from '../helpers/collection.js';

const ec2 = mockClient(EC2Client);
afterEach(() => ec2.reset());


const collection = (regions = ['us-east-1', 'us-west-2']) => testCollection(regions);

describe('EC2 collectors', () => {
  it('follows NextToken through every page of security groups and keeps the rules as EC2 gives them', async () => {
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({
        SecurityGroups: [
          {
            GroupId: 'sg-1',
            GroupName: 'web',
            VpcId: 'vpc-1',
            IpPermissions: [
              { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
              { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1' }] },
              { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ UserId: '999988887777', GroupId: 'sg-peer', Description: 'partner proxy' }], PrefixListIds: [{ PrefixListId: 'pl-1', Description: 'office' }] },
            ],
            IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
            Tags: [{ Key: 'Name', Value: 'web' }],
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({ SecurityGroups: [{ GroupId: 'sg-2', GroupName: 'default', VpcId: 'vpc-1', IpPermissions: [], IpPermissionsEgress: [] }] });
    const r = await collection(['us-east-1']).regional('ec2.securityGroups', 'us-east-1');
    // The paginator reuses one input object, so only the last token is visible on both calls.
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(2);
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(r.ok && r.value.map((g) => g.id)).toEqual(['sg-1', 'sg-2']);
    expect(r.ok && r.value[0]?.ingress).toEqual([
      { protocol: 'tcp', fromPort: 22, toPort: 22, ipv4: ['0.0.0.0/0'], ipv6: ['::/0'], groups: [], prefixLists: [] },
      { protocol: '-1', fromPort: null, toPort: null, ipv4: [], ipv6: [], groups: ['sg-1'], prefixLists: [] },
      {
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        ipv4: [],
        ipv6: [],
        groups: ['sg-peer'],
        prefixLists: ['pl-1'],
        descriptions: { 'sg-peer': 'partner proxy', 'pl-1': 'office' },
        groupOwners: { 'sg-peer': '999988887777' },
      },
    ]);
  });

  it('reads EBS encryption by default per region, and a region that is not enabled becomes a not-enabled error', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      if (region === 'ap-east-1') throw awsError('OptInRequired', 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.', 401);
      if (region === 'me-south-1') throw awsError('InvalidParameterValue', 'Invalid region');
      return { EbsEncryptionByDefault: region === 'us-east-1' };
    });
    const c = collection(['us-east-1', 'us-west-2', 'ap-east-1', 'me-south-1']);
    await c.collect({ regional: ['ec2.ebsDefaultEncryption'] });
    const s = c.state();
    expect(s.regional['us-east-1']?.['ec2.ebsDefaultEncryption']).toEqual({ ok: true, value: { enabled: true } });
    expect(s.regional['us-west-2']?.['ec2.ebsDefaultEncryption']).toEqual({ ok: true, value: { enabled: false } });
    expect(s.regional['ap-east-1']?.['ec2.ebsDefaultEncryption']).toMatchObject({ ok: false, error: { kind: 'not-enabled', code: 'OptInRequired' } });
    expect(s.regional['me-south-1']?.['ec2.ebsDefaultEncryption']).toMatchObject({ ok: false, error: { kind: 'not-enabled', code: 'InvalidParameterValue' } });
  });

  it('turns UnauthorizedOperation into an access error naming the EC2 action', async () => {
    ec2.on(DescribeVpcsCommand).rejects(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403));
    const r = await collection(['us-east-1']).regional('ec2.vpcs', 'us-east-1');
    expect(r).toMatchObject({ ok: false, error: { kind: 'access', action: 'ec2:DescribeVpcs' } });
  });

  it('lists public snapshots with one restorable-by-all query instead of one attribute call per snapshot', async () => {
    ec2.on(DescribeSnapshotsCommand, { OwnerIds: ['self'], RestorableByUserIds: ['all'] }).resolves({ Snapshots: [{ SnapshotId: 'snap-public', Encrypted: false }] });
    const r = await collection(['us-east-1']).regional('ec2.publicSnapshots', 'us-east-1');
    expect(r).toEqual({ ok: true, value: ['snap-public'] });
    expect(ec2.commandCalls(DescribeSnapshotsCommand)).toHaveLength(1);
  });
});

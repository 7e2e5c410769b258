import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { callerIdentity, enabledRegions } from '../../src/aws/identity.js';

const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);
afterEach(() => {
  sts.reset();
  iam.reset();
  ec2.reset();
});

describe('caller identity', () => {
  it('reads the account, ARN and partition, and the alias when allowed', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws-us-gov:iam::111122223333:user/dana', UserId: 'AIDA1' });
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: ['clinic'], IsTruncated: false });
    expect(await callerIdentity(new ClientFactory(), 'us-gov-west-1')).toEqual({
      accountId: '111122223333',
      arn: 'arn:aws-us-gov:iam::111122223333:user/dana',
      userId: 'AIDA1',
      partition: 'aws-us-gov',
      alias: 'clinic',
    });
  });

  it('goes on without the alias when ListAccountAliases is refused', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/dana' });
    iam.on(ListAccountAliasesCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    const id = await callerIdentity(new ClientFactory(), 'us-east-1');
    expect(id.alias).toBeUndefined();
    expect(id.accountId).toBe('111122223333');
  });
});

describe('enabled regions', () => {
  const regions = {
    Regions: [
      { RegionName: 'us-west-2', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'opted-in' },
    ],
  };
  it('lists the enabled regions, sorted', async () => {
    ec2.on(DescribeRegionsCommand).resolves(regions);
    expect(await enabledRegions(new ClientFactory(), 'us-east-1')).toEqual({ regions: ['af-south-1', 'us-east-1', 'us-west-2'], notEnabled: [] });
  });
  it('keeps only the wanted ones and reports those that are not enabled', async () => {
    ec2.on(DescribeRegionsCommand).resolves(regions);
    expect(await enabledRegions(new ClientFactory(), 'us-east-1', ['us-west-2', 'ap-east-1'])).toEqual({ regions: ['us-west-2'], notEnabled: ['ap-east-1'] });
  });
});

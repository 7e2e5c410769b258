/** Who is calling (STS GetCallerIdentity) and which regions are enabled (EC2 DescribeRegions). */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AccountIdentity } from '../engine/state.js';
import type { ClientFactory } from './clients.js';

export async function callerIdentity(clients: ClientFactory, region: string): Promise<AccountIdentity> {
  const sts = clients.get(STSClient, region);
  const out = await sts.send(new GetCallerIdentityCommand({}));
  const arn = out.Arn ?? '';
  const identity: AccountIdentity = {
    accountId: out.Account ?? 'unknown',
    arn,
    userId: out.UserId,
    partition: arn.split(':')[1] || 'aws',
  };
  try {
    const aliases = await clients.get(IAMClient, region).send(new ListAccountAliasesCommand({}));
    const alias = aliases.AccountAliases?.[0];
    return alias ? { ...identity, alias } : identity;
  } catch {
    // The alias is a nicety for the header; a refusal here must not stop the scan.
    return identity;
  }
}

/**
 * The regions enabled for the account (opted-in or not requiring opt-in), sorted. When `wanted` is
 * given, only those, and a wanted region that is not enabled is reported, not silently dropped.
 */
export async function enabledRegions(
  clients: ClientFactory,
  homeRegion: string,
  wanted?: readonly string[],
): Promise<{ regions: string[]; notEnabled: string[] }> {
  const ec2 = clients.get(EC2Client, homeRegion);
  const out = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }));
  const enabled = (out.Regions ?? [])
    .filter((r) => r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName)
    .filter((n): n is string => !!n)
    .sort();
  if (!wanted || wanted.length === 0) return { regions: enabled, notEnabled: [] };
  return {
    regions: wanted.filter((r) => enabled.includes(r)),
    notEnabled: wanted.filter((r) => !enabled.includes(r)),
  };
}

/** Who is calling (STS GetCallerIdentity) and which regions are enabled (EC2 DescribeRegions). */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AccountIdentity } from '../engine/state.js';
import type { ClientFactory } from './clients.js';

/** The AWS call about to be sent while an account is opened, for a person waiting on it: `sts:GetCallerIdentity (who you are)`. */
export type OnOpeningCall = (call: string) => void;

export async function callerIdentity(clients: ClientFactory, region: string, onCall?: OnOpeningCall): Promise<AccountIdentity> {
  const sts = clients.get(STSClient, region);
  onCall?.('sts:GetCallerIdentity (who you are)');
  const out = await sts.send(new GetCallerIdentityCommand({}));
  const arn = out.Arn ?? '';
  const identity: AccountIdentity = {
    accountId: out.Account ?? 'unknown',
    arn,
    userId: out.UserId,
    partition: arn.split(':')[1] || 'aws',
  };
  try {
    onCall?.("iam:ListAccountAliases (the account's alias, for the header)");
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
  onCall?: OnOpeningCall,
): Promise<{ regions: string[]; notEnabled: string[] }> {
  const ec2 = clients.get(EC2Client, homeRegion);
  onCall?.('ec2:DescribeRegions (which regions are enabled)');
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

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
}

/** The ACTIVE member accounts of the caller's organisation. */
export async function listActiveAccounts(clients: ClientFactory, region: string): Promise<OrgAccount[]> {
  const { OrganizationsClient, paginateListAccounts } = await import('./sdk/organizations.js');
  const out: OrgAccount[] = [];
  for await (const page of paginateListAccounts({ client: clients.get(OrganizationsClient, region) }, {})) {
    for (const a of page.Accounts ?? []) {
      // `State` replaces the deprecated `Status`; either says ACTIVE for an account in use.
      const state = (a as { State?: string }).State ?? a.Status;
      if (a.Id && state === 'ACTIVE') out.push({ id: a.Id, name: a.Name ?? '' });
    }
  }
  return out.sort((x, y) => x.id.localeCompare(y.id));
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };

/**
 * A credential provider for a role in another account: assumes it now (so a refusal is known before
 * the scan starts) and again shortly before the session ends, so a long scan never runs out.
 */
export async function assumeRole(
  clients: ClientFactory,
  region: string,
  roleArn: string,
  externalId: string | undefined,
): Promise<() => Promise<Credentials>> {
  const sts = clients.get(STSClient, region);
  const fetch = async (): Promise<Credentials> => {
    const out = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'hipaa-wizard-scan', DurationSeconds: 3600, ...(externalId ? { ExternalId: externalId } : {}) }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw Object.assign(new Error(`STS returned no credentials for ${roleArn}`), { name: 'NoCredentials' });
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration ? new Date(c.Expiration) : undefined };
  };
  let current = await fetch();
  let pending: Promise<Credentials> | undefined;
  return async () => {
    const left = current.expiration ? current.expiration.getTime() - Date.now() : Number.POSITIVE_INFINITY;
    if (left > 5 * 60_000) return current;
    pending ??= fetch()
      .then((c) => {
        current = c;
        return c;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}


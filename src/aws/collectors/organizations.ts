/**
 * AWS Organizations (global): the organization this account belongs to, and its accounts when this
 * account may list them (the management account or a delegated administrator).
 */
import { DescribeOrganizationCommand, OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { as, type CollectorContext, type CollectorSet, globalCollector } from '../collector.js';
import { perScan } from './ec2.js';
import { orIfMissing } from '../errors.js';
import type { Organization, OrgAccount } from '../../state/organizations.js';

/** The organization, read once per scan (the account listing needs to know whether there is one). */
const describeOrganization = perScan(async (ctx: CollectorContext): Promise<Organization | null> => {
  const out = await orIfMissing(
    () => ctx.clients.get(OrganizationsClient, ctx.homeRegion).send(new DescribeOrganizationCommand({})),
    ['AWSOrganizationsNotInUseException'],
    null,
  );
  const o = out?.Organization;
  if (!o) return null;
  return { id: o.Id ?? '', managementAccountId: o.MasterAccountId ?? '', featureSet: o.FeatureSet ?? '' };
});

export const collectors: CollectorSet = {
  'organizations.organization': globalCollector(['organizations:DescribeOrganization'], (ctx) => describeOrganization(ctx, 'home')),

  'organizations.accounts': globalCollector(['organizations:ListAccounts'], async (ctx) => {
    const org = await as('organizations:DescribeOrganization', describeOrganization(ctx, 'home'));
    if (!org) return [];
    const out: OrgAccount[] = [];
    for await (const page of paginateListAccounts({ client: ctx.clients.get(OrganizationsClient, ctx.homeRegion), pageSize: 20 }, {})) {
      for (const a of page.Accounts ?? []) out.push({ id: a.Id ?? '', name: a.Name ?? '', email: a.Email ?? '', status: a.State ?? a.Status ?? '' });
    }
    return out;
  }),
};

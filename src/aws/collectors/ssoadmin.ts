/**
 * IAM Identity Center (SSO admin): the permission sets and their session lengths. Identity Center
 * lives in one region, which need not be the home region, so every scanned region is asked for an
 * instance (home region first); an account without Identity Center has none, and the slice is [].
 */
import {
  DescribePermissionSetCommand,
  paginateListInstances,
  paginateListPermissionSets,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { classify } from '../errors.js';
import { mapLimit } from '../limit.js';
import { as, type CollectorContext, type CollectorSet, globalCollector } from '../collector.js';
import type { PermissionSet } from '../../state/ssoadmin.js';

async function instancesIn(ctx: CollectorContext, region: string): Promise<string[]> {
  const client = ctx.clients.get(SSOAdminClient, region);
  const arns: string[] = [];
  await as('sso:ListInstances', (async () => {
    for await (const page of paginateListInstances({ client }, {})) {
      for (const i of page.Instances ?? []) if (i.InstanceArn) arns.push(i.InstanceArn);
    }
  })());
  return arns;
}

/** The permission sets of every instance in `region`. */
async function permissionSetsIn(ctx: CollectorContext, region: string, instances: readonly string[]): Promise<PermissionSet[]> {
  const client = ctx.clients.get(SSOAdminClient, region);
  const out: PermissionSet[] = [];
  for (const instanceArn of instances) {
    const arns: string[] = [];
    await as('sso:ListPermissionSets', (async () => {
      for await (const page of paginateListPermissionSets({ client }, { InstanceArn: instanceArn })) arns.push(...(page.PermissionSets ?? []));
    })());
    const sets = await mapLimit(arns, 4, async (arn) => {
      const got = await as('sso:DescribePermissionSet', client.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn })));
      const p = got.PermissionSet;
      return { name: p?.Name ?? arn, arn: p?.PermissionSetArn ?? arn, sessionDuration: p?.SessionDuration ?? null, instanceArn, region };
    });
    out.push(...sets);
  }
  return out;
}

export const collectors: CollectorSet = {
  'ssoadmin.permissionSets': globalCollector(['sso:ListInstances', 'sso:ListPermissionSets', 'sso:DescribePermissionSet'], async (ctx) => {
    // The home region answers first; a refusal there is the slice's error.
    const home = await instancesIn(ctx, ctx.homeRegion);
    if (home.length > 0) return permissionSetsIn(ctx, ctx.homeRegion, home);
    // Elsewhere, a region that cannot answer (switched off for the service) just holds no instance,
    // but a refusal still names the action rather than passing for "no Identity Center".
    const others = ctx.regions.filter((r) => r !== ctx.homeRegion);
    const found = await mapLimit(others, 6, async (region) => {
      try {
        return { region, instances: await instancesIn(ctx, region) };
      } catch (e) {
        if (classify(e).kind === 'access') throw e;
        return { region, instances: [] as string[] };
      }
    });
    const hit = found.find((f) => f.instances.length > 0);
    return hit ? permissionSetsIn(ctx, hit.region, hit.instances) : [];
  }),
};

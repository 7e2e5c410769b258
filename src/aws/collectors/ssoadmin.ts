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
import { mapLimit } from '../limit.js';
import { as, type CollectorContext, type CollectorSet, globalCollector } from '../collector.js';

export interface PermissionSet {
  readonly name: string;
  readonly arn: string;
  /** ISO-8601 duration, e.g. "PT1H", "PT12H"; null when not set (Identity Center then uses one hour). */
  readonly sessionDuration: string | null;
  readonly instanceArn: string;
  readonly region: string;
}

declare module '../../engine/state.js' {
  interface GlobalSlices {
    'ssoadmin.permissionSets': readonly PermissionSet[];
  }
}

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

export const collectors: CollectorSet = {
  'ssoadmin.permissionSets': globalCollector(['sso:ListInstances', 'sso:ListPermissionSets', 'sso:DescribePermissionSet'], async (ctx) => {
    const regions = [ctx.homeRegion, ...ctx.regions.filter((r) => r !== ctx.homeRegion)];
    for (const region of regions) {
      const instances = await instancesIn(ctx, region);
      if (instances.length === 0) continue;
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
    return [];
  }),
};

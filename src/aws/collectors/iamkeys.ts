/**
 * IAM access keys with their ids, for the users the credential report shows with a key. The
 * credential report names keys only by slot (1 or 2); turning one off (iam:UpdateAccessKey) needs
 * its id, which only ListAccessKeys gives. Global: every call goes to the home region.
 */
import { IAMClient, paginateListAccessKeys } from '@aws-sdk/client-iam';
import { type CollectorSet, globalCollector } from '../collector.js';
import { mapLimit, RESOURCE_FANOUT } from '../limit.js';
import type { AccessKey } from '../../state/iamkeys.js';

export const collectors: CollectorSet = {
  'iamkeys.accessKeys': globalCollector(['iam:ListAccessKeys'], async (ctx) => {
    const report = await ctx.global('iam.credentialReport');
    const users = report.filter((r) => !r.arn.endsWith(':root') && r.accessKeys.some((k) => k.active || k.lastRotated)).map((r) => r.user);
    const client = ctx.clients.get(IAMClient, ctx.homeRegion);
    const perUser = await mapLimit(users, RESOURCE_FANOUT, async (user) => {
      const keys: AccessKey[] = [];
      for await (const page of paginateListAccessKeys({ client }, { UserName: user })) {
        for (const k of page.AccessKeyMetadata ?? []) {
          keys.push({
            user,
            accessKeyId: k.AccessKeyId ?? '',
            status: k.Status === 'Active' ? 'Active' : 'Inactive',
            createDate: k.CreateDate ? new Date(k.CreateDate).toISOString() : null,
          });
        }
      }
      return keys;
    });
    return perUser.flat();
  }, ['iam.credentialReport']),
};

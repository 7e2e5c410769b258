/**
 * Security Hub, per region: whether the account is subscribed (the hub exists) and which standards
 * it runs. An account that never enabled Security Hub answers DescribeHub with
 * InvalidAccessException ("not subscribed"), which is a value here (null), not an error.
 */
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { type CollectorSet, as, attempt, regionalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import type {} from '../../state/securityhub.js';

export const collectors: CollectorSet = {
  'securityhub.hub': regionalCollector(['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'], async (ctx, region) => {
    const client = ctx.clients.get(SecurityHubClient, region);
    const hub = await orIfMissing(
      () => as('securityhub:DescribeHub', client.send(new DescribeHubCommand({}))),
      ['InvalidAccessException', 'ResourceNotFoundException'],
      null,
    );
    if (!hub) return null;
    const standards = await attempt('securityhub:GetEnabledStandards', async () => {
      const out = await client.send(new GetEnabledStandardsCommand({ MaxResults: 100 }));
      return (out.StandardsSubscriptions ?? [])
        .filter((s) => s.StandardsStatus === 'READY' || s.StandardsStatus === 'INCOMPLETE')
        .map((s) => s.StandardsArn ?? '');
    });
    return { hubArn: hub.HubArn ?? '', subscribedAt: hub.SubscribedAt ?? null, standards };
  }),
};

/**
 * S3 Control: the account-wide Block Public Access settings. S3 Control puts the account id in
 * front of the endpoint's host name; with a custom endpoint (an emulator on an IP address) that URL
 * is wrong, so the endpoint is pinned through the client's endpointProvider when one is set.
 */
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { type CollectorContext, type CollectorSet, globalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import { publicAccessBlockOf } from './s3.js';
import type {} from '../../state/s3control.js';

/** The S3 Control client for the home region, with the endpoint pinned when a custom one is set. */
export function s3ControlClient(ctx: Pick<CollectorContext, 'clients' | 'homeRegion'>): S3ControlClient {
  const client = ctx.clients.get(S3ControlClient, ctx.homeRegion);
  const custom = ctx.clients.customEndpoint;
  if (custom) {
    const url = new URL(custom);
    // The resolved config is read on every request, so pinning it here applies to all later calls.
    Object.assign(client.config, { endpointProvider: () => ({ url }) });
  }
  return client;
}

export const collectors: CollectorSet = {
  's3control.publicAccessBlock': globalCollector(['s3:GetAccountPublicAccessBlock'], async (ctx) => {
    const out = await orIfMissing(
      () => s3ControlClient(ctx).send(new GetPublicAccessBlockCommand({ AccountId: ctx.identity.accountId })),
      ['NoSuchPublicAccessBlockConfiguration'],
      null,
    );
    return publicAccessBlockOf(out?.PublicAccessBlockConfiguration);
  }),
};

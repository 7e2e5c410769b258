/**
 * The AWS account's security alternate contact: where AWS sends security notices (abuse reports,
 * exposed keys). An account with none set answers ResourceNotFoundException, which is a value here.
 */
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { type CollectorSet, globalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';

export const collectors: CollectorSet = {
  'account.securityContact': globalCollector(['account:GetAlternateContact'], async (ctx) => {
    const client = ctx.clients.get(AccountClient, ctx.homeRegion);
    const out = await orIfMissing(
      () => client.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })),
      ['ResourceNotFoundException'],
      null,
    );
    const c = out?.AlternateContact;
    if (!c) return null;
    return { name: c.Name ?? '', title: c.Title ?? '', email: c.EmailAddress ?? '', phone: c.PhoneNumber ?? '' };
  }),
};

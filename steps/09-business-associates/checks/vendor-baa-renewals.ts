import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { daysBetween, listNames, manual, plural, summarize } from '../../../src/engine/outcome.js';
import { isoDay } from '../../../src/lib/time.js';

export default defineCheck({
  id: 'vendor-baa-renewals',
  title: 'No BAA expires before its renewal is under way',
  severity: 'medium',
  hipaa: { section: '164.314(a)(1)', obligation: 'required' },
  hitrust: ['05.k', '09.f'],
  // Reads only the records folder; the one AWS call any scan makes is the identity check.
  // Reads only the records folder: no AWS call, so no IAM action.
  needs: {},
  why: 'A BAA renewal needs legal review and signatures on both sides; starting within the renewal window (--baa-renewal-days, default 60) keeps the vendor from working without one.',
  evaluate(_state, { now, settings, records }) {
    const vendors = records.vendors().filter((v) => v.baaSignedOn);
    if (records.vendors().length === 0) return manual('The vendor inventory in the records folder is empty, so no BAA renewal can be tracked.');
    const window = settings.baaRenewalDays;
    const today = isoDay(now);
    const resources = vendors.map((v): ResourceResult => {
      const id = `vendor ${v.name}`;
      if (!v.baaExpiresOn) return { id, status: 'pass', detail: `${v.name}: the BAA has no expiry date.` };
      if (v.baaExpiresOn < today) return { id, status: 'pass', detail: `${v.name}: the BAA already expired (reported by vendor-baas).` };
      const left = daysBetween(now, `${v.baaExpiresOn}T23:59:59Z`);
      if (left <= window) return { id, status: 'fail', detail: `${v.name}'s BAA expires on ${v.baaExpiresOn}, in ${plural(left, 'day')}.` };
      return { id, status: 'pass', detail: `${v.name}'s BAA runs to ${v.baaExpiresOn}.` };
    });
    return summarize(resources, {
      none: 'No vendor in the inventory has a signed BAA yet, so there is nothing to renew.',
      pass: (n) => `No signed BAA expires within ${window} days (${plural(n, 'BAA')} checked).`,
      fail: (bad) => `${plural(bad.length, 'BAA')} ${bad.length === 1 ? 'is' : 'are'} due for renewal within ${window} days: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

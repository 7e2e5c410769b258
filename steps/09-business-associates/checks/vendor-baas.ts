import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, manual, plural, summarize } from '../../../src/engine/outcome.js';
import { isoDay } from '../../../src/lib/time.js';

export default defineCheck({
  id: 'vendor-baas',
  title: 'Every vendor with access to ePHI has a signed, current BAA',
  severity: 'critical',
  hipaa: { section: '164.308(b)(1)', obligation: 'required' },
  hitrust: ['05.k', '09.e'],
  // Reads only the records folder; the one AWS call any scan makes is the identity check.
  // Reads only the records folder: no AWS call, so no IAM action.
  needs: {},
  why: 'Letting a vendor create, receive, keep or send ePHI without a business associate agreement is a violation in itself, and an expired agreement protects no better than none.',
  evaluate(_state, { now, records }) {
    const vendors = records.vendors();
    if (vendors.length === 0) {
      return manual('The vendor inventory in the records folder is empty: record each vendor that can reach ePHI, with its BAA dates.');
    }
    const today = isoDay(now);
    const resources = vendors.map((v): ResourceResult => {
      const id = `vendor ${v.name}`;
      if (!v.baaSignedOn) return { id, status: 'fail', detail: `${v.name} (${v.services}) can reach ${v.phiKinds} but has no signed BAA.` };
      if (v.baaExpiresOn && v.baaExpiresOn < today) {
        return { id, status: 'fail', detail: `${v.name}'s BAA, signed ${v.baaSignedOn}, expired on ${v.baaExpiresOn}.` };
      }
      return {
        id,
        status: 'pass',
        detail: `${v.name}: BAA signed ${v.baaSignedOn}${v.baaExpiresOn ? `, runs to ${v.baaExpiresOn}` : ', no expiry date'}.`,
      };
    });
    return summarize(resources, {
      pass: (n) => `Every vendor in the inventory has a signed, current BAA (${plural(n, 'vendor')} checked).`,
      fail: (bad) => `${plural(bad.length, 'vendor')} ${bad.length === 1 ? 'lacks' : 'lack'} a current BAA: ${listNames(bad.map((r) => r.detail.replace(/\.$/, '')), 3)}.`,
    });
  },
});

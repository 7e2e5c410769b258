import { defineCheck } from '../../../src/engine/define.js';
import { failed, listNames, passed } from '../../../src/engine/outcome.js';
import type { Trail } from '../../../src/state/cloudtrail.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';

/** The account that owns a trail, from its ARN (arn:aws:cloudtrail:region:account:trail/name). */
const ownerOf = (t: Trail) => t.arn.split(':')[4] ?? '';

export default defineCheck({
  id: 'cloudtrail-multi-region',
  title: 'A multi-region CloudTrail trail is logging every management event',
  severity: 'critical',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  needs: { regional: ['cloudtrail.trails'] },
  why: 'CloudTrail is the account’s record of who did what through the AWS API; without a trail that covers every region and is actually logging, activity in a forgotten region leaves no trace.',
  evaluate(state) {
    const { trails, unreadable } = allTrails(state);
    const multi = trails.filter((t) => t.multiRegion);
    // An organization trail seen from a member account belongs to the management account: its status
    // can be read here (by ARN), its event selectors only there. It is this account's trail all the same.
    const fromOrg = (t: Trail) => t.organization && ownerOf(t) !== state.identity.accountId;
    const good = multi.filter(
      (t) => t.status.ok && t.status.value.logging && ((t.selectors.ok && t.selectors.value.management === 'All') || (fromOrg(t) && !t.selectors.ok)),
    );
    const resources = trails.map((t) => ({
      id: t.arn,
      region: t.homeRegion,
      status: good.includes(t) ? ('pass' as const) : ('fail' as const),
      detail: `${fromOrg(t) ? `Organization trail ${t.name} of account ${ownerOf(t)}` : `Trail ${t.name}`} (home ${t.homeRegion}): ${t.multiRegion ? 'multi-region' : 'single-region'}, ${
        t.status.ok ? (t.status.value.logging ? 'logging' : 'not logging') : 'status unreadable'
      }, management events ${t.selectors.ok ? t.selectors.value.management : 'unreadable'}.`,
    }));
    if (good.length > 0) {
      const t = good.find((g) => !fromOrg(g)) ?? good[0]!;
      if (fromOrg(t)) {
        return passed(
          `Organization trail ${t.name} of management account ${ownerOf(t)} (home region ${t.homeRegion}) records this account in every region and is logging${t.selectors.ok ? ', all management events included' : '; its event selectors can be read only from the management account'}.`,
          resources,
        );
      }
      return passed(`Trail ${t.name} (home region ${t.homeRegion}) records all management events in every region and is logging.`, resources);
    }
    const undecided = [...unreadable, ...multi.filter((t) => !t.status.ok || (!t.selectors.ok && !fromOrg(t))).map((t) => ({
      id: t.arn,
      region: t.homeRegion,
      status: 'unknown' as const,
      detail: `Trail ${t.name} in ${t.homeRegion}: its status or event selectors could not be read.`,
      missing: !t.status.ok ? t.status.error.action : !t.selectors.ok ? t.selectors.error.action : undefined,
    }))];
    if (undecided.length > 0) {
      return {
        status: 'unknown',
        message: `No multi-region trail could be confirmed as logging: ${listNames(undecided.map((u) => u.detail.replace(/\.$/, '')), 2)}.`,
        resources: [...resources, ...undecided],
        missing: [...new Set(undecided.flatMap((u) => (u.missing ? [u.missing] : [])))],
      };
    }
    const regions = state.regions.join(', ');
    if (trails.length === 0) return failed(`No CloudTrail trail exists in ${regions}: API activity in this account is not being recorded.`, resources);
    if (multi.length === 0) {
      return failed(`Only single-region trails exist (${listNames(trails.map((t) => `${t.name} in ${t.homeRegion}`))}); activity in other regions is not recorded.`, resources);
    }
    const stopped = multi.filter((t) => t.status.ok && !t.status.value.logging);
    if (stopped.length > 0) {
      return failed(`Multi-region trail ${stopped[0]!.name} (home region ${stopped[0]!.homeRegion}) exists but is not logging: it was created or stopped without StartLogging.`, resources);
    }
    const t = multi[0]!;
    const mgmt = t.selectors.ok ? t.selectors.value.management : 'None';
    return failed(`Multi-region trail ${t.name} (home region ${t.homeRegion}) records ${mgmt === 'None' ? 'no' : `only ${mgmt}`} management events, so some API activity goes unrecorded.`, resources);
  },
});

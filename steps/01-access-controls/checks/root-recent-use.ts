import { defineCheck } from '../../../src/engine/define.js';
import { daysBetween, failed, passed, read } from '../../../src/engine/outcome.js';
import { day, isRoot } from '../iam-helpers.js';

export default defineCheck({
  id: 'root-recent-use',
  title: 'The root user is not used for daily work',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(i)', obligation: 'required' },
  hitrust: ['01.c'],
  needs: { global: ['iam.credentialReport'] },
  why: 'Everything done as root is done by an anonymous all-powerful identity: the logs cannot tell which person it was, which defeats unique user identification.',
  evaluate(state, { now, settings }) {
    const account = state.identity.accountId;
    const root = read(state, 'iam.credentialReport').find(isRoot);
    const id = `arn:${state.identity.partition}:iam::${account}:root`;
    if (!root) {
      return {
        status: 'unknown',
        message: `The credential report of account ${account} has no row for the root user, so its last use is unknown.`,
        resources: [{ id, status: 'unknown', detail: 'Root user: not in the credential report.' }],
      };
    }
    const uses = [
      ...(root.passwordLastUsed ? [{ what: 'signed in to the console', at: root.passwordLastUsed }] : []),
      ...root.accessKeys.flatMap((k) => (k.lastUsed ? [{ what: `used access key ${k.slot}`, at: k.lastUsed }] : [])),
    ].sort((a, b) => b.at.localeCompare(a.at));
    const last = uses[0];
    if (last) {
      const ago = daysBetween(last.at, now);
      if (ago < settings.rootRecentUseDays) {
        return failed(
          `The root user of account ${account} ${last.what} on ${day(last.at)} (${agoText(ago)}); use a named administrator and keep root for the few tasks only root can do.`,
          [{ id, status: 'fail', detail: `Root user: ${last.what} ${agoText(ago)}.` }],
        );
      }
      return passed(`The root user of account ${account} was last used on ${day(last.at)}, more than ${settings.rootRecentUseDays} days ago.`, [
        { id, status: 'pass', detail: `Root user: last used ${agoText(ago)}.` },
      ]);
    }
    return passed(`The root user of account ${account} has no recorded use.`, [{ id, status: 'pass', detail: 'Root user: never used.' }]);
  },
});

/** "today" for a use within the last day, or one stamped after this machine's clock (a skew), never "-1 days ago". */
function agoText(days: number): string {
  if (days < 0) return "today (AWS's timestamp is ahead of this machine's clock)";
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

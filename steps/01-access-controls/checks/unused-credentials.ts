import type { CredentialReportRow } from '../../../src/state/iam.js';
import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { daysBetween, listNames, plural, read, summarize } from '../../../src/engine/outcome.js';
import { day, isRoot } from '../iam-helpers.js';

/** How long a credential has gone unused, or undefined when it was used (or created) recently. */
function idleDays(lastUsed: string | null, since: string | null, now: Date): { days: number; never: boolean } | undefined {
  if (lastUsed) return { days: daysBetween(lastUsed, now), never: false };
  if (since) return { days: daysBetween(since, now), never: true };
  return undefined;
}

export default defineCheck({
  id: 'unused-credentials',
  title: 'Unused passwords and access keys are turned off',
  severity: 'high',
  hipaa: { section: '164.308(a)(3)(ii)(C)', obligation: 'addressable' },
  hitrust: ['02.g', '02.h', '02.i'],
  needs: { global: ['iam.credentialReport'] },
  why: 'A password or key nobody has used for months usually belongs to someone who has left; it still opens the door, and nobody would notice if it did.',
  evaluate(state, { now, settings }) {
    const account = state.identity.accountId;
    const limit = settings.unusedCredentialDays;
    const resources: ResourceResult[] = [];
    const judge = (row: CredentialReportRow, id: string, what: string, lastUsed: string | null, since: string | null) => {
      const idle = idleDays(lastUsed, since, now);
      if (!idle) {
        resources.push({ id, status: 'unknown', detail: `IAM user ${row.user}, ${what}: the report gives no dates.` });
      } else if (idle.days > limit) {
        const when = idle.never ? `never used since ${day(since ?? '')}` : `last used ${day(lastUsed ?? '')}`;
        resources.push({ id, status: 'fail', detail: `IAM user ${row.user}, ${what}: ${when}, ${idle.days} days ago.` });
      } else {
        resources.push({ id, status: 'pass', detail: `IAM user ${row.user}, ${what}: used within ${limit} days.` });
      }
    };
    for (const row of read(state, 'iam.credentialReport')) {
      if (isRoot(row)) continue;
      if (row.passwordEnabled) {
        judge(row, `${row.arn} console password`, 'console password', row.passwordLastUsed, row.passwordLastChanged ?? row.userCreationTime);
      }
      for (const key of row.accessKeys) {
        if (key.active) judge(row, `${row.arn} access key ${key.slot}`, `access key ${key.slot}`, key.lastUsed, key.lastRotated);
      }
    }
    return summarize(resources, {
      none: `No IAM user of account ${account} has a console password or an active access key.`,
      pass: (n) => `All ${plural(n, 'IAM credential')} of account ${account} were used within the last ${limit} days.`,
      fail: (bad) => {
        const users = [...new Set(bad.map((r) => r.detail.replace(/^IAM user (.*?), .*$/, '$1')))];
        return `${plural(bad.length, 'credential')} of account ${account} ${bad.length === 1 ? 'has' : 'have'} not been used for more than ${limit} days (${listNames(users)}); if these people have left, disable their access.`;
      },
    });
  },
});

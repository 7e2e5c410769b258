import { defineCheck } from '../../../src/engine/define.js';
import { daysBetween, listNames, plural, read, summarize } from '../../../src/engine/outcome.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { day, isRoot } from '../iam-helpers.js';

export default defineCheck({
  id: 'access-key-age',
  title: 'Active access keys are rotated in time',
  severity: 'medium',
  hipaa: { section: '164.308(a)(4)(ii)(C)', obligation: 'addressable' },
  hitrust: ['01.d'],
  needs: { global: ['iam.credentialReport'] },
  why: 'An access key works from anywhere until it is turned off; the older it is, the more copies of it exist in laptops, scripts and build logs.',
  evaluate(state, { now, settings }) {
    const account = state.identity.accountId;
    const max = settings.accessKeyMaxAgeDays;
    const resources: ResourceResult[] = [];
    for (const row of read(state, 'iam.credentialReport')) {
      if (isRoot(row)) continue; // root keys are their own check
      for (const key of row.accessKeys) {
        if (!key.active) continue;
        const id = `${row.arn} access key ${key.slot}`;
        if (!key.lastRotated) {
          resources.push({ id, status: 'unknown', detail: `IAM user ${row.user}, key ${key.slot}: the report gives no creation date.` });
          continue;
        }
        const age = daysBetween(key.lastRotated, now);
        resources.push(
          age > max
            ? { id, status: 'fail', detail: `IAM user ${row.user}, key ${key.slot}: created ${day(key.lastRotated)}, ${age} days old (limit ${max}).` }
            : { id, status: 'pass', detail: `IAM user ${row.user}, key ${key.slot}: ${age} days old.` },
        );
      }
    }
    return summarize(resources, {
      none: `No IAM user of account ${account} has an active access key.`,
      pass: (n) => `All ${plural(n, 'active access key')} of account ${account} are at most ${max} days old.`,
      fail: (bad) =>
        `${plural(bad.length, 'active access key')} of account ${account} ${bad.length === 1 ? 'is' : 'are'} older than ${max} days: ${listNames(
        bad.map((r) => r.detail.replace(/^IAM user (.*), key (\d): created .*?, (\d+) days old.*$/, '$1 (key $2, $3 days)')),
      )}.`,
    });
  },
});

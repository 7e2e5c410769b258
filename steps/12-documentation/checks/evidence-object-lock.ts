import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { failed, listNames, passed, read } from '../../../src/engine/outcome.js';

/** Six years (§164.316(b)(2)(i)), with leap days. */
export const SIX_YEARS_DAYS = 2192;

export default defineCheck({
  id: 'evidence-object-lock',
  title: 'An immutable evidence store keeps records for six years',
  severity: 'medium',
  hipaa: { section: '164.316(b)(2)(i)', obligation: 'required' },
  hitrust: ['06.c'],
  needs: { global: ['s3.buckets'] },
  why: 'Reports, exports of this tool\'s records and audit evidence prove what you did; in a bucket with S3 Object Lock and six years of default retention nobody, not even an administrator with a stolen key, can delete or rewrite them early.',
  evaluate(state) {
    const buckets = read(state, 's3.buckets');
    const candidates: ResourceResult[] = [];
    const unreadable: string[] = [];
    for (const b of buckets) {
      if (!b.objectLock.ok) {
        unreadable.push(b.name);
        continue;
      }
      const lock = b.objectLock.value;
      if (!lock?.enabled) continue;
      const days = (lock.days ?? 0) + Math.ceil((lock.years ?? 0) * 365.25);
      const expiring = b.lifecycle.ok ? (b.lifecycle.value ?? []).find((r) => r.enabled && r.expirationDays !== null && r.expirationDays < SIX_YEARS_DAYS) : undefined;
      const id = b.arn;
      if (!lock.mode || days < SIX_YEARS_DAYS) {
        candidates.push({ id, region: b.region, status: 'fail', detail: `Bucket ${b.name} (${b.region}) has Object Lock but ${lock.mode ? `a default retention of only ${days} days` : 'no default retention'}.` });
      } else if (expiring) {
        candidates.push({ id, region: b.region, status: 'fail', detail: `Bucket ${b.name} (${b.region}) is locked for ${days} days, but lifecycle rule ${expiring.id} expires objects after ${expiring.expirationDays} days.` });
      } else {
        const note = lock.mode === 'GOVERNANCE' ? ' (governance mode: users with s3:BypassGovernanceRetention can still delete)' : '';
        candidates.push({ id, region: b.region, status: 'pass', detail: `Bucket ${b.name} (${b.region}) keeps objects under ${lock.mode.toLowerCase()}-mode Object Lock for ${days} days${note}.` });
      }
    }
    const good = candidates.filter((c) => c.status === 'pass');
    // Once a bucket is the evidence store, a log bucket locked for its shorter log retention is not a gap.
    if (good.length) return passed(`Evidence can be kept immutable for six years: ${listNames(good.map((g) => g.detail.replace(/^Bucket /, '').replace(/\.$/, '')), 2)}.`, good);
    if (unreadable.length) {
      return {
        status: 'unknown',
        message: `No bucket is known to keep evidence immutable for six years, and the Object Lock settings of ${listNames(unreadable)} could not be read.`,
        resources: candidates,
        missing: ['s3:GetBucketObjectLockConfiguration'],
      };
    }
    if (candidates.length) return failed(`No bucket keeps evidence immutable for six years: ${listNames(candidates.map((c) => c.detail.replace(/\.$/, '')), 2)}.`, candidates);
    return failed('No S3 bucket has Object Lock, so there is no store where evidence and records cannot be deleted or rewritten for six years.');
  },
});

import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { allTrails } from '../../../src/rules/cloudtrail.js';
import { actionMatches, asList, type Statement, statements } from '../../../src/rules/policy.js';

const DESTRUCTIVE = ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutBucketPolicy'];
/** Condition keys that narrow a deny to some principals (a break-glass exception); a TLS condition does not protect logs. */
const PRINCIPAL_KEYS = /^aws:(PrincipalArn|PrincipalAccount|PrincipalOrgID|userid|username|MultiFactorAuthPresent)$/i;
const onlyPrincipalConditions = (c: Statement['Condition']) => Object.values(c ?? {}).every((kv) => Object.keys(kv).every((k) => PRINCIPAL_KEYS.test(k)));

export default defineCheck({
  id: 'cloudtrail-bucket-protected',
  title: 'Audit logs cannot be deleted by the administrators they record',
  severity: 'high',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.ab', '09.ae'],
  needs: { global: ['s3.buckets'], regional: ['cloudtrail.trails'] },
  why: 'An administrator who can delete the log bucket’s objects can erase the record of their own actions; logs belong in a separate account, or behind Object Lock or a policy that denies deletion.',
  evaluate(state) {
    const buckets = read(state, 's3.buckets');
    const { trails, unreadable } = allTrails(state);
    const names = [...new Set(trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : [])))];
    const resources: ResourceResult[] = [...unreadable];
    for (const name of names) {
      const b = buckets.find((x) => x.name === name);
      if (!b) {
        resources.push({ id: `arn:aws:s3:::${name}`, status: 'pass', detail: `Log bucket ${name} is in another account, out of reach of this account's administrators.` });
        continue;
      }
      if (!b.objectLock.ok) {
        resources.push(unreadableResource(`bucket ${name}`, b.region, b.objectLock.error));
        continue;
      }
      const lock = b.objectLock.value;
      if (lock?.enabled && lock.mode && (lock.days || lock.years)) {
        const span = lock.years ? `${lock.years} years` : `${lock.days} days`;
        resources.push({ id: b.arn, region: b.region, status: 'pass', detail: `Log bucket ${name} in ${b.region} keeps every object under Object Lock (${lock.mode}, ${span}).` });
        continue;
      }
      if (!b.policy.ok) {
        resources.push(unreadableResource(`bucket ${name}`, b.region, b.policy.error));
        continue;
      }
      const denies = statements(b.policy.value).filter(
        (s) => s.Effect === 'Deny' && onlyPrincipalConditions(s.Condition) && DESTRUCTIVE.some((a) => asList(s.Action).some((p) => actionMatches(p, a))),
      );
      resources.push(
        denies.length > 0
          ? { id: b.arn, region: b.region, status: 'pass', detail: `Log bucket ${name} in ${b.region}: its policy denies deleting log objects${denies[0]?.Sid ? ` (${denies[0].Sid})` : ''}.` }
          : {
              id: b.arn,
              region: b.region,
              status: 'fail',
              detail: `Log bucket ${name} in ${b.region} sits in this account with neither Object Lock nor a policy that denies deletion, so an administrator can erase the logs.`,
            },
      );
    }
    return summarize(resources, {
      pass: (n) => `Every CloudTrail log bucket is protected from deletion by this account's administrators (${plural(n, 'bucket')} checked).`,
      fail: (f) => listNames(f.map((r) => r.detail), 2),
      none: `No CloudTrail trail delivers to a bucket in ${state.regions.join(', ')}; the trail check covers that gap.`,
    });
  },
});

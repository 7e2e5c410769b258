import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';

/** Seconds in an ISO-8601 duration such as "PT12H", "PT1H30M", "P1D"; undefined when unreadable. */
export function durationSeconds(iso: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const [, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return (d ?? 0) * 86_400 + (h ?? 0) * 3_600 + (min ?? 0) * 60 + (s ?? 0);
}

const hours = (seconds: number) => `${Number((seconds / 3600).toFixed(2))} h`;

export default defineCheck({
  id: 'session-duration',
  title: 'Role and SSO sessions end within the agreed time',
  severity: 'low',
  hipaa: { section: '164.312(a)(2)(iii)', obligation: 'addressable' },
  hitrust: ['01.t'],
  needs: { global: ['iam.roleSessions', 'ssoadmin.permissionSets'] },
  why: 'A console or CLI session that lasts all day stays open on an unattended screen; a maximum session length is the cloud side of automatic logoff.',
  evaluate(state, { settings }) {
    const account = state.identity.accountId;
    const limit = settings.maxSessionHours * 3600;
    const resources: ResourceResult[] = [];
    for (const r of read(state, 'iam.roleSessions')) {
      // Service-linked roles belong to AWS; Identity Center's own roles (/aws-reserved/sso.amazonaws.com/)
      // take their session length from the permission set, which is judged below.
      if (r.path.startsWith('/aws-service-role/') || r.path.startsWith('/aws-reserved/')) continue;
      resources.push(
        r.maxSessionSeconds > limit
          ? { id: r.arn, status: 'fail', detail: `IAM role ${r.name}: sessions may last ${hours(r.maxSessionSeconds)}.` }
          : { id: r.arn, status: 'pass', detail: `IAM role ${r.name}: sessions end after at most ${hours(r.maxSessionSeconds)}.` },
      );
    }
    for (const p of read(state, 'ssoadmin.permissionSets')) {
      const seconds = p.sessionDuration === null ? 3600 : durationSeconds(p.sessionDuration);
      if (seconds === undefined) {
        resources.push({ id: p.arn, status: 'unknown', detail: `SSO permission set ${p.name}: session duration "${p.sessionDuration}" is not readable.` });
      } else {
        resources.push(
          seconds > limit
            ? { id: p.arn, region: p.region, status: 'fail', detail: `SSO permission set ${p.name}: sessions may last ${hours(seconds)}.` }
            : { id: p.arn, region: p.region, status: 'pass', detail: `SSO permission set ${p.name}: sessions end after at most ${hours(seconds)}.` },
        );
      }
    }
    return summarize(resources, {
      none: `Account ${account} has no IAM roles or SSO permission sets of its own.`,
      pass: (n) => `All ${plural(n, 'role and permission set', 'roles and permission sets')} of account ${account} end sessions within ${settings.maxSessionHours} hours.`,
      fail: (bad) =>
        `${plural(bad.length, 'role or permission set', 'roles or permission sets')} of account ${account} allow sessions longer than ${settings.maxSessionHours} hours: ${listNames(
          bad.map((r) => r.detail.replace(/:.*$/, '')),
        )}.`,
    });
  },
});

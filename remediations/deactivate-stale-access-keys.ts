/**
 * Turns off what the access-key checks flag: active access keys older than the rotation limit or
 * unused for longer than the idle limit are set Inactive (not deleted, so undo can turn them back
 * on), and console passwords unused for longer than the idle limit are removed. A key a running
 * job still uses stops working at once, hence the typed confirmation.
 */
import type { AccessKey } from '../src/aws/collectors/iamkeys.js';
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { daysBetween, read } from '../src/engine/outcome.js';

const sameInstant = (a: string | null, b: string | null) => a !== null && b !== null && Math.abs(new Date(a).getTime() - new Date(b).getTime()) < 1000;

export default defineRemediation({
  id: 'deactivate-stale-access-keys',
  title: 'Turn off old and unused access keys and passwords',
  fixes: ['access-key-age', 'unused-credentials'],
  risk: 'disruptive',
  permissions: ['iam:UpdateAccessKey', 'iam:DeleteLoginProfile', 'iam:ListAccessKeys'],
  needs: { global: ['iamkeys.accessKeys'] },
  options: [{ name: 'passwords', description: 'also remove console passwords unused for longer than the idle limit: yes or no', default: 'yes' }],
  notes: [
    'A deactivated key stops working at once: check first that no script, server or CI job still uses it (the plan shows when each key was last used).',
    'A removed console password cannot be restored; an administrator can set a new one later with aws iam create-login-profile.',
  ],
  plan(state, { now, settings, options }) {
    if (options.passwords !== undefined && !['yes', 'no'].includes(options.passwords)) throw new Error(`the passwords option takes yes or no, not "${options.passwords}"`);
    const report = read(state, 'iam.credentialReport');
    const keys = read(state, 'iamkeys.accessKeys');
    const region = state.homeRegion;
    const actions: PlanAction[] = [];
    for (const row of report) {
      if (row.arn.endsWith(':root')) continue;
      for (const key of row.accessKeys) {
        if (!key.active) continue;
        const age = key.lastRotated ? daysBetween(key.lastRotated, now) : undefined;
        const idleSince = key.lastUsed ?? key.lastRotated;
        const idle = idleSince ? daysBetween(idleSince, now) : undefined;
        const tooOld = age !== undefined && age > settings.accessKeyMaxAgeDays;
        const unused = idle !== undefined && idle > settings.unusedCredentialDays;
        if (!tooOld && !unused) continue;
        const mine = keys.filter((k) => k.user === row.user && k.status === 'Active');
        const match: AccessKey | undefined = mine.find((k) => sameInstant(k.createDate, key.lastRotated)) ?? (mine.length === 1 ? mine[0] : undefined);
        if (!match) throw new Error(`cannot tell which access key of IAM user ${row.user} is key ${key.slot}; turn it off by hand with aws iam update-access-key`);
        const why = [tooOld ? `${age} days old` : '', key.lastUsed ? `last used ${daysBetween(key.lastUsed, now)} days ago` : 'never used'].filter(Boolean).join(', ');
        actions.push({
          effect: '~',
          service: 'iam',
          command: 'UpdateAccessKey',
          input: { UserName: row.user, AccessKeyId: match.accessKeyId, Status: 'Inactive' },
          region,
          resource: `access key ${match.accessKeyId} of IAM user ${row.user}`,
          summary: `Deactivate access key ${match.accessKeyId} of IAM user ${row.user} (${why}).`,
          reversible: true,
          undo: [{ service: 'iam', command: 'UpdateAccessKey', input: { UserName: row.user, AccessKeyId: match.accessKeyId, Status: 'Active' }, region }],
        });
      }
      if (options.passwords !== 'no' && row.passwordEnabled) {
        const since = row.passwordLastUsed ?? row.passwordLastChanged ?? row.userCreationTime;
        const idle = since ? daysBetween(since, now) : undefined;
        if (idle !== undefined && idle > settings.unusedCredentialDays) {
          actions.push({
            effect: '-',
            service: 'iam',
            command: 'DeleteLoginProfile',
            input: { UserName: row.user },
            region,
            resource: `console password of IAM user ${row.user}`,
            summary: `Remove the console password of IAM user ${row.user} (${row.passwordLastUsed ? `last used ${idle} days ago` : `never used in ${idle} days`}).`,
            reversible: false,
            irreversibleBecause: 'IAM cannot give the old password back; set a new one with aws iam create-login-profile if the person needs it',
          });
        }
      }
    }
    return actions;
  },
});

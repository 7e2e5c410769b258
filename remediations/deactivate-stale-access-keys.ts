/**
 * Turns off unused credentials: active access keys that unused-credentials fails (not used for the
 * idle limit, or never used and created before it) are set Inactive (not deleted, so undo can turn
 * them back on), and console passwords it fails are removed. A key that is merely old but was used
 * recently is not touched: turning it off would be a revocation that breaks whatever uses it, not a
 * rotation; the plan names it with the steps to rotate it without downtime.
 */
import type { AccessKey } from '../src/state/iamkeys.js';
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { daysBetween, read } from '../src/engine/outcome.js';
import accessKeyAge from '../steps/01-access-controls/checks/access-key-age.js';
import unusedCredentials from '../steps/01-access-controls/checks/unused-credentials.js';
import { failingIds } from './lib/iam-scope.js';
import { OptionValues } from '../src/schemas/options.js';

const sameInstant = (a: string | null, b: string | null) => a !== null && b !== null && Math.abs(new Date(a).getTime() - new Date(b).getTime()) < 1000;

export default defineRemediation({
  id: 'deactivate-stale-access-keys',
  title: 'Turn off unused access keys and passwords',
  fixes: ['access-key-age', 'unused-credentials'],
  leavesAlone: ['the root user', 'keys used within the idle limit (named, with the steps to rotate them)'],
  permissions: ['iam:UpdateAccessKey', 'iam:DeleteLoginProfile', 'iam:ListAccessKeys'],
  needs: { global: ['iamkeys.accessKeys'] },
  options: [{ name: 'passwords', description: 'also remove console passwords unused for longer than the idle limit: yes or no', default: 'yes', schema: OptionValues.yesNo() }],
  notes: [
    'A deactivated key stops working at once: check first that no script, server or CI job still uses it (the plan shows when each key was last used).',
    'A removed console password cannot be restored; an administrator can set a new one later with aws iam create-login-profile.',
  ],
  plan(state, ctx) {
    const { now, settings, options } = ctx;
    const note = ctx.note ?? (() => {});
    const unused = failingIds(unusedCredentials, state, ctx);
    const old = failingIds(accessKeyAge, state, ctx);
    const toRotate: string[] = [];
    const report = read(state, 'iam.credentialReport');
    const keys = read(state, 'iamkeys.accessKeys');
    const region = state.homeRegion;
    const actions: PlanAction[] = [];
    for (const row of report) {
      if (row.arn.endsWith(':root')) continue;
      for (const key of row.accessKeys) {
        if (!key.active) continue;
        const id = `${row.arn} access key ${key.slot}`;
        const age = key.lastRotated ? daysBetween(key.lastRotated, now) : undefined;
        if (!unused.has(id)) {
          if (old.has(id)) toRotate.push(`IAM user ${row.user}'s key ${key.slot} (${age} days old, last used ${key.lastUsed ? `${daysBetween(key.lastUsed, now)} days ago` : 'never'})`);
          continue;
        }
        const tooOld = old.has(id);
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
        if (idle !== undefined && unused.has(`${row.arn} console password`)) {
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
    if (toRotate.length > 0) {
      note(
        `Not turned off, because they were used in the last ${settings.unusedCredentialDays} days and something depends on them: ${toRotate.join('; ')}. They are older than ${settings.accessKeyMaxAgeDays} days and need rotating, without downtime: create a second key for the user (aws iam create-access-key), switch whatever uses the old key to the new one, watch the old key's last-used date stop moving, then deactivate the old key and later delete it.`,
      );
    }
    return actions;
  },
});

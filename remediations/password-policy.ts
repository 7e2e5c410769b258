/**
 * Sets the IAM password policy to the thresholds (length, all four classes, reuse, maximum age).
 * UpdateAccountPasswordPolicy replaces the whole policy, so the plan sends every field: the ones
 * it tightens and the ones it keeps from the current policy. Undo writes the old policy back, or
 * deletes the policy when there was none.
 *
 * It never locks people out: users may always change their own password, an expired password is
 * changed at sign-in rather than needing an administrator (HardExpiry off), and the plan names the
 * console users whose passwords are older than the new maximum age (they change it at next sign-in).
 * A field already stricter than the threshold is kept.
 */
import type { PasswordPolicy } from '../src/state/iam.js';
import { defineRemediation } from '../src/engine/define.js';
import { daysBetween, read } from '../src/engine/outcome.js';

const toInput = (p: PasswordPolicy) => ({
  MinimumPasswordLength: p.minimumLength,
  RequireUppercaseCharacters: p.requireUppercase,
  RequireLowercaseCharacters: p.requireLowercase,
  RequireNumbers: p.requireNumbers,
  RequireSymbols: p.requireSymbols,
  AllowUsersToChangePassword: p.allowUsersToChangePassword,
  MaxPasswordAge: p.maxAgeDays > 0 ? p.maxAgeDays : undefined,
  PasswordReusePrevention: p.reusePrevention > 0 ? p.reusePrevention : undefined,
  HardExpiry: p.hardExpiry,
});

export default defineRemediation({
  id: 'password-policy',
  title: 'Set a strong IAM password policy',
  fixes: ['password-policy-strength', 'password-policy-rotation'],
  leavesAlone: ['any setting already stricter than the threshold', "users' ability to change their own password"],
  permissions: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
  plan(state, ctx) {
    const { settings, now } = ctx;
    const note = ctx.note ?? (() => {});
    const current = read(state, 'iam.passwordPolicy');
    const target: PasswordPolicy = {
      minimumLength: Math.max(current?.minimumLength ?? 0, settings.passwordMinLength),
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      maxAgeDays: current && current.maxAgeDays > 0 ? Math.min(current.maxAgeDays, settings.passwordMaxAgeDays) : settings.passwordMaxAgeDays,
      reusePrevention: Math.max(current?.reusePrevention ?? 0, settings.passwordReusePrevention),
      hardExpiry: false,
    };
    if (current && JSON.stringify(toInput(current)) === JSON.stringify(toInput(target))) return [];
    const changes: string[] = [];
    if (!current) changes.push('create it');
    else {
      if (target.minimumLength !== current.minimumLength) changes.push(`length ${current.minimumLength} → ${target.minimumLength}`);
      const classes = (['requireUppercase', 'requireLowercase', 'requireNumbers', 'requireSymbols'] as const).filter((k) => !current[k]);
      if (classes.length) changes.push(`require ${classes.map((k) => k.replace('require', '').toLowerCase()).join(', ')}`);
      if (target.reusePrevention !== current.reusePrevention) changes.push(`reuse prevention ${current.reusePrevention} → ${target.reusePrevention}`);
      if (target.maxAgeDays !== current.maxAgeDays) changes.push(`maximum age ${current.maxAgeDays || 'none'} → ${target.maxAgeDays} days`);
      if (!current.allowUsersToChangePassword) changes.push('let users change their own password (it was off, so nobody could change an expired password without an administrator)');
      if (current.hardExpiry) changes.push('let users with an expired password set a new one at sign-in (hard expiry was on, which locks them out until an administrator resets it)');
    }
    if (!current || target.maxAgeDays !== current.maxAgeDays) {
      // Read when collected (it is for a note only, so it stays out of the plan's basis).
      const report = state.global['iam.credentialReport'];
      if (!report?.ok) note(`The credential report could not be read, so this plan cannot say which console users have passwords older than ${target.maxAgeDays} days; those will have to choose a new one at their next sign-in.`);
      const expiring = (report?.ok ? report.value : [])
        .filter((r) => !r.arn.endsWith(':root') && r.passwordEnabled)
        .map((r) => ({ user: r.user, since: r.passwordLastChanged ?? r.userCreationTime }))
        .filter((r) => r.since !== null && daysBetween(r.since, now) > target.maxAgeDays)
        .map((r) => `${r.user} (changed ${daysBetween(r.since ?? '', now)} days ago)`);
      if (expiring.length > 0) {
        note(
          `${expiring.length === 1 ? '1 console user has a password' : `${expiring.length} console users have passwords`} older than the new maximum of ${target.maxAgeDays} days and will have to choose a new one at their next sign-in: ${expiring.join(', ')}. Tell them before applying.`,
        );
      }
    }
    return [
      {
        effect: current ? '~' : '+',
        service: 'iam',
        command: 'UpdateAccountPasswordPolicy',
        input: JSON.parse(JSON.stringify(toInput(target))),
        region: state.homeRegion,
        resource: `account ${state.identity.accountId} password policy`,
        summary: `Set the IAM password policy: ${changes.join('; ')}.`,
        reversible: true,
        undo: current
          ? [{ service: 'iam', command: 'UpdateAccountPasswordPolicy', input: JSON.parse(JSON.stringify(toInput(current))), region: state.homeRegion }]
          : [{ service: 'iam', command: 'DeleteAccountPasswordPolicy', input: {}, region: state.homeRegion }],
      },
    ];
  },
});

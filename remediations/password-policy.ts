/**
 * Sets the IAM password policy to the thresholds (length, all four classes, reuse, maximum age).
 * UpdateAccountPasswordPolicy replaces the whole policy, so the plan sends every field: the ones
 * it tightens and the ones it keeps from the current policy. Undo writes the old policy back, or
 * deletes the policy when there was none.
 */
import type { PasswordPolicy } from '../src/aws/collectors/iam.js';
import { defineRemediation } from '../src/engine/define.js';
import { read } from '../src/engine/outcome.js';

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
  risk: 'safe',
  permissions: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
  plan(state, { settings }) {
    const current = read(state, 'iam.passwordPolicy');
    const target: PasswordPolicy = {
      minimumLength: Math.max(current?.minimumLength ?? 0, settings.passwordMinLength),
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: current?.allowUsersToChangePassword ?? true,
      maxAgeDays: current && current.maxAgeDays > 0 ? Math.min(current.maxAgeDays, settings.passwordMaxAgeDays) : settings.passwordMaxAgeDays,
      reusePrevention: Math.max(current?.reusePrevention ?? 0, settings.passwordReusePrevention),
      hardExpiry: current?.hardExpiry ?? false,
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

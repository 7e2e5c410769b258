import { describe, expect, it } from 'vitest';
import { runCheckById } from '../helpers/run-check.js';
import { denied, state } from '../helpers/state.js';

describe('root-mfa', () => {
  it('fails when the root user has no MFA device', async () => {
    const f = await runCheckById('root-mfa', state({ global: { 'iam.accountSummary': { AccountMFAEnabled: 0 }, 'iam.virtualMfaDevices': [] } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/root user of account 111122223333 has no MFA/);
  });

  it('passes with a virtual device, and says a hardware key is stronger', async () => {
    const f = await runCheckById(
      'root-mfa',
      state({
        global: {
          'iam.accountSummary': { AccountMFAEnabled: 1 },
          'iam.virtualMfaDevices': [{ serialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', userArn: 'arn:aws:iam::111122223333:root' }],
        },
      }),
    );
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/virtual device/);
  });

  it('says so, instead of failing, for a member account whose root credentials the organization removed', async () => {
    const summary = { AccountMFAEnabled: 0, AccountPasswordPresent: 0, AccountAccessKeysPresent: 0, AccountSigningCertificatesPresent: 0, Users: 4 };
    const f = await runCheckById('root-mfa', state({ global: { 'iam.accountSummary': summary, 'iam.virtualMfaDevices': [] } }));
    expect(f.status).toBe('pass');
    expect(f.message).toBe(
      'The root user of account 111122223333 has no password, access keys or signing certificates (root access is managed centrally by the organization), so no one can sign in as root and MFA is not needed.',
    );
    // A root password still present (the feature is on but the credentials were not deleted) still needs MFA.
    const g = await runCheckById('root-mfa', state({ global: { 'iam.accountSummary': { ...summary, AccountPasswordPresent: 1 }, 'iam.virtualMfaDevices': [] } }));
    expect(g.status).toBe('fail');
  });

  it('is unknown, naming the action, when the summary cannot be read', async () => {
    const f = await runCheckById('root-mfa', state({ global: { 'iam.accountSummary': denied('iam:GetAccountSummary'), 'iam.virtualMfaDevices': [] } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['iam:GetAccountSummary']);
    expect(f.message).toMatch(/iam:GetAccountSummary/);
  });
});

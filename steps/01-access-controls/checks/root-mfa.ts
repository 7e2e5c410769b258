import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'root-mfa',
  title: 'The root user signs in with MFA',
  severity: 'critical',
  hipaa: { section: '164.312(d)', obligation: 'required' },
  hitrust: ['01.j', '05.k'],
  needs: { global: ['iam.accountSummary', 'iam.virtualMfaDevices'] },
  why: 'The root user can do anything in the account, including reading every record and deleting every log; a password alone is one phishing email away from all of it.',
  evaluate(state) {
    const summary = read(state, 'iam.accountSummary');
    const account = state.identity.accountId;
    // With centralized root access (IAM's RootCredentialsManagement in AWS Organizations) a member
    // account's root user has no password, no access keys and no signing certificates: no one can sign in as it.
    const noRootCredentials =
      summary.AccountPasswordPresent === 0 && summary.AccountAccessKeysPresent === 0 && (summary.AccountSigningCertificatesPresent ?? 0) === 0;
    if (summary.AccountMFAEnabled !== 1 && noRootCredentials) {
      return passed(
        `The root user of account ${account} has no password, access keys or signing certificates (root access is managed centrally by the organization), so no one can sign in as root and MFA is not needed.`,
        [{ id: `arn:${state.identity.partition}:iam::${account}:root`, status: 'pass', detail: 'Root user: no credentials (centralized root access); nothing to sign in with.' }],
      );
    }
    if (summary.AccountMFAEnabled !== 1) {
      return failed(`The root user of account ${account} has no MFA device: anyone with its password has full control.`, [
        { id: `arn:${state.identity.partition}:iam::${account}:root`, status: 'fail', detail: 'Root user: no MFA device.' },
      ]);
    }
    const devices = read(state, 'iam.virtualMfaDevices');
    const virtual = devices.some((d) => d.userArn?.endsWith(':root') || d.serialNumber.endsWith(':mfa/root-account-mfa-device'));
    const detail = virtual
      ? 'Root user: MFA on, with a virtual device (a hardware key resists phishing better).'
      : 'Root user: MFA on, with a hardware device.';
    return passed(`The root user of account ${account} has MFA${virtual ? ' (a virtual device; a hardware key is stronger)' : ' on a hardware device'}.`, [
      { id: `arn:${state.identity.partition}:iam::${account}:root`, status: 'pass', detail },
    ]);
  },
});

import { defineCheck } from '../../../src/engine/define.js';
import { failed, passed, read } from '../../../src/engine/outcome.js';
import { missingFlags } from '../../../src/rules/network.js';

export default defineCheck({
  id: 's3-account-public-access',
  title: 'S3 Block Public Access is on for the whole account',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.m', '09.m'],
  needs: { global: ['s3control.publicAccessBlock'] },
  why: 'The account-wide setting overrides any bucket policy or ACL that would make data public, including on buckets created tomorrow by someone in a hurry.',
  evaluate(state) {
    const pab = read(state, 's3control.publicAccessBlock');
    const account = state.identity.accountId;
    const missing = missingFlags(pab);
    const id = `account ${account} S3 Block Public Access`;
    if (missing.length === 0) {
      return passed(`S3 Block Public Access is fully on for account ${account} (all regions).`, [{ id, status: 'pass', detail: 'All four settings are on.' }]);
    }
    return failed(
      pab
        ? `Account ${account} blocks public S3 access only partly: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} off (applies to all regions).`
        : `Account ${account} has no account-level S3 Block Public Access, so any bucket policy or ACL can make data public (all regions).`,
      [{ id, status: 'fail', detail: `Off: ${missing.join(', ')}.` }],
    );
  },
});

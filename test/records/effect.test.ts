/**
 * End to end through the runner: decisions recorded in a folder, read back through the view, turn
 * a failing finding into `accepted` until the review date and let it fail again after; the proposed
 * rule view counts the decisions that rely on "addressable".
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_RECORDS } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAttestation } from '../../src/engine/runner.js';
import { decisionsAtRiskUnderProposedRule, proposedRuleCount, sectionResolver } from '../../src/records/proposed-rule.js';
import { recordAttestation, recordDecision } from '../../src/records/record.js';
import { loadRecordsView } from '../../src/records/view.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, ctx, NOW, state } from '../helpers/state.js';
import { tempRecordsDir } from './helpers.js';

const noPolicy = state({ global: { 'iam.passwordPolicy': null } });
const by = { by: 'dana.okafor', now: NOW };
const at = (iso: string) => new Date(iso);

async function passwordFinding(dir: string, now: Date) {
  return runCheckById('password-policy-strength', noPolicy, ctx({}, now, await loadRecordsView(dir)));
}

describe('a recorded decision and the findings', () => {
  it('accepts a failing finding until the review date, then it fails again saying the decision lapsed', async () => {
    const dir = tempRecordsDir();
    expect((await passwordFinding(dir, NOW)).status).toBe('fail');
    await recordDecision(
      dir,
      { subject: 'password-policy-strength', status: 'risk-accepted', reason: 'Console sign-in goes through SSO with MFA; IAM passwords are being retired.', owner: 'Ana Ruiz', reviewBy: '2027-02-01' },
      by,
    );
    const accepted = await passwordFinding(dir, NOW);
    expect(accepted.status).toBe('accepted');
    expect(accepted.evaluated).toBe('fail');
    expect(accepted.message).toMatch(/Accepted by decision D-0001 \(risk-accepted\): Console sign-in goes through SSO.* Review by 2027-02-01\./);
    expect(accepted.decision).toMatchObject({ id: 'D-0001', lapsed: false, decidedBy: 'dana.okafor' });

    expect((await passwordFinding(dir, at('2027-02-01T23:00:00Z'))).status).toBe('accepted'); // the review day itself
    const lapsed = await passwordFinding(dir, at('2027-02-02T08:00:00Z'));
    expect(lapsed.status).toBe('fail');
    expect(lapsed.message).toMatch(/decision D-0001 \(risk-accepted, by dana\.okafor\) lapsed on 2027-02-01 and must be reviewed/);
    expect(lapsed.decision?.lapsed).toBe(true);
  });

  it('every covering kind accepts; "implemented" never hides a failure', async () => {
    for (const [status, extra] of [
      ['alternative', { alternative: 'Everyone signs in through SSO, whose policy requires 16 characters.' }],
      ['not-reasonable', {}],
      ['not-applicable', {}],
    ] as const) {
      const dir = tempRecordsDir();
      await recordDecision(dir, { subject: 'password-policy-strength', status, reason: 'No person signs in with an IAM password in this account at all.', ...extra }, by);
      expect((await passwordFinding(dir, NOW)).status, status).toBe('accepted');
    }
    const dir = tempRecordsDir();
    await recordDecision(dir, { subject: 'password-policy-strength', status: 'implemented', reason: 'Set by the landing zone.' }, by);
    expect((await passwordFinding(dir, NOW)).status).toBe('fail');
  });

  it('a later decision supersedes: accepting, then "implemented", shows the failure again', async () => {
    const dir = tempRecordsDir();
    await recordDecision(dir, { subject: 'password-policy-strength', status: 'not-applicable', reason: 'No person signs in with an IAM password in this account at all.' }, by);
    expect((await passwordFinding(dir, NOW)).status).toBe('accepted');
    await recordDecision(dir, { subject: 'password-policy-strength', status: 'implemented', reason: 'The landing zone sets the policy now.' }, by);
    expect((await passwordFinding(dir, NOW)).status).toBe('fail');
  });

  it('a decision on the HIPAA section covers the checks citing it; one scoped elsewhere does not', async () => {
    const dir = tempRecordsDir();
    await recordDecision(dir, { subject: '164.308(a)(5)(ii)(D)', status: 'alternative', reason: 'Passwords are managed by the identity provider for all staff.', alternative: 'Okta enforces 16-character passphrases and MFA for every person.' }, by);
    expect((await passwordFinding(dir, NOW)).status).toBe('accepted');
    const other = tempRecordsDir();
    await recordDecision(other, { subject: 'password-policy-strength', status: 'not-applicable', reason: 'No person signs in with an IAM password in that account.', scope: { accounts: ['999988887777'] } }, by);
    expect((await passwordFinding(other, NOW)).status).toBe('fail');
    const mine = tempRecordsDir();
    await recordDecision(mine, { subject: 'password-policy-strength', status: 'not-applicable', reason: 'No person signs in with an IAM password in this account.', scope: { accounts: [ACCOUNT] } }, by);
    expect((await passwordFinding(mine, NOW)).status).toBe('accepted');
  });

  it('a recorded attestation answer is what the attestation finding shows', async () => {
    const registry = await loadRegistry();
    const def = registry.attestation('automatic-logoff')!;
    const step = registry.stepOf('automatic-logoff')!;
    const dir = tempRecordsDir();
    expect(runAttestation(def, step, ctx({}, NOW, await loadRecordsView(dir))).status).toBe('manual');
    await recordAttestation(
      dir,
      { attestation: 'automatic-logoff', answer: 'yes', fields: { systems: 'EHR web app: 15 minutes', timeoutMinutes: '15', verifiedOn: '2026-11-20', verifiedBy: 'Sam Lee' } },
      by,
    );
    const f = runAttestation(def, step, ctx({}, NOW, await loadRecordsView(dir)));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/dana\.okafor attested on 2026-11-24/);
  });
});

describe('the proposed rule view (HHS, January 2025; not in force)', () => {
  it('lists the decisions not to implement an addressable specification, and only those', async () => {
    const dir = tempRecordsDir();
    const reason = 'No person signs in with an IAM password in this account at all.';
    await recordDecision(dir, { subject: 'password-policy-strength', status: 'risk-accepted', reason, owner: 'Ana Ruiz', reviewBy: '2027-06-01' }, by); // addressable: counted
    await recordDecision(dir, { subject: 'root-mfa', status: 'risk-accepted', reason, owner: 'Ana Ruiz', reviewBy: '2027-06-01' }, by); // required: not counted
    await recordDecision(dir, { subject: 'password-policy-rotation', status: 'not-applicable', reason }, by); // not-applicable: not counted
    await recordDecision(dir, { subject: '164.312(a)(2)(iii)', status: 'not-reasonable', reason: 'Shared kiosks already lock after two minutes of idle time.' }, by); // addressable section: counted
    await recordDecision(dir, { subject: 'access-key-age', status: 'alternative', reason, alternative: 'Access keys are replaced by short-lived role sessions everywhere.' }, by);
    await recordDecision(dir, { subject: 'access-key-age', status: 'implemented', reason: 'Keys are rotated by a scheduled job.' }, by); // superseded: not counted
    const view = await loadRecordsView(dir);
    const conflicts = decisionsAtRiskUnderProposedRule(view.decisions(), sectionResolver(await loadRegistry()));
    expect(conflicts.map((c) => `${c.decision.id} ${c.section}`)).toEqual(['D-0001 164.308(a)(5)(ii)(D)', 'D-0004 164.312(a)(2)(iii)']);
    expect(proposedRuleCount(view, await loadRegistry())).toBe(2);
    expect(conflicts[1]!.explanation).toMatch(/chooses not implementing it for §164\.312\(a\)\(2\)\(iii\) \(Automatic logoff\), which is addressable today; the proposal would make it required/);
  });
});

describe('a not-reasonable decision already written on a required specification (issue 13)', () => {
  it('does not turn the failing finding into accepted, and the message says why (§164.306(d)(3))', async () => {
    const decision = {
      id: 'D-0007',
      subject: 'root-mfa',
      status: 'not-reasonable',
      reason: 'The root user is never used, so a second factor is not worth the trouble.',
      decidedBy: 'dana.okafor',
      decidedAt: NOW.toISOString(),
      reviewBy: '2027-11-24',
    } as const;
    const records = { ...EMPTY_RECORDS, decisionFor: (s: string) => (s === 'root-mfa' ? decision : undefined), decisions: () => [decision] };
    const f = await runCheckById('root-mfa', state({ global: { 'iam.accountSummary': { AccountMFAEnabled: 0 }, 'iam.virtualMfaDevices': [] } }), ctx({}, NOW, records as never));
    expect(f.status).toBe('fail');
    expect(f.message).toContain(
      'The decision D-0007 (not-reasonable, by dana.okafor) is refused: root-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3)); a required safeguard must be implemented.',
    );
    expect(f.decision).toBeUndefined();
  });

  it('an alternative already written on a required specification is refused the same way, by check id or by section', async () => {
    const decision = {
      id: 'D-0008',
      subject: '164.312(d)',
      status: 'alternative',
      reason: 'Root is locked away in the safe and nobody uses it for anything at all.',
      alternative: 'The root password is split between two officers who must both be present.',
      decidedBy: 'dana.okafor',
      decidedAt: NOW.toISOString(),
      reviewBy: '2027-11-24',
    } as const;
    const records = { ...EMPTY_RECORDS, decisionFor: (s: string) => (s === '164.312(d)' ? decision : undefined), decisions: () => [decision] };
    const f = await runCheckById('root-mfa', state({ global: { 'iam.accountSummary': { AccountMFAEnabled: 0 }, 'iam.virtualMfaDevices': [] } }), ctx({}, NOW, records as never));
    expect(f.status).toBe('fail');
    expect(f.message).toContain('The decision D-0008 (alternative, by dana.okafor) is refused: root-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: an equivalent alternative measure may stand in only for an addressable specification (§164.306(d)(3))');
  });
});

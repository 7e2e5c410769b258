/** The runner turns outcomes into findings: unreadable data is unknown, decisions accept failures until they lapse. */
import { describe, expect, it } from 'vitest';
import { defineAttestation, defineCheck, defineStep } from '../../src/engine/define.js';
import type { AttestationAnswer, Decision, RecordsView } from '../../src/engine/model.js';
import { failed, read } from '../../src/engine/outcome.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { countStatuses, needsOf, runAll, runAttestation, runCheck } from '../../src/engine/runner.js';
import { ctx, denied, NOW, state } from '../helpers/state.js';

const step = defineStep({ id: '01-access-controls', number: 1, title: 'Access Controls', intro: 'x', hipaa: [], hitrust: [] });
const policyCheck = defineCheck({
  id: 'password-policy-strength',
  title: 'Password policy',
  severity: 'medium',
  hipaa: { section: '164.308(a)(5)(ii)(D)', obligation: 'addressable' },
  hitrust: ['01.d'],
  permissions: ['iam:GetAccountPasswordPolicy'],
  needs: { global: ['iam.passwordPolicy'] },
  why: 'why',
  evaluate: (s) => {
    const p = read(s, 'iam.passwordPolicy');
    return failed(`Policy is ${p ? 'weak' : 'missing'} in account ${s.identity.accountId}.`, [{ id: 'account', region: 'us-east-1', status: 'fail', detail: 'weak' }]);
  },
});
const attestation = defineAttestation({
  id: 'unique-logins',
  title: 'Unique logins',
  question: 'Does everyone have their own login?',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(i)', obligation: 'required' },
  hitrust: ['01.b'],
  why: 'why',
  fields: [],
  validForDays: 365,
});

function records(o: { decisions?: Decision[]; attestations?: AttestationAnswer[] }): RecordsView {
  const ds = o.decisions ?? [];
  const as = o.attestations ?? [];
  return {
    decisionFor: (s) => ds.filter((d) => d.subject === s).at(-1),
    attestationFor: (id) => as.filter((a) => a.attestation === id).at(-1),
    decisions: () => ds,
    attestations: () => as,
    vendors: () => [],
  };
}
const decision = (o: Partial<Decision> = {}): Decision => ({
  id: 'D-1',
  subject: 'password-policy-strength',
  status: 'alternative',
  reason: 'Console sign-in goes through Identity Center with its own policy.',
  decidedBy: 'Dana Okafor',
  decidedAt: '2026-10-01T00:00:00Z',
  reviewBy: '2027-10-01',
  ...o,
});
const s = () => state({ global: { 'iam.passwordPolicy': null } });

describe('runCheck', () => {
  it('turns an unreadable slice into unknown, naming the action', () => {
    const f = runCheck(policyCheck, step, state({ global: { 'iam.passwordPolicy': denied('iam:GetAccountPasswordPolicy') } }), ctx());
    expect(f).toMatchObject({ status: 'unknown', missing: ['iam:GetAccountPasswordPolicy'] });
    expect(f.message).toBe('Password policy: could not be checked because access to iam:GetAccountPasswordPolicy was denied.');
  });

  it('turns a bug in a check into unknown instead of stopping the scan', () => {
    const broken = defineCheck({ ...policyCheck, evaluate: () => { throw new TypeError('x is undefined'); } });
    expect(runCheck(broken, step, s(), ctx())).toMatchObject({ status: 'unknown', message: expect.stringContaining('x is undefined') });
  });

  it('accepts a failure covered by a decision, and fails again once the decision lapses', () => {
    const accepted = runCheck(policyCheck, step, s(), ctx({}, NOW, records({ decisions: [decision()] })));
    expect(accepted).toMatchObject({ status: 'accepted', evaluated: 'fail', decision: { id: 'D-1', lapsed: false } });
    const lapsed = runCheck(policyCheck, step, s(), ctx({}, NOW, records({ decisions: [decision({ reviewBy: '2026-11-01' })] })));
    expect(lapsed.status).toBe('fail');
    expect(lapsed.message).toMatch(/lapsed on 2026-11-01/);
  });

  it('never lets an "implemented" decision hide a failure, nor one scoped to other regions', () => {
    expect(runCheck(policyCheck, step, s(), ctx({}, NOW, records({ decisions: [decision({ status: 'implemented' })] }))).status).toBe('fail');
    expect(runCheck(policyCheck, step, s(), ctx({}, NOW, records({ decisions: [decision({ scope: { regions: ['eu-west-1'] } })] }))).status).toBe('fail');
  });
});

describe('runAttestation', () => {
  const answer = (o: Partial<AttestationAnswer> = {}): AttestationAnswer => ({
    id: 'A-1',
    attestation: 'unique-logins',
    answer: 'yes',
    fields: {},
    attestedBy: 'Dana Okafor',
    attestedAt: '2026-06-01T00:00:00Z',
    ...o,
  });
  it('is manual until someone attests, passes on a yes, and fails once it lapses or on a no', () => {
    expect(runAttestation(attestation, step, ctx()).status).toBe('manual');
    expect(runAttestation(attestation, step, ctx({}, NOW, records({ attestations: [answer()] })))).toMatchObject({ status: 'pass', message: expect.stringContaining('valid until 2027-06-01') });
    expect(runAttestation(attestation, step, ctx({}, NOW, records({ attestations: [answer({ attestedAt: '2025-06-01T00:00:00Z' })] }))).status).toBe('fail');
    expect(runAttestation(attestation, step, ctx({}, NOW, records({ attestations: [answer({ answer: 'partial' })] }))).status).toBe('fail');
  });
});

describe('runAll', () => {
  it('runs checks then attestations per step and counts them', () => {
    const registry = buildRegistry({
      steps: [{ file: 'steps/01-access-controls/step.ts', folder: '01-access-controls', def: step }],
      checks: [{ file: 'steps/01-access-controls/checks/password-policy-strength.ts', folder: '01-access-controls', def: policyCheck }],
      attestations: [{ file: 'steps/01-access-controls/attestations/unique-logins.ts', folder: '01-access-controls', def: attestation }],
      remediations: [],
      collectorServices: ['iam'],
    });
    const findings = runAll(registry, s(), ctx());
    expect(findings.map((f) => [f.id, f.kind, f.status])).toEqual([
      ['password-policy-strength', 'check', 'fail'],
      ['unique-logins', 'attestation', 'manual'],
    ]);
    expect(countStatuses(findings)).toEqual({ pass: 0, fail: 1, unknown: 0, manual: 1, accepted: 0 });
    expect(needsOf(registry.checks)).toEqual({ global: ['iam.passwordPolicy'], regional: [] });
  });
});

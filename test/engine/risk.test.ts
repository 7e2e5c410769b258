import { describe, expect, it } from 'vitest';
import { confirmationWord } from '../../src/cli/confirm.js';
import type { Plan, PlanAction } from '../../src/engine/model.js';
import { confirmationRule, coveredByFlags, coveredByYes, riskOf } from '../../src/engine/risk.js';
import { confirmationFor } from '../../src/wizard/services.js';

/** A call that only reconfigures (rated safe in src/engine/effects.ts). */
const rotate = (reversible = true): PlanAction => ({
  effect: '~',
  service: 'kms',
  command: 'EnableKeyRotation',
  input: { KeyId: 'k1' },
  region: 'us-east-1',
  resource: 'KMS key k1',
  summary: 'Rotate k1.',
  reversible,
});
const revoke: PlanAction = { ...rotate(), service: 'ec2', command: 'RevokeSecurityGroupIngress', input: { GroupId: 'sg-1' }, resource: 'security group sg-1', summary: 'Close port 22.' };

const plan = (risk: Plan['risk'], reversible = true, undoOf?: string, actions: PlanAction[] = [rotate(reversible)]) =>
  ({ risk, remediation: 'revoke-open-ingress', undoOf, actions }) as unknown as Plan;

describe('one confirmation rule', () => {
  it('asks the wizard and the CLI for the same typed word: the fix id, never "apply"', () => {
    for (const p of [plan('disruptive'), plan('costly'), plan('irreversible'), plan('safe', false)]) {
      expect(confirmationRule(p)).toEqual({ kind: 'word', word: 'revoke-open-ingress' });
      expect(confirmationFor(p)).toEqual(confirmationRule(p));
      expect(confirmationWord(p)).toBe('revoke-open-ingress');
    }
  });
  it('lets yes/no and --yes cover only a safe plan that can be undone', () => {
    expect(confirmationRule(plan('safe'))).toEqual({ kind: 'yes-no' });
    expect(coveredByYes(plan('safe'))).toBe(true);
    expect(coveredByYes(plan('disruptive'))).toBe(false);
    expect(coveredByYes(plan('safe', false))).toBe(false);
  });
  it('rates the plan from its calls: a plan that calls itself safe but removes a rule is disruptive and needs the typed id', () => {
    const claimed = plan('safe', true, undefined, [revoke]);
    expect(riskOf(claimed)).toBe('disruptive');
    expect(confirmationRule(claimed)).toEqual({ kind: 'word', word: 'revoke-open-ingress' });
    expect(coveredByYes(claimed)).toBe(false);
    expect(coveredByFlags(claimed, ['revoke-open-ingress'])).toBe(true);
    expect(coveredByFlags(claimed, ['other-fix'])).toBe(false);
  });
  it('treats a call missing from the table of effects as irreversible, never as safe', () => {
    const odd = plan('safe', true, undefined, [{ ...rotate(), service: 'ec2', command: 'TerminateInstances' }]);
    expect(riskOf(odd)).toBe('irreversible');
    expect(coveredByYes(odd)).toBe(false);
  });
  it('asks for "undo" to undo', () => {
    expect(confirmationRule(plan('safe', true, 'j1'))).toEqual({ kind: 'word', word: 'undo' });
    expect(coveredByFlags(plan('safe', true, 'j1'), ['revoke-open-ingress'])).toBe(false);
  });
});

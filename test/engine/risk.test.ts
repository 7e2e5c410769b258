import { describe, expect, it } from 'vitest';
import { confirmationWord } from '../../src/cli/confirm.js';
import type { Plan } from '../../src/engine/model.js';
import { confirmationRule, coveredByYes } from '../../src/engine/risk.js';
import { confirmationFor } from '../../src/wizard/services.js';

const plan = (risk: Plan['risk'], reversible = true, undoOf?: string) =>
  ({ risk, remediation: 'revoke-open-ingress', undoOf, actions: [{ reversible }] }) as unknown as Plan;

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
  it('asks for "undo" to undo', () => {
    expect(confirmationRule(plan('safe', true, 'j1'))).toEqual({ kind: 'word', word: 'undo' });
  });
});

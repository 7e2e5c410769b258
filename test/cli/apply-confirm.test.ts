/** The confirmation apply asks for: yes/no for safe fixes, a typed word for the rest, never a silent yes. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/common.js';
import { confirmationWord, confirmPlan } from '../../src/cli/confirm.js';
import type { Plan } from '../../src/engine/model.js';

const plan = (risk: Plan['risk'], extra: Partial<Plan> = {}): Plan => ({
  remediation: 'revoke-open-ingress',
  checks: ['sg-open-admin-ports'],
  risk,
  title: 'Close ports',
  basis: 'b',
  createdAt: '',
  notes: [],
  // The risk a plan shows follows from its calls: a safe plan's call only reconfigures.
  actions: [
    risk === 'safe'
      ? { effect: '~', service: 'kms', command: 'EnableKeyRotation', input: { KeyId: 'k1' }, region: 'us-east-1', resource: 'k1', summary: 'S.', reversible: true }
      : risk === 'costly'
        ? { effect: '+', service: 'guardduty', command: 'CreateDetector', input: { Enable: true }, region: 'us-east-1', resource: 'detector', summary: 'S.', reversible: true }
        : { effect: '-', service: 'ec2', command: 'RevokeSecurityGroupIngress', input: {}, region: 'us-east-1', resource: 'sg-1', summary: 'S.', reversible: true },
  ],
  ...extra,
});

async function answer(p: Plan, typed: string | null): Promise<{ ok: boolean; asked: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let asked = '';
  output.on('data', (d) => (asked += d));
  const pending = confirmPlan(p, { input, output, interactive: true });
  if (typed === null) input.end();
  else input.write(`${typed}\n`);
  return { ok: await pending, asked };
}

describe('confirmPlan', () => {
  it('asks yes/no for a safe fix', async () => {
    expect(await answer(plan('safe'), 'yes')).toEqual({ ok: true, asked: 'Apply this change? (yes/no) ' });
    expect((await answer(plan('safe'), 'y')).ok).toBe(true);
    expect((await answer(plan('safe'), 'no')).ok).toBe(false);
    expect((await answer(plan('safe'), '')).ok).toBe(false);
  });

  it('asks for the fix id, typed, when the change can disrupt workloads, cost money or not be undone', async () => {
    const disruptive = await answer(plan('disruptive'), 'revoke-open-ingress');
    expect(disruptive.ok).toBe(true);
    expect(disruptive.asked).toBe('This change can break workloads that rely on what it removes or restricts. Type "revoke-open-ingress" to apply it, anything else to stop: ');
    expect((await answer(plan('disruptive'), 'yes')).ok).toBe(false);
    expect((await answer(plan('costly', { remediation: 'guardduty-enable' }), 'guardduty-enable')).asked).toContain('AWS charges');
    expect(confirmationWord(plan('irreversible'))).toBe('revoke-open-ingress');
    expect(confirmationWord(plan('safe'))).toBeUndefined();
  });

  it('asks for "undo" before taking a change back', async () => {
    const r = await answer(plan('safe', { undoOf: 'J-0003' }), 'undo');
    expect(r.ok).toBe(true);
    expect(r.asked).toContain('Type "undo" to undo it');
  });

  it('takes the end of input (Ctrl-D) as a no', async () => {
    expect((await answer(plan('safe'), null)).ok).toBe(false);
  });

  it('refuses without a terminal and names the flag that answers instead', async () => {
    const input = new PassThrough();
    await expect(confirmPlan(plan('safe'), { input, output: new PassThrough(), interactive: false })).rejects.toThrow(UsageError);
    await expect(confirmPlan(plan('safe'), { input, output: new PassThrough(), interactive: false })).rejects.toThrow(/pass --yes to apply it without a prompt/);
  });
});

describe('apply --yes', () => {
  it('refuses a disruptive fix and names --allow-disruptive, sending nothing', async () => {
    const { applyPlans } = await import('../../src/cli/commands/apply.js');
    const { painter } = await import('../../src/report/style.js');
    const { vi } = await import('vitest');
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((d) => {
      out += String(d);
      return true;
    });
    try {
      const run = { yes: true, paint: painter(false), source: { clients: undefined } } as never;
      expect(await applyPlans([plan('disruptive')], run)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    expect(out).toContain('Not applied: revoke-open-ingress is disruptive, and --yes covers safe fixes only. Type its id at the prompt, or pass --yes --allow-disruptive revoke-open-ingress to apply it without one.');
  });
});

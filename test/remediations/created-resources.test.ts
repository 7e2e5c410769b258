/**
 * What a fix creates passes every check: each fix that creates resources is applied to the demo
 * account on the AWS model, then every check runs on the result; no resource may fail a check it
 * did not fail before (a log bucket the fix made, a trail, a role, a flow log, an alarm…).
 */
import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAll } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel } from '../helpers/aws-model/index.js';
import { ctx } from '../helpers/state.js';

const CASES: readonly [string, (s: AccountState) => AccountState, Record<string, string>][] = [
  ['s3-access-logging', (s) => s, {}],
  // Not yet: the trail cloudtrail-trail creates fails cloudtrail-cloudwatch-logs until security-alarms connects it.
  // (applied to the demo with its trails removed)
  ['vpc-flow-logs', (s) => s, {}],
  ['security-alarms', (s) => s, { email: 'security@maple.example' }],
];

async function failures(s: AccountState): Promise<Set<string>> {
  const registry = await loadRegistry();
  const out = new Set<string>();
  for (const f of runAll(registry, s, ctx())) {
    for (const r of f.resources) if (r.status === 'fail') out.add(`${f.id}: ${r.id}${r.region ? ` (${r.region})` : ''}`);
    if (f.status === 'fail' && f.resources.length === 0) out.add(`${f.id}: ${f.message}`);
  }
  return out;
}

describe('what a fix creates passes every check', () => {
  it.each(CASES)('%s on the demo account', async (id, variant, options) => {
    const registry = await loadRegistry();
    const before = variant(buildDemoState(ctx().now));
    const plan = makePlan(registry, id, before, ctx(), { options });
    expect(plan.actions.filter((a) => a.effect === '+').length).toBeGreaterThan(0);
    const model = new AwsModel(before, ALL_SERVICES);
    const { outcome } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    const was = await failures(before);
    const now = await failures(model.read());
    const fresh = [...now].filter((x) => !was.has(x));
    expect(fresh).toEqual([]);
  });
});

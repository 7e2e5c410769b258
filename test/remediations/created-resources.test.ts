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

/** The demo account with no trail in any region, so cloudtrail-trail creates its trail, log bucket, access-log bucket and key. */
const noTrails = (s: AccountState): AccountState => ({
  ...s,
  regional: Object.fromEntries(Object.entries(s.regional).map(([r, slices]) => [r, { ...slices, 'cloudtrail.trails': { ok: true as const, value: [] } }])) as AccountState['regional'],
});

/** A fix, the state it is applied to, its options, and the one failure it is known to leave for another fix. */
const CASES: readonly [string, (s: AccountState) => AccountState, Record<string, string>, string[]][] = [
  ['s3-access-logging', (s) => s, {}, []],
  // The new trail reaches CloudWatch Logs only once security-alarms connects it; its bucket, the
  // access-log bucket and the key pass every check.
  ['cloudtrail-trail', noTrails, {}, ['cloudtrail-cloudwatch-logs: arn:aws:cloudtrail:us-east-1:210987654321:trail/hipaa-wizard-trail (us-east-1)']],
  ['vpc-flow-logs', (s) => s, {}, []],
  ['security-alarms', (s) => s, { email: 'security@maple.example' }, []],
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
  it.each(CASES)('%s on the demo account', async (id, variant, options, left) => {
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
    expect(fresh).toEqual(left);
    if (id === 'cloudtrail-trail') {
      // The checks above saw what it created: the log bucket, its access-log bucket and the key.
      const after = model.read();
      const names = after.global['s3.buckets']?.ok ? after.global['s3.buckets'].value.map((b) => b.name) : [];
      expect(names).toEqual(expect.arrayContaining(['hipaa-wizard-cloudtrail-210987654321', 'hipaa-wizard-access-logs-210987654321-us-east-1']));
      const keys = after.regional['us-east-1']?.['kms.keys'];
      expect(keys?.ok && keys.value.some((k) => k.aliases.includes('alias/hipaa-wizard-cloudtrail'))).toBe(true);
    }
  });
});

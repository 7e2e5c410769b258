/**
 * cis-alarms on the stateful AWS model: the CIS benchmark's metric filters and alarms on the trail's
 * log group make the twelve CIS alarm checks pass (once the address confirms), cover only the ones
 * that fail, and undo takes them away again without touching the log group or the topic.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheckById } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';
import { CIS_ALARMS } from '../../src/rules/alarms.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { confirmAll } from '../helpers/aws-model/sns.js';
import { ctx, state } from '../helpers/state.js';
import { noAuthorization, trail } from './fixtures.js';
import { planFor } from './harness.js';

const E1 = 'us-east-1';
const regionOf = (s: AccountState) => s.regional[E1] ?? {};
const okValue = <T>(r: { ok: boolean; value?: T } | undefined): T | undefined => (r?.ok ? r.value : undefined);
const registry = await loadRegistry();
const statuses = (s: AccountState) => Object.fromEntries(CIS_ALARMS.map((a) => [a.id, runCheckById(registry, a.id, s, ctx())?.status]));

describe('cis-alarms on the model', () => {
  const initial = () =>
    state({
      global: { 'iam.authorization': noAuthorization },
      regional: { [E1]: { 'cloudtrail.trails': [trail('main')], 'logs.logGroups': [], 'kms.keys': [], 'logs.metricFilters': [], 'cloudwatch.alarms': [], 'sns.subscriptions': [] } },
    });

  it('the benchmark pattern each alarm writes is one its check accepts', () => {
    for (const a of CIS_ALARMS) expect([a.id, a.test(a.pattern)]).toEqual([a.id, true]);
  });

  it('apply makes all twelve checks pass once the address confirms; a second plan is empty; undo removes the alarms and filters and keeps the log group', async () => {
    const before = initial();
    expect(Object.values(statuses(before)).every((s) => s === 'fail')).toBe(true);
    const model = new AwsModel(before, ALL_SERVICES);
    const plan = await planFor('cis-alarms', before, { email: 'security@maple.example' });
    expect(plan.actions.filter((a) => a.command === 'PutMetricAlarm')).toHaveLength(12);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    // Until the address confirms, the alarms reach nobody: the checks still fail.
    expect(Object.values(statuses(model.read())).every((s) => s === 'fail')).toBe(true);
    model.mutate((s) => confirmAll(s));
    const after = model.read();
    expect(Object.values(statuses(after)).every((s) => s === 'pass')).toBe(true);
    expect((await planFor('cis-alarms', after, { email: 'security@maple.example' })).actions).toEqual([]);

    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    const back = model.read();
    expect(okValue(regionOf(back)['cloudwatch.alarms'])).toEqual([]);
    expect(okValue(regionOf(back)['logs.metricFilters'])).toEqual([]);
    expect(okValue(regionOf(back)['logs.logGroups'])?.map((g) => g.name)).toEqual(['/hipaa-wizard/cloudtrail']);
  });

  it('plans only the alarms whose checks fail', async () => {
    const before = initial();
    const model = new AwsModel(before, ALL_SERVICES);
    const first = await planFor('cis-alarms', before, { email: 'security@maple.example' });
    // Keep only the IAM policy alarm (and what connects the trail and the topic), apply that, confirm.
    const keep = first.actions.filter((a) => !['PutMetricFilter', 'PutMetricAlarm'].includes(a.command) || JSON.stringify(a.input).includes('cis-iam-policy-changes'));
    await applyToModel({ ...first, actions: keep }, model);
    model.mutate((s) => confirmAll(s));
    expect(statuses(model.read())['alarm-iam-policy-changes']).toBe('pass');
    const next = await planFor('cis-alarms', model.read(), { email: 'security@maple.example' });
    const alarms = next.actions.filter((a) => a.command === 'PutMetricAlarm').map((a) => a.input.AlarmName);
    expect(alarms).toHaveLength(11);
    expect(alarms).not.toContain('hipaa-wizard-cis-iam-policy-changes');
    expect(next.actions.some((a) => a.command === 'UpdateTrail' || a.command === 'Subscribe')).toBe(false);
  });
});

/**
 * emr-block-public-access on the stateful AWS model: turned on (port 22 excepted, AWS's default) in
 * the regions the check fails, its extra exceptions removed where it was on; undo writes back the
 * configuration read before, exceptions included. A tightening change: it needs the typed word.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheckById } from '../../src/engine/runner.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { ctx, state } from '../helpers/state.js';
import { planFor } from './harness.js';

const before = () =>
  state({
    regional: {
      'us-east-1': { 'analytics.emrBlockPublicAccess': { enabled: false, permittedPorts: ['22'] } },
      'us-west-2': { 'analytics.emrBlockPublicAccess': { enabled: true, permittedPorts: ['22', '8000-8010'] } },
    },
  });

describe('emr-block-public-access on the model', () => {
  it('turns it on, drops the extra exception, passes, and undo restores both regions as they were', async () => {
    const start = before();
    const plan = await planFor('emr-block-public-access', start);
    expect(plan.risk).toBe('disruptive');
    expect(plan.actions.map((a) => [a.region, a.input, a.undo?.[0]?.input])).toEqual([
      [
        'us-east-1',
        { BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22, MaxRange: 22 }] } },
        { BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: false, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22 }] } },
      ],
      [
        'us-west-2',
        { BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22, MaxRange: 22 }] } },
        { BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22 }, { MinRange: 8000, MaxRange: 8010 }] } },
      ],
    ]);
    expect(plan.actions[1]?.summary).toBe('Keep only port 22 open to public security-group rules for new EMR clusters in us-west-2 (today also 8000-8010).');

    const model = new AwsModel(start, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    expect(runCheckById(await loadRegistry(), 'emr-block-public-access', model.read(), ctx())?.status).toBe('pass');
    expect((await planFor('emr-block-public-access', model.read())).actions).toEqual([]);

    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    expect(model.read().regional).toEqual(start.regional);
  });
});

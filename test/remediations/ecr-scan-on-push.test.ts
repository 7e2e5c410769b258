/**
 * ecr-scan-on-push on the stateful AWS model: basic scan-on-push for exactly the repositories the
 * check fails in basic-scanning registries; a registry with enhanced scanning is left alone with a
 * sentence; undo turns the flag off again, field for field.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheckById } from '../../src/engine/runner.js';
import type { EcrRepository } from '../../src/state/ecr.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { ACCOUNT, ctx, state } from '../helpers/state.js';
import { planFor } from './harness.js';

const repo = (region: string, name: string, scanOnPush: boolean): EcrRepository => ({
  name,
  arn: `arn:aws:ecr:${region}:${ACCOUNT}:repository/${name}`,
  scanOnPush,
  tagMutability: 'IMMUTABLE',
});
const before = () =>
  state({
    regional: {
      'us-east-1': { 'ecr.registryScanning': { scanType: 'BASIC', rules: [] }, 'ecr.repositories': [repo('us-east-1', 'portal', false), repo('us-east-1', 'worker', true)] },
      'us-west-2': { 'ecr.registryScanning': { scanType: 'ENHANCED', rules: [] }, 'ecr.repositories': [repo('us-west-2', 'dr-portal', false)] },
    },
  });

describe('ecr-scan-on-push on the model', () => {
  it('turns scanning on for the failing repository of a basic registry only, names the enhanced one, and undo turns it off', async () => {
    const start = before();
    const plan = await planFor('ecr-scan-on-push', start);
    expect(plan.risk).toBe('safe');
    expect(plan.actions.map((a) => [a.command, a.region, a.input])).toEqual([
      ['PutImageScanningConfiguration', 'us-east-1', { repositoryName: 'portal', imageScanningConfiguration: { scanOnPush: true } }],
    ]);
    expect(plan.notes.join(' ')).toContain('Not changed: dr-portal (us-west-2), in a registry with enhanced scanning');

    const model = new AwsModel(start, ALL_SERVICES);
    const { outcome, entry } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    const registry = await loadRegistry();
    const after = runCheckById(registry, 'ecr-scan-on-push', model.read(), ctx());
    expect(after?.resources.map((r) => [r.id.split('/').pop(), r.status])).toEqual([
      ['portal', 'pass'],
      ['worker', 'pass'],
      ['dr-portal', 'fail'],
    ]);
    expect((await planFor('ecr-scan-on-push', model.read())).actions).toEqual([]);

    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    expect(model.read().regional).toEqual(start.regional);
  });
});

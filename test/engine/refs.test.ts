/**
 * Named references to what AWS returns while a plan runs ("{{name.Path}}"): the planner refuses a
 * reference to a later, missing or ambiguous action before anything is sent, the plan text shows
 * the placeholder by name, and a plan saved with the older positional "{{stepN.…}}" still resolves.
 */
import { describe, expect, it } from 'vitest';
import type { PlanAction, RemediationDef } from '../../src/engine/model.js';
import { cliEquivalent, makePlan, PlanError } from '../../src/engine/plan.js';
import { refTarget } from '../../src/engine/refs.js';
import { loadRegistry, type Registry } from '../../src/engine/registry.js';
import { ctx, state } from '../helpers/state.js';

const window = (over: Partial<PlanAction> = {}): PlanAction => ({
  ref: 'patch-window-us-east-1',
  effect: '+',
  service: 'ssm',
  command: 'CreateMaintenanceWindow',
  input: { Name: 'w', Schedule: 'cron(0 3 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false },
  region: 'us-east-1',
  resource: 'maintenance window w',
  summary: 'Create a window.',
  reversible: true,
  undo: [{ service: 'ssm', command: 'DeleteMaintenanceWindow', input: { WindowId: '{{self.WindowId}}' }, region: 'us-east-1' }],
  ...over,
});
const target = (windowId: string): PlanAction => ({
  effect: '+',
  service: 'ssm',
  command: 'RegisterTargetWithMaintenanceWindow',
  input: { WindowId: windowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: ['i-1'] }] },
  region: 'us-east-1',
  resource: 'maintenance window w',
  summary: 'Target the instance.',
  reversible: true,
  undo: [],
});

/** The real registry with one more fix, whose plan() returns `actions`. */
async function withFix(actions: PlanAction[]): Promise<Registry> {
  const real = await loadRegistry();
  const def = { id: 'test-refs', title: 'Test', fixes: [], permissions: [], plan: () => actions } as unknown as RemediationDef;
  return { ...real, remediation: (id: string) => (id === 'test-refs' ? def : real.remediation(id)) };
}
const plan = async (actions: PlanAction[]) => makePlan(await withFix(actions), 'test-refs', state({}), ctx());

describe('named references in plans', () => {
  it('accepts a reference to an earlier action by its name', async () => {
    const p = await plan([window(), target('{{patch-window-us-east-1.WindowId}}')]);
    expect(p.actions.map((a) => a.ref)).toEqual(['patch-window-us-east-1', undefined]);
  });

  it('refuses a reference to a later action, to no action, or self outside an undo, while planning', async () => {
    await expect(plan([target('{{patch-window-us-east-1.WindowId}}'), window()])).rejects.toThrow(
      new PlanError('The fix test-refs refers to {{patch-window-us-east-1.WindowId}} in action 1 (RegisterTargetWithMaintenanceWindow), which is not an earlier action of the plan.'),
    );
    await expect(plan([window(), target('{{no-such-window.WindowId}}')])).rejects.toThrow(/refers to \{\{no-such-window\.WindowId\}\} in action 2/);
    await expect(plan([window(), target('{{self.WindowId}}')])).rejects.toThrow(/refers to \{\{self\.WindowId\}\} in action 2/);
    await expect(plan([window(), target('{{step3.WindowId}}')])).rejects.toThrow(/refers to \{\{step3\.WindowId\}\} in action 2/);
  });

  it('refuses two actions of one name, and names that could be mistaken for self or a position', async () => {
    await expect(plan([window(), window()])).rejects.toThrow('The fix test-refs names two actions "patch-window-us-east-1".');
    await expect(plan([window({ ref: 'step2' })])).rejects.toThrow('The fix test-refs names action 1 "step2", which is not a usable name.');
    await expect(plan([window({ ref: 'Window' })])).rejects.toThrow(/not a usable name/);
  });

  it('shows a reference in the CLI equivalent as the value AWS will return, by name', () => {
    expect(cliEquivalent(target('{{patch-window-us-east-1.WindowId}}'))).toContain('--window-id <WindowId from the change patch-window-us-east-1>');
    expect(cliEquivalent(target('{{step1.WindowId}}'))).toContain('--window-id <WindowId from change 1>');
  });

  it('finds the action a reference names, by name or (plans saved before names) by position', () => {
    const actions = [window(), target('x')];
    expect(refTarget(actions, '{{patch-window-us-east-1.WindowId}}')).toEqual({ index: 0, path: 'WindowId', name: 'patch-window-us-east-1' });
    expect(refTarget(actions, '{{step2.WindowTargetId}}')).toEqual({ index: 1, path: 'WindowTargetId', name: 'step2' });
    expect(refTarget(actions, '{{self.WindowId}}')).toEqual({ index: -1, path: 'WindowId', name: 'self' });
    expect(refTarget(actions, 'plain text')).toBeUndefined();
  });
});

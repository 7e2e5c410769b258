/** A refused undo names the later journal entry that changed the same resource, to undo first. */
import { describe, expect, it } from 'vitest';
import { laterChangesTo, planUndo, UndoError } from '../../src/engine/apply.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, type MutableState } from '../helpers/aws-model/index.js';
import { ctx, state } from '../helpers/state.js';
import { rule, sg } from '../remediations/fixtures.js';
import { planFor } from '../remediations/harness.js';

const E1 = 'us-east-1';
const world5432 = rule({ fromPort: 5432, toPort: 5432, ipv4: ['0.0.0.0/0'] });
const world22 = rule({ ipv4: ['0.0.0.0/0'] });
// biome-ignore lint/suspicious/noExplicitAny: the model's state is plain JSON, changed in place
const groupIn = (s: MutableState, id: string): any => s.regional[E1]?.['ec2.securityGroups'].value.find((g: { id: string }) => g.id === id);

describe('undo order', () => {
  it('refuses to undo J-0001 while a later J-0002 changed the same group, naming J-0002; a later change to another group does not stand in the way', async () => {
    const initial = state({ regional: { [E1]: { 'ec2.securityGroups': [sg('sg-db', 'portal-db', [world5432]), sg('sg-admin', 'bastion', [])] } } });
    const model = new AwsModel(initial, ALL_SERVICES);
    const j1 = (await applyToModel(await planFor('revoke-open-ingress', model.read()), model, ctx(), 'J-0001')).entry;
    // Someone opens the database port again, and the fix is applied a second time; then another group is fixed.
    model.mutate((s) => {
      groupIn(s, 'sg-db').ingress = [world5432];
      groupIn(s, 'sg-admin').ingress = [world22];
    });
    const plan2 = await planFor('revoke-open-ingress', model.read());
    const j2 = (await applyToModel({ ...plan2, actions: plan2.actions.filter((a) => a.input.GroupId === 'sg-db') }, model, ctx(), 'J-0002')).entry;
    const plan3 = await planFor('revoke-open-ingress', model.read());
    const j3 = (await applyToModel(plan3, model, ctx(), 'J-0003')).entry;
    const journal = [j1, j2, j3];

    expect(laterChangesTo(journal, j1).map((b) => b.id)).toEqual(['J-0002']);
    expect(() => planUndo(j1, ctx().now, journal)).toThrow(UndoError);
    expect(() => planUndo(j1, ctx().now, journal)).toThrow(
      'J-0001 cannot be undone yet: J-0002 (revoke-open-ingress) changed sg-db (ec2.securityGroups) in us-east-1 again after it, so undoing J-0001 now would overwrite that change. Undo J-0002 first, then J-0001.',
    );
    // J-0002 and J-0003 have nothing later in their way.
    expect(planUndo(j2, ctx().now, journal).plan.actions.map((a) => a.command)).toEqual(['AuthorizeSecurityGroupIngress']);
    expect(planUndo(j3, ctx().now, journal).plan.actions.map((a) => a.input.GroupId)).toEqual(['sg-admin']);
    // Once J-0002 is undone, J-0001 is no longer blocked by it.
    const undo2 = { id: 'J-0004', kind: 'journal', body: { operation: 'undo', undoOf: 'J-0002', outcome: 'applied', actions: [], results: [] } };
    expect(laterChangesTo([...journal, undo2], j1)).toEqual([]);
  });
});

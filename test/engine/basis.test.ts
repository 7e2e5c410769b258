/**
 * The drift basis covers what a plan read to decide, and an undo's basis the fields the apply
 * changed: a field that moves on its own, a list that comes back in another order, or "" read back
 * for an emptied field does not refuse a reviewed change; a field the plan decided on does.
 */
import { describe, expect, it } from 'vitest';
import { changedFields, normalizeValue } from '../../src/engine/plan.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, type MutableState, undoOnModel } from '../helpers/aws-model/index.js';
import { state } from '../helpers/state.js';
import { rule, sg, trail } from '../remediations/fixtures.js';
import { planFor } from '../remediations/harness.js';

const E1 = 'us-east-1';
const ok = <T>(value: T) => ({ ok: true as const, value });
// biome-ignore lint/suspicious/noExplicitAny: the model's state is plain JSON, changed in place
const inE1 = (s: MutableState): Record<string, any> => s.regional[E1] ?? {};

describe('a plan’s basis', () => {
  const initial = () =>
    state({
      regional: {
        [E1]: {
          'cloudtrail.trails': [
            trail('main', {
              logFileValidation: false,
              status: ok({ logging: true, latestDeliveryTime: '2026-11-24T11:00:00Z', latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }),
            }),
          ],
        },
      },
    });

  it('still applies after a field nothing read changed on its own (the trail delivered another log file)', async () => {
    const plan = await planFor('trail-log-validation', initial());
    expect(plan.basisFields?.some((f) => f.includes('logFileValidation'))).toBe(true);
    expect(plan.basisFields?.some((f) => f.includes('latestDeliveryTime'))).toBe(false);
    const model = new AwsModel(initial(), ALL_SERVICES);
    model.mutate((s) => {
      inE1(s)['cloudtrail.trails'].value[0].status.value.latestDeliveryTime = '2026-11-24T11:58:00Z';
    });
    const { outcome } = await applyToModel(plan, model);
    expect(outcome.status).toBe('applied');
    expect(model.log.map(([, c]) => c)).toEqual(['UpdateTrail']);
  });

  it('is refused after a field the plan decided on changed (someone turned validation on meanwhile)', async () => {
    const plan = await planFor('trail-log-validation', initial());
    const model = new AwsModel(initial(), ALL_SERVICES);
    model.mutate((s) => {
      inE1(s)['cloudtrail.trails'].value[0].logFileValidation = true;
    });
    const { outcome } = await applyToModel(plan, model);
    expect(outcome.status).toBe('drifted');
    expect(outcome.message).toMatch(/the account changed since this plan was made/);
    expect(model.log).toEqual([]);
  });
});

describe('an undo’s basis', () => {
  const world22 = rule({ ipv4: ['0.0.0.0/0', '10.0.0.0/8'], ipv6: ['::/0'], descriptions: { '10.0.0.0/8': 'office VPN' } });
  const web = rule({ fromPort: 443, toPort: 443, ipv4: ['0.0.0.0/0'] });
  const ssh = rule({ fromPort: 2222, toPort: 2222, ipv4: ['10.1.0.0/16', '10.2.0.0/16'] });
  const world5432 = rule({ fromPort: 5432, toPort: 5432, ipv4: ['0.0.0.0/0'] });
  const initial = () => state({ regional: { [E1]: { 'ec2.securityGroups': [sg('sg-admin', 'bastion', [world22, web, ssh]), sg('sg-db', 'portal-db', [world5432]), sg('sg-app', 'app', [web])] } } });

  it('undoes when the rules come back in another order and a group the fix did not touch changed', async () => {
    const model = new AwsModel(initial(), ALL_SERVICES);
    const { outcome, entry } = await applyToModel(await planFor('revoke-open-ingress', initial()), model);
    expect(outcome.status).toBe('applied');
    model.mutate((s) => {
      const groups = inE1(s)['ec2.securityGroups'].value;
      const admin = groups.find((g: { id: string }) => g.id === 'sg-admin');
      admin.ingress.reverse();
      for (const r of admin.ingress) r.ipv4.reverse();
      groups.reverse();
      groups.find((g: { id: string }) => g.id === 'sg-app').tags = { team: 'web' };
    });
    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('applied');
    const admin = model.read().regional[E1]?.['ec2.securityGroups'];
    expect(admin?.ok && admin.value.find((g) => g.id === 'sg-admin')?.ingress.find((r) => r.fromPort === 22)?.ipv4.slice().sort()).toEqual(['0.0.0.0/0', '10.0.0.0/8']);
    expect(admin?.ok && admin.value.find((g) => g.id === 'sg-db')?.ingress).toEqual([world5432]);
  });

  it('is refused when a field the apply changed was changed again since', async () => {
    const model = new AwsModel(initial(), ALL_SERVICES);
    const { entry } = await applyToModel(await planFor('revoke-open-ingress', initial()), model);
    model.mutate((s) => {
      inE1(s)['ec2.securityGroups'].value.find((g: { id: string }) => g.id === 'sg-db').ingress = [rule({ fromPort: 5432, toPort: 5432, ipv4: ['10.0.0.0/8'] })];
    });
    const undo = await undoOnModel(entry, model);
    expect(undo.outcome.status).toBe('drifted');
    expect(model.log.filter(([, c]) => c.startsWith('Authorize'))).toEqual([]);
  });

  it('takes "" and absent, and [] and absent, as the same value, and lists in any order', () => {
    expect(normalizeValue({ description: '', rules: [], tags: {}, name: 'a' })).toEqual({ name: 'a' });
    expect(changedFields({ g: { a: '', b: ['x', 'y'] } }, { g: { b: ['y', 'x'] } })).toEqual([]);
    expect(changedFields({ list: [{ id: 'i-1', n: 1 }, { id: 'i-2', n: 1 }] }, { list: [{ id: 'i-2', n: 1 }, { id: 'i-1', n: 2 }] })).toEqual(['["list","[id=i-1]","n","**"]']);
  });
});

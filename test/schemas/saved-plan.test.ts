/**
 * A saved plan (plan --format json) applies only when making it again on the account gives the same
 * plan: an edited input, a lowered risk or a dropped step is refused with a sentence, before any SDK
 * call. The account is the stateful AWS model, its SDK clients mocked with aws-sdk-client-mock.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile, replanSaved } from '../../src/cli/commands/apply.js';
import { makePlan, planJson } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import type { Source } from '../../src/session/source.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel } from '../helpers/aws-model/index.js';
import { ctx, state } from '../helpers/state.js';

const before = () => state({ global: { 'iam.passwordPolicy': { minimumLength: 8, requireSymbols: false, requireNumbers: true, requireUppercase: true, requireLowercase: true, allowUsersToChangePassword: true, maxAgeDays: 0, reusePrevention: 0, hardExpiry: false }, 'iam.credentialReport': [] } });

async function setup() {
  const registry = await loadRegistry();
  const model = new AwsModel(before(), ALL_SERVICES);
  const read = model.read();
  // A live source whose reads are the model's state (no SDK call): every SDK call would land in model.log.
  const source = { mode: 'live', identity: read.identity, homeRegion: read.homeRegion, regions: read.regions, warnings: [], collect: async () => model.read(), close: () => {} } as unknown as Source;
  const plan = makePlan(registry, 'password-policy', model.read(), ctx());
  const dir = mkdtempSync(join(tmpdir(), 'hw-plan-'));
  const save = (data: unknown, name = 'plan.json') => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(data, null, 2));
    return file;
  };
  return { registry, model, source, plan, saved: JSON.parse(JSON.stringify(planJson(plan))), save };
}

/** Runs replanSaved with every SDK client mocked; returns the error sentence (or the plan) and the calls sent. */
async function replanFile(s: Awaited<ReturnType<typeof setup>>, data: unknown) {
  const file = s.save(data);
  const { restore } = await s.model.mockSdk();
  try {
    const saved = await readPlanFile(file, s.registry);
    return { plan: await replanSaved(file, saved, s.registry, s.source, ctx()), error: undefined };
  } catch (e) {
    return { plan: undefined, error: (e as Error).message.replace(file, 'plan.json') };
  } finally {
    restore();
  }
}

describe('apply --plan-file', () => {
  it('applies a saved plan that the account still gives, sending exactly its call', async () => {
    const s = await setup();
    const { plan, error } = await replanFile(s, s.saved);
    expect(error).toBeUndefined();
    expect(s.model.log).toEqual([]);
    const { outcome } = await applyToModel(plan!, s.model);
    expect(outcome.status).toBe('applied');
    expect(s.model.log.map(([, command, , input]) => [command, (input as { MinimumPasswordLength?: number }).MinimumPasswordLength])).toEqual([['UpdateAccountPasswordPolicy', 14]]);
  });

  it('refuses an edited input, naming the action and the value, with no SDK call', async () => {
    const s = await setup();
    const edited = structuredClone(s.saved);
    edited.actions[0].input.MinimumPasswordLength = 6;
    const { error } = await replanFile(s, edited);
    expect(error).toBe(
      `Nothing was applied: plan.json is not the plan hipaa-wizard makes for password-policy on this account (action 1 (UpdateAccountPasswordPolicy on ${s.plan.actions[0]!.resource}) sends MinimumPasswordLength 6 where the plan made again sends 14); it was edited after it was saved. Save it again with hipaa-wizard plan password-policy --format json, review it, and apply that file.`,
    );
    expect(s.model.log).toEqual([]);
  });

  it('refuses a lowered risk, an edited undo and a dropped step, with no SDK call', async () => {
    const s = await setup();
    const safer = { ...structuredClone(s.saved), risk: 'safe' };
    expect((await replanFile(s, safer)).error).toContain('(it says its risk is safe, but the plan made again is disruptive)');
    const actionSafe = structuredClone(s.saved);
    actionSafe.actions[0].risk = 'safe';
    expect((await replanFile(s, actionSafe)).error).toContain('has risk "safe" where the plan made again has "disruptive"');
    const undo = structuredClone(s.saved);
    undo.actions[0].undo[0].command = 'DeleteAccountPasswordPolicy';
    expect((await replanFile(s, undo)).error).toContain('has an undo that differs from the one the plan made again would journal');
    const dropped = { ...structuredClone(s.saved), actions: [] };
    expect((await replanFile(s, dropped)).error).toContain('(it has 0 actions, but the plan made again has 1)');
    expect(s.model.log).toEqual([]);
  });

  it('passes a plan made before the account changed on to apply, which refuses it as drifted', async () => {
    const s = await setup();
    s.model.mutate((st) => {
      st.global['iam.passwordPolicy'].value.minimumLength = 10;
    });
    const { plan } = await replanFile(s, s.saved);
    expect(plan?.basis).toBe(s.saved.basis);
    const { outcome } = await applyToModel(plan!, s.model);
    expect(outcome.status).toBe('drifted');
    expect(s.model.log).toEqual([]);
  });

  it('names the field of a damaged file, and a file for a fix this version does not have', async () => {
    const s = await setup();
    const damaged = structuredClone(s.saved);
    damaged.actions[0].reversible = 'yes';
    delete damaged.basis;
    expect((await replanFile(s, damaged)).error).toBe('plan.json is not a plan saved by hipaa-wizard plan --format json: basis is missing (and 1 more).');
    expect((await replanFile(s, { ...s.saved, remediation: 'make-it-so' })).error).toBe('plan.json is a plan for "make-it-so", which is not a fix this version of hipaa-wizard has.');
    expect((await replanFile(s, '{')).error).toMatch(/^plan\.json is not a plan saved by hipaa-wizard plan --format json: the file must be an object\.$/);
    expect(s.model.log).toEqual([]);
  });
});

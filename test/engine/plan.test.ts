import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/engine/model.js';
import { basisOfFields, cliEquivalent, kebabCase, makePlan, PlanError, planCounts, planJson } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { renderPlanText, renderPlansText } from '../../src/report/plan-output.js';
import { painter } from '../../src/report/style.js';
import { ctx, denied, state } from '../helpers/state.js';

const weak = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: false,
  allowUsersToChangePassword: true,
  maxAgeDays: 0,
  reusePrevention: 0,
  hardExpiry: false,
};
const plain = painter(false);

describe('makePlan', () => {
  it('stamps the plan with the fix, its checks, a basis over the slices it read, and the account', async () => {
    const registry = await loadRegistry();
    const s = state({ global: { 'iam.passwordPolicy': weak } });
    const plan = makePlan(registry, 'password-policy', s, ctx());
    expect(plan.remediation).toBe('password-policy');
    expect(plan.checks).toContain('password-policy-strength');
    expect(plan.account).toBe('111122223333');
    expect(plan.needs?.global).toContain('iam.passwordPolicy');
    // The basis covers the fields the plan read (the password policy's), not whole slices.
    expect(plan.basisFields).toContain('["global","iam.passwordPolicy","value","minimumLength"]');
    expect(plan.basis).toBe(basisOfFields(s, plan.basisFields ?? []));
    expect(plan.basis).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.createdAt).toBe(ctx().now.toISOString());
  });

  it('gives a different basis when a slice the plan read changed, and the same one when only order differs', async () => {
    const registry = await loadRegistry();
    const a = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': weak } }), ctx());
    const b = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': { ...weak, minimumLength: 9 } } }), ctx());
    const reordered = Object.fromEntries(Object.entries(weak).reverse()) as typeof weak;
    const c = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': reordered } }), ctx());
    expect(a.basis).not.toBe(b.basis);
    expect(a.basis).toBe(c.basis);
  });

  it('refuses an unknown fix, naming the fixes there are', async () => {
    const registry = await loadRegistry();
    expect(() => makePlan(registry, 'no-such-fix', state({}), ctx())).toThrow(/There is no fix called "no-such-fix"\. Fixes: .*password-policy/);
  });

  it('refuses an option the fix does not take', async () => {
    const registry = await loadRegistry();
    expect(() => makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': weak } }), ctx(), { options: { colour: 'red' } })).toThrow(
      /password-policy takes no options, but "colour" was given/,
    );
  });

  it('says which data could not be read, naming the refused action, instead of planning blind', async () => {
    const registry = await loadRegistry();
    const s = state({ global: { 'iam.passwordPolicy': denied('iam:GetAccountPasswordPolicy') } });
    expect(() => makePlan(registry, 'password-policy', s, ctx())).toThrow(PlanError);
    expect(() => makePlan(registry, 'password-policy', s, ctx())).toThrow(/iam\.passwordPolicy .*iam:GetAccountPasswordPolicy/);
  });
});

describe('cliEquivalent', () => {
  it('writes flags in kebab case, booleans as --x / --no-x, structures as JSON, and the region', () => {
    expect(
      cliEquivalent({
        service: 'iam',
        command: 'UpdateAccountPasswordPolicy',
        input: { MinimumPasswordLength: 14, RequireSymbols: true, HardExpiry: false },
        region: 'us-east-1',
      }),
    ).toBe('aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --no-hard-expiry --region us-east-1');
    expect(
      cliEquivalent({
        service: 's3',
        command: 'PutPublicAccessBlock',
        input: { Bucket: 'clinic phi', PublicAccessBlockConfiguration: { BlockPublicAcls: true } },
        region: 'us-west-2',
      }),
    ).toBe(`aws s3api put-public-access-block --bucket 'clinic phi' --public-access-block-configuration '{"BlockPublicAcls":true}' --region us-west-2`);
  });

  it('splits acronyms the way the AWS CLI does', () => {
    expect(kebabCase('SSESpecification')).toBe('sse-specification');
    expect(kebabCase('KMSMasterKeyID')).toBe('kms-master-key-id');
    expect(kebabCase('EnableEbsEncryptionByDefault')).toBe('enable-ebs-encryption-by-default');
  });
});

describe('the dry-run text', () => {
  it('shows each action with its effect, resource, region, CLI line and undo, and the count line', async () => {
    const registry = await loadRegistry();
    const plan = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': weak } }), ctx());
    const text = renderPlanText(plan, plain);
    expect(text).toContain('~ account 111122223333 password policy (us-east-1)');
    expect(text).toContain('aws iam update-account-password-policy --minimum-password-length 14');
    expect(text).toContain('undo: aws iam update-account-password-policy --minimum-password-length 8');
    expect(text.trim().split('\n').at(-1)).toBe('Plan: 0 to add, 1 to change, 0 to remove.');
  });

  it('says plainly when there is nothing to do', async () => {
    const registry = await loadRegistry();
    const strong = { ...weak, minimumLength: 14, requireSymbols: true, maxAgeDays: 90, reusePrevention: 24 };
    const plan = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': strong } }), ctx());
    expect(plan.actions).toEqual([]);
    expect(renderPlanText(plan, plain)).toContain('Nothing to do');
    expect(renderPlanText(plan, plain)).toContain('Plan: 0 to add, 0 to change, 0 to remove.');
  });

  it('counts every plan together and says when a change cannot be undone', () => {
    const base: Plan = { remediation: 'x', checks: ['y'], risk: 'disruptive', title: 'T', basis: 'b', createdAt: '', notes: ['It costs money.'], actions: [] };
    const add = { service: 'ec2', command: 'A', input: {}, region: 'r', resource: 'res', summary: 'S.', reversible: true, undo: [] };
    const p1: Plan = { ...base, actions: [{ ...add, effect: '+' }, { ...add, effect: '-', reversible: false, irreversibleBecause: 'the key is gone for good' }] };
    const p2: Plan = { ...base, actions: [{ ...add, effect: '~' }] };
    expect(planCounts([p1, p2])).toEqual({ add: 1, change: 1, remove: 1 });
    const text = renderPlansText([p1, p2], plain);
    expect(text).toContain('cannot be undone: the key is gone for good.');
    expect(text).toContain('Before you apply:\n  - It costs money.');
    expect(text.match(/^Plan: /gm)).toHaveLength(1);
    expect(text).toContain('Plan: 1 to add, 1 to change, 1 to remove.');
  });

  it('as JSON carries the actions with their CLI lines and the counts', async () => {
    const registry = await loadRegistry();
    const plan = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': weak } }), ctx());
    const data = JSON.parse(JSON.stringify(planJson(plan)));
    expect(data.counts).toEqual({ add: 0, change: 1, remove: 0 });
    expect(data.actions[0].command).toBe('UpdateAccountPasswordPolicy');
    expect(data.actions[0].cli).toMatch(/^aws iam update-account-password-policy /);
    expect(data.basis).toBe(plan.basis);
  });
});

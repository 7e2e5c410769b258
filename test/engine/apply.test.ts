import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2Client, EnableEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GetAccountPasswordPolicyCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';
import { type ApplyDeps, applyPlan, undoEntry } from '../../src/engine/apply.js';
import type { Plan } from '../../src/engine/model.js';
import { basisOf, makePlan, slicesOf } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { registerJournal } from '../../src/records/journal-port.js';
import { appendRecord, currentUser, fieldsOf, readRecords } from '../../src/records/store.js';
import { liveSource } from '../helpers/live-source.js';
import { ctx, state } from '../helpers/state.js';

const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);
const identity = { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/tester', partition: 'aws' };
const weakAws = {
  MinimumPasswordLength: 8,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  RequireNumbers: true,
  RequireSymbols: false,
  AllowUsersToChangePassword: true,
  ExpirePasswords: false,
  HardExpiry: false,
};
const strongAws = { ...weakAws, MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, ExpirePasswords: true };

let dir: string;
let clients: ClientFactory;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-apply-'));
  clients = new ClientFactory({ maxAttempts: 1 });
  process.env.HIPAA_WIZARD_USER = 'dana';
});
afterEach(async () => {
  iam.reset();
  ec2.reset();
  clients.destroy();
  await rm(dir, { recursive: true, force: true });
});

const source = () => liveSource(clients, identity, ['us-east-1']);

/** Reads the account the way a scan does (real collectors, mocked SDK) and plans the fix. */
async function livePlan(): Promise<Plan> {
  const registry = await loadRegistry();
  const collection = new Collection({ clients, identity, homeRegion: 'us-east-1', regions: ['us-east-1'] });
  await collection.collect({ global: ['iam.passwordPolicy'] });
  return makePlan(registry, 'password-policy', collection.state(), ctx());
}

async function deps(extra: Partial<ApplyDeps> = {}): Promise<ApplyDeps> {
  return { ...registerJournal, by: currentUser(), clients, source: source(), registry: await loadRegistry(), ctx: ctx(), recordsDir: dir, ...extra };
}

describe('applyPlan', () => {
  it('re-reads the account, sends exactly the planned call, journals it and re-checks the fixed checks', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolvesOnce({ PasswordPolicy: weakAws }).resolvesOnce({ PasswordPolicy: weakAws }).resolves({ PasswordPolicy: strongAws });
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    const plan = await livePlan();
    const outcome = await applyPlan(plan, await deps());

    expect(outcome.status).toBe('applied');
    const sent = iam.commandCalls(UpdateAccountPasswordPolicyCommand).map((c) => c.args[0].input);
    expect(sent).toEqual([plan.actions[0]?.input]);
    expect(sent[0]).toMatchObject({ MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 });
    expect(outcome.verification).toEqual([
      expect.objectContaining({ check: 'password-policy-strength', status: 'pass' }),
      expect.objectContaining({ check: 'password-policy-rotation', status: 'pass' }),
    ]);
    expect(outcome.message).toMatch(/Applied password-policy: 1 change made\. Re-checked on a fresh read: password-policy-strength, password-policy-rotation now pass\. Journal entry J-0001\./);

    const { entries } = await readRecords(dir);
    expect(entries).toHaveLength(1);
    // biome-ignore lint/suspicious/noExplicitAny: the journal body is free-form JSON, read here by path
    const body = entries[0]?.body as Record<string, any>;
    expect(entries[0]?.kind).toBe('journal');
    expect(entries[0]?.by).toBe('dana');
    expect(body.awsIdentity).toBe(identity.arn);
    expect(body.outcome).toBe('applied');
    expect(body.results).toEqual([{ index: 0, status: 'done' }]);
    expect(body.stateBefore.global['iam.passwordPolicy'].value.minimumLength).toBe(8);
    expect(body.stateAfter.global['iam.passwordPolicy'].value.minimumLength).toBe(14);
    expect(body.verification).toHaveLength(2);
  });

  it('refuses, sending nothing, when the account changed after the plan was made', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolvesOnce({ PasswordPolicy: weakAws }).resolves({ PasswordPolicy: { ...weakAws, MinimumPasswordLength: 10 } });
    const plan = await livePlan();
    const outcome = await applyPlan(plan, await deps());
    expect(outcome.status).toBe('drifted');
    expect(outcome.message).toMatch(/Nothing was applied: the account changed since this plan was made/);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
    expect((await readRecords(dir)).entries).toHaveLength(0);
  });

  it('reports a refused call with what changed and what did not, and journals the failure', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: weakAws });
    iam.on(UpdateAccountPasswordPolicyCommand).rejects(
      Object.assign(new Error('User: arn:aws:iam::111122223333:user/tester is not authorized to perform: iam:UpdateAccountPasswordPolicy'), {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const plan = await livePlan();
    const outcome = await applyPlan(plan, await deps());
    expect(outcome.status).toBe('failed');
    expect(outcome.changed).toHaveLength(0);
    expect(outcome.unchanged).toHaveLength(1);
    expect(outcome.message).toMatch(/^Stopped at change 1 of 1 \(UpdateAccountPasswordPolicy on account 111122223333 password policy in us-east-1\): AccessDenied: .*0 changes were made before it and 1 was not\./);
    expect(outcome.verification.find((v) => v.check === 'password-policy-strength')?.status).toBe('fail');
    const { entries } = await readRecords(dir);
    expect(entries[0] && fieldsOf(entries[0]).outcome).toBe('failed');
  });

  it('never applies to the demo account or a snapshot', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: weakAws });
    const plan = await livePlan();
    const outcome = await applyPlan(plan, await deps({ source: { ...source(), mode: 'demo' } }));
    expect(outcome.status).toBe('refused');
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
  });

  it('refuses a plan whose call AWS would not take (edited by hand), whole and before any call, naming the member', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: weakAws });
    const plan = await livePlan();
    const [first, ...rest] = plan.actions;
    const edited = { ...plan, actions: [{ ...first, input: { ...first?.input, MinimumPasswordLength: '14', RequireSymbol: true } }, ...rest] } as Plan;
    const outcome = await applyPlan(edited, await deps());
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toBe(
      "Nothing was applied: change 1 (iam UpdateAccountPasswordPolicy) is not what AWS's API takes: MinimumPasswordLength must be a number, not \"14\"; RequireSymbol is not a member of UpdateAccountPasswordPolicyRequest.",
    );
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
    expect((await readRecords(dir)).entries).toHaveLength(0);
  });

  it('refuses a plan made for another account', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: weakAws });
    const plan = { ...(await livePlan()), account: '999999999999' };
    const outcome = await applyPlan(plan, await deps());
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/made for account 999999999999, but the credentials are for account 111122223333/);
  });

  it('stops between calls when interrupted: the call in flight finishes, the rest are not sent, all is journaled', async () => {
    const controller = new AbortController();
    ec2.on(EnableEbsEncryptionByDefaultCommand).callsFake(async () => {
      controller.abort();
      return { EbsEncryptionByDefault: true };
    });
    const s = state({ regional: { 'us-east-1': {}, 'us-west-2': {} } });
    const needs = { global: [], regional: [] };
    const action = { effect: '~' as const, service: 'ec2', command: 'EnableEbsEncryptionByDefault', input: {}, resource: 'EBS default encryption', summary: 'Encrypt new volumes.', reversible: true };
    const plan: Plan = {
      remediation: 'password-policy',
      checks: [],
      risk: 'safe',
      title: 'Two regions',
      actions: [
        { ...action, region: 'us-east-1' },
        { ...action, region: 'us-west-2' },
      ],
      basis: basisOf(slicesOf(s, needs)),
      createdAt: '',
      notes: [],
      needs,
      regions: s.regions,
    };
    const outcome = await applyPlan(plan, await deps({ signal: controller.signal, source: { ...source(), regions: s.regions }, collect: async () => s }));
    expect(outcome.status).toBe('interrupted');
    expect(ec2.commandCalls(EnableEbsEncryptionByDefaultCommand)).toHaveLength(1);
    expect(outcome.results.map((r) => r.status)).toEqual(['done', 'not-run']);
    expect(outcome.message).toBe('Interrupted: 1 of 2 changes were made and the other 1 were not. Journal entry J-0001.');
    expect(fieldsOf((await readRecords(dir)).entries[0]!).outcome).toBe('interrupted');
  });

  it('says so when the journal cannot be written, and keeps the outcome of the change', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolvesOnce({ PasswordPolicy: weakAws }).resolvesOnce({ PasswordPolicy: weakAws }).resolves({ PasswordPolicy: strongAws });
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    const outcome = await applyPlan(
      await livePlan(),
      await deps({
        journal: async () => {
          throw new Error('the records folder is read-only');
        },
      }),
    );
    expect(outcome.status).toBe('applied');
    expect(outcome.journalEntry).toBeUndefined();
    expect(outcome.message).toMatch(/The journal could not be written \(the records folder is read-only\); keep this output as the record of the change\.$/);
  });

  it('refuses before any change when the records folder fails verification, so no change goes unjournaled', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: weakAws });
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    await appendRecord(dir, 'vendor', { id: 'V-acme', name: 'Acme Billing', services: 'claims', phiKinds: 'claims' }, 'dana');
    const register = join(dir, 'register.jsonl');
    await writeFile(register, (await readFile(register, 'utf8')).replace('Acme Billing', 'Acme Biling'));
    const outcome = await applyPlan(await livePlan(), await deps());
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/^Nothing was applied: the journal entry this change needs could not be written\. .*fails verification/);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
  });

  it('plans nothing the second time, and an empty plan sends nothing', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: strongAws });
    const again = await livePlan();
    expect(again.actions).toEqual([]);
    const outcome = await applyPlan(again, await deps());
    expect(outcome.status).toBe('nothing-to-do');
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
  });
});

describe('undoEntry', () => {
  it('plans the inverse from the journal and, once confirmed, writes the old policy back', async () => {
    // The account reads weak (plan), weak (drift check), strong (re-check), strong (undo's drift check), then weak again.
    const reads = [weakAws, weakAws, strongAws, strongAws, weakAws];
    iam.on(GetAccountPasswordPolicyCommand).callsFake(async () => ({ PasswordPolicy: reads.length > 1 ? reads.shift() : reads[0] }));
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    await applyPlan(await livePlan(), await deps());
    const { entries } = await readRecords(dir);
    let asked = '';
    const result = await undoEntry('J-0001', {
      ...(await deps()),
      entries,
      confirm: async (u) => {
        asked = u.plan.title;
        return true;
      },
    });
    expect(asked).toBe('Undo: Set a strong IAM password policy');
    expect(result.outcome?.status).toBe('applied');
    const sent = iam.commandCalls(UpdateAccountPasswordPolicyCommand).map((c) => c.args[0].input);
    expect(sent[1]).toMatchObject({ MinimumPasswordLength: 8, RequireSymbols: false, AllowUsersToChangePassword: true });
    expect(sent[1]).not.toHaveProperty('MaxPasswordAge');
    expect(result.outcome?.verification.find((v) => v.check === 'password-policy-strength')?.status).toBe('fail');
    const after = await readRecords(dir);
    expect(after.entries.map((e) => [e.id, (e.body as Record<string, unknown>).operation, (e.body as Record<string, unknown>).undoOf])).toEqual([
      ['J-0001', 'apply', undefined],
      ['J-0002', 'undo', 'J-0001'],
    ]);
  });

  it('sends nothing when the person does not confirm', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolvesOnce({ PasswordPolicy: weakAws }).resolvesOnce({ PasswordPolicy: weakAws }).resolves({ PasswordPolicy: strongAws });
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    await applyPlan(await livePlan(), await deps());
    const { entries } = await readRecords(dir);
    const result = await undoEntry('J-0001', { ...(await deps()), entries, confirm: async () => false });
    expect(result.outcome).toBeUndefined();
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(1);
  });

  it('says there is no such entry, naming the latest', async () => {
    await expect(undoEntry('J-0042', { ...(await deps()), entries: [{ id: 'J-0001', kind: 'journal', body: {} }], confirm: async () => true })).rejects.toThrow(
      'There is no journal entry "J-0042". The latest is J-0001.',
    );
  });
});

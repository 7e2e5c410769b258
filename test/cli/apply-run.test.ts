/**
 * `apply all`'s loop: plans are applied one after another, and each plan after a change is made
 * again on a fresh read, so a fix that changed the account does not make the next plan drift.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessAnalyzerClient, CreateAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { GetAccountPasswordPolicyCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { applyPlans, freshPlanner } from '../../src/cli/commands/apply.js';
import { painter } from '../../src/report/style.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import type { Source } from '../../src/session/source.js';
import { ctx, state } from '../helpers/state.js';

const iam = mockClient(IAMClient);
const aa = mockClient(AccessAnalyzerClient);
const weak = { MinimumPasswordLength: 8, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: false, AllowUsersToChangePassword: true, HardExpiry: false };
const strong = { ...weak, MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 };
const analyzer = { name: 'hipaa-wizard-external-access', arn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/x', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date(), tags: {} };

let dir: string;
let clients: ClientFactory;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-apply-run-'));
  clients = new ClientFactory({ maxAttempts: 1 });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  iam.reset();
  aa.reset();
  clients.destroy();
  await rm(dir, { recursive: true, force: true });
});

describe('applyPlans', () => {
  it('makes each later plan again on a fresh read before applying it', async () => {
    const registry = await loadRegistry();
    const policies = [weak, strong];
    iam.on(GetAccountPasswordPolicyCommand).callsFake(async () => ({ PasswordPolicy: policies.length > 1 ? policies.shift() : policies[0] }));
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    const lists = [[], [], [analyzer]];
    aa.on(ListAnalyzersCommand).callsFake(async () => ({ analyzers: lists.length > 1 ? lists.shift() : lists[0] }));
    aa.on(CreateAnalyzerCommand).resolves({ arn: analyzer.arn });

    const identity = { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/tester', partition: 'aws' };
    const source = { mode: 'live', identity, homeRegion: 'us-east-1', regions: ['us-east-1'], warnings: [], clients, collect: async () => state({}), close: () => {} } as Source;
    const c = ctx();
    const first = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false, allowUsersToChangePassword: true, maxAgeDays: 0, reusePrevention: 0, hardExpiry: false } } }), c);
    // Made before the run, on what turns out to be a different reading of the account.
    const stale = { ...makePlan(registry, 'access-analyzer', state({ regional: { 'us-east-1': { 'accessanalyzer.analyzers': [] } } }), c), basis: 'f'.repeat(64) };
    const fresh = freshPlanner(registry, source, c);
    const replan = vi.fn(fresh);

    const outcomes = await applyPlans([first, stale], { registry, source, ctx: c, recordsDir: dir, yes: true, paint: painter(false), replan });

    expect(replan).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => [o.plan.remediation, o.status])).toEqual([
      ['password-policy', 'applied'],
      ['access-analyzer', 'applied'],
    ]);
    expect(aa.commandCalls(CreateAnalyzerCommand).map((x) => x.args[0].input)).toEqual([{ analyzerName: 'hipaa-wizard-external-access', type: 'ACCOUNT' }]);
  });
});

/**
 * `apply all`'s loop: plans are applied one after another, and each plan after a change is made
 * again on a fresh read, so a fix that changed the account does not make the next plan drift.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessAnalyzerClient, CreateAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { GetAccountPasswordPolicyCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { PutBucketPolicyCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { applyPlans, applyPlansWithSummary, freshPlanner, summaryTable } from '../../src/cli/commands/apply.js';
import type { Plan, PlanAction } from '../../src/engine/model.js';
import { basisOf, makePlan, slicesOf } from '../../src/engine/plan.js';
import { painter } from '../../src/report/style.js';
import { loadRegistry } from '../../src/engine/registry.js';
import type { Source } from '../../src/session/source.js';
import { liveSource } from '../helpers/live-source.js';
import { ctx, state } from '../helpers/state.js';

const iam = mockClient(IAMClient);
const aa = mockClient(AccessAnalyzerClient);
const s3 = mockClient(S3Client);
const kms = mockClient(KMSClient);
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
  s3.reset();
  kms.reset();
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
    const source = { ...liveSource(clients, identity, ['us-east-1']), warnings: [], collect: async () => state({}), partialProblem: () => undefined, close: () => {} } as Source;
    const c = ctx();
    const first = makePlan(registry, 'password-policy', state({ global: { 'iam.passwordPolicy': { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false, allowUsersToChangePassword: true, maxAgeDays: 0, reusePrevention: 0, hardExpiry: false } } }), c);
    // Made before the run, on what turns out to be a different reading of the account.
    const stale = { ...makePlan(registry, 'access-analyzer', state({ regional: { 'us-east-1': { 'accessanalyzer.analyzers': [] } } }), c), basis: 'f'.repeat(64) };
    const fresh = freshPlanner(registry, source, c);
    const replan = vi.fn(fresh);

    // A stronger password policy restricts users, so --yes needs it named (src/engine/effects.ts).
    const outcomes = await applyPlans([first, stale], { registry, source, ctx: c, recordsDir: dir, yes: true, allowDisruptive: ['password-policy'], paint: painter(false), replan });

    expect(replan).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => [o.plan.remediation, o.status])).toEqual([
      ['password-policy', 'applied'],
      ['access-analyzer', 'applied'],
    ]);
    expect(aa.commandCalls(CreateAnalyzerCommand).map((x) => x.args[0].input)).toEqual([{ analyzerName: 'hipaa-wizard-external-access', type: 'ACCOUNT' }]);
  });
});

describe('applyPlansWithSummary', () => {
  const identity = { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/tester', partition: 'aws' };
  const none = { global: [], regional: [] };
  const handMade = (remediation: string, actions: PlanAction[]): Plan => ({
    remediation,
    checks: [],
    risk: 'safe',
    title: remediation,
    actions,
    basis: basisOf(slicesOf(state({}), none, ['us-east-1'])),
    createdAt: '2026-11-24T12:00:00.000Z',
    notes: [],
    needs: none,
    regions: ['us-east-1'],
    account: '111122223333',
  });
  const onBucket = (command: string, input: Record<string, unknown>): PlanAction => ({
    effect: '~',
    service: 's3',
    command,
    input: { Bucket: 'claims', ...input },
    region: 'us-east-1',
    resource: 'bucket claims',
    summary: `${command} on claims.`,
    reversible: true,
    undo: [],
  });

  it('does not attempt a fix that changes what a failed fix was changing, says why, and goes on with the rest', async () => {
    const registry = await loadRegistry();
    s3.on(PutBucketVersioningCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    s3.on(PutBucketPolicyCommand).resolves({});
    kms.on(EnableKeyRotationCommand).resolves({});
    const source = { mode: 'live', identity, homeRegion: 'us-east-1', regions: ['us-east-1'], warnings: [], clients, collect: async () => state({}), readFresh: async () => state({}), partialProblem: () => undefined, close: () => {} } as Source;
    const plans = [
      handMade('s3-versioning', [onBucket('PutBucketVersioning', { VersioningConfiguration: { Status: 'Enabled' } })]),
      handMade('s3-deny-non-tls', [onBucket('PutBucketPolicy', { Policy: JSON.stringify({ Statement: [{ Sid: 'A', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' }] }) })]),
      handMade('kms-rotation', [{ effect: '~', service: 'kms', command: 'EnableKeyRotation', input: { KeyId: 'k1' }, region: 'us-east-1', resource: 'KMS key k1', summary: 'Rotate k1.', reversible: true, undo: [] }]),
    ];
    const { outcomes, rows } = await applyPlansWithSummary(plans, { registry, source, ctx: ctx(), recordsDir: dir, yes: true, paint: painter(false) });

    expect(outcomes.map((o) => [o.plan.remediation, o.status])).toEqual([
      ['s3-versioning', 'failed'],
      ['kms-rotation', 'applied'],
    ]);
    expect(s3.commandCalls(PutBucketPolicyCommand)).toHaveLength(0);
    expect(rows).toEqual([
      { fix: 's3-versioning', result: 'failed', why: 'PutBucketVersioning on bucket claims (us-east-1) failed: AccessDenied: Access Denied.' },
      { fix: 's3-deny-non-tls', result: 'not attempted', why: 'It depends on s3-versioning, which failed: both change bucket claims (us-east-1), now left half-changed by that failure.' },
      { fix: 'kms-rotation', result: 'applied', why: 'Re-checked: passes.' },
    ]);
    expect(summaryTable(rows, painter(false)).split('\n').slice(0, 3)).toEqual([
      'Summary: 1 applied, 1 failed, 1 not attempted.',
      '  fix              result         why',
      '  s3-versioning    failed         PutBucketVersioning on bucket claims (us-east-1) failed: AccessDenied: Access Denied.',
    ]);
  });
});

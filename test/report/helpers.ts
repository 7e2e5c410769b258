/**
 * The demo account at a pinned clock, with a records folder an auditor would meet: a decision that
 * covers a failure, one that lapsed, one far in the future, an attestation about to lapse, vendors
 * (one BAA expiring soon, one missing, one whose name tries to inject markup), and journal entries
 * shaped exactly as apply writes them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { buildDemoState } from '../../src/demo/account.js';
import { DEFAULT_SETTINGS, type AttestationAnswer, type Decision, type Vendor } from '../../src/engine/model.js';
import { catalogWithRisks } from '../../src/engine/plan.js';
import { loadRegistry, type Registry } from '../../src/engine/registry.js';
import { runAll } from '../../src/engine/runner.js';
import type { RecordEntry } from '../../src/records/store.js';
import { buildRecordsView, type FullRecordsView } from '../../src/records/view.js';
import { recordsForReport } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/model.js';
import { ROOT } from '../helpers/built-cli.js';

export const NOW = new Date('2026-11-24T12:00:00Z');
export const EVIL = '<script>alert("x")</script> | *Billing* & [co](http://evil.example)';

export const decisions: Decision[] = [
  {
    id: 'D-0001',
    subject: 'password-policy-strength',
    status: 'alternative',
    reason: 'Console sign-in goes through the clinic identity provider, which enforces 16-character passphrases.',
    alternative: 'IAM Identity Center with the clinic IdP; IAM users keep no console passwords.',
    decidedBy: 'Dana Okafor',
    approvedBy: 'Dr. Ruth Alvarez',
    decidedAt: '2026-01-10T09:00:00.000Z',
    reviewBy: '2026-12-20',
  },
  {
    id: 'D-0002',
    subject: 'access-key-age',
    status: 'risk-accepted',
    reason: 'The billing integration cannot rotate its key until the vendor ships version 5.',
    decidedBy: 'Marcus Lee',
    approvedBy: 'Dr. Ruth Alvarez',
    decidedAt: '2026-05-01T09:00:00.000Z',
    reviewBy: '2026-11-01',
  },
  {
    id: 'D-0003',
    subject: '164.312(a)(2)(iii)',
    status: 'not-applicable',
    reason: 'No workstation in the account can reach ePHI interactively; every session is an SSO session of at most 8 hours.',
    decidedBy: 'Dana Okafor',
    decidedAt: '2026-06-01T09:00:00.000Z',
    reviewBy: '2027-06-01',
  },
];

export const vendors: Vendor[] = [
  {
    id: 'northwind-labs',
    name: 'Northwind Labs',
    services: 'lab results interface',
    phiKinds: 'lab results',
    baaSignedOn: '2024-01-05',
    baaExpiresOn: '2027-01-05',
    baaLocation: 'contracts/northwind-baa.pdf',
    recordedBy: 'Dana Okafor',
    recordedAt: '2026-02-01T10:00:00.000Z',
  },
  {
    id: 'evil',
    name: EVIL,
    services: 'claims | billing',
    phiKinds: 'claims',
    recordedBy: 'Marcus Lee',
    recordedAt: '2026-03-01T10:00:00.000Z',
  },
];

/** An answer to the first attestation the registry knows, given so that it lapses in about 20 days. */
export function attestations(registry: Registry): AttestationAnswer[] {
  const def = registry.attestations[0];
  if (!def) return [];
  const attestedAt = new Date(NOW.getTime() - (def.validForDays - 20) * 86_400_000).toISOString();
  return [
    {
      id: 'A-0004',
      attestation: def.id,
      answer: 'yes',
      fields: { notes: 'Reviewed with the practice manager.' },
      attestedBy: 'Dr. Ruth Alvarez',
      attestedAt,
    },
  ];
}

const entry = (seq: number, at: string, by: string, body: Record<string, unknown>): RecordEntry => ({
  v: 1,
  seq,
  id: `J-${String(seq).padStart(4, '0')}`,
  kind: 'journal',
  at,
  by,
  body,
  prev: '0'.repeat(64),
  hash: String(seq).repeat(64).slice(0, 64),
});

/** Two journal entries as applyPlan writes them (journalBody): a partial apply, then its undo. */
export const journal: RecordEntry[] = [
  entry(5, '2026-11-20T15:04:00.000Z', 'dana.okafor', {
    operation: 'apply',
    remediation: 'password-policy',
    title: 'Set a strong IAM password policy',
    risk: 'safe',
    checks: ['password-policy-strength'],
    outcome: 'failed',
    by: 'dana.okafor',
    startedAt: '2026-11-20T15:03:58.000Z',
    finishedAt: '2026-11-20T15:04:00.000Z',
    actions: [
      { effect: '~', service: 'iam', command: 'UpdateAccountPasswordPolicy', input: {}, region: 'us-east-1', resource: 'account', summary: 'Require 14-character passwords', reversible: true },
      { effect: '+', service: 'iam', command: 'CreateGroup', input: {}, region: 'us-east-1', resource: 'group/mfa', summary: 'Create the MFA group', reversible: true },
      { effect: '+', service: 'iam', command: 'AttachGroupPolicy', input: {}, region: 'us-east-1', resource: 'group/mfa', summary: 'Attach the MFA policy', reversible: true },
    ],
    results: [
      { index: 0, status: 'done' },
      { index: 1, status: 'failed', error: { name: 'AccessDenied', message: 'iam:CreateGroup was denied' } },
      { index: 2, status: 'not-run' },
    ],
    verification: [{ check: 'password-policy-strength', status: 'pass', message: 'The policy is strong.' }],
  }),
  entry(6, '2026-11-21T09:00:00.000Z', 'marcus.lee', {
    operation: 'undo',
    undoOf: 'J-0005',
    remediation: 'password-policy',
    title: 'Undo: Set a strong IAM password policy',
    outcome: 'applied',
    actions: [{ effect: '~', service: 'iam', command: 'UpdateAccountPasswordPolicy', input: {}, region: 'us-east-1', resource: 'account', summary: 'Restore the previous password policy', reversible: false }],
    results: [{ index: 0, status: 'done' }],
    verification: [{ check: 'password-policy-strength', status: 'fail', message: 'Weak again.' }],
  }),
];

export async function demoRecordsView(): Promise<FullRecordsView> {
  const registry = await loadRegistry();
  return buildRecordsView(journal, { decisions, attestations: attestations(registry), vendors });
}

/** The demo account, its findings under these records, and everything the report needs. */
export async function demoInput(overrides: Partial<ReportInput> = {}): Promise<ReportInput> {
  const registry = await loadRegistry();
  const records = await demoRecordsView();
  const state = buildDemoState(NOW);
  const ctx = { now: NOW, settings: DEFAULT_SETTINGS, records };
  return {
    mode: 'demo',
    state,
    steps: registry.steps,
    findings: runAll(registry, state, ctx),
    records: recordsForReport(records, 'hipaa-records'),
    catalog: catalogWithRisks(registry, state, ctx),
    settings: DEFAULT_SETTINGS,
    now: NOW,
    dueWithinDays: 60,
    ...overrides,
  };
}

export const reportSchema = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Record<string, unknown>;

/** A validator for schema/report.schema.json; strict, so a loose or unknown keyword in the schema itself fails too. */
export function reportValidator(): ValidateFunction {
  return new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(reportSchema);
}

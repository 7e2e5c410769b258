/**
 * Recording decisions, attestation answers and vendors: validate (validate.ts), then append to the
 * register (store.ts). Each returns the entry as written and the record as the runner will read it.
 */
import type { AttestationAnswer, Decision, Vendor } from '../engine/model.js';
import { RecordsError } from './errors.js';
import { appendRecord, currentUser, type RecordEntry } from './store.js';
import {
  type AttestationInput,
  type DecisionInput,
  rebaseEvidence,
  type SubjectRegistry,
  validateAttestation,
  validateDecision,
  validateVendor,
  type VendorInput,
} from './validate.js';
import { attestationOf, decisionOf, loadRecordsView, vendorOf } from './view.js';

export interface RecordOptions {
  /** Who is recording (default: HIPAA_WIZARD_USER or the OS user). */
  readonly by?: string;
  /** The clock (default: now). */
  readonly now?: Date;
  /** Check and attestation ids are validated against it (default: the built-in registry). */
  readonly registry?: SubjectRegistry;
}

async function registryOf(options: RecordOptions): Promise<SubjectRegistry> {
  if (options.registry) return options.registry;
  const { loadRegistry } = await import('../engine/registry.js');
  return loadRegistry();
}

export async function recordDecision(dir: string, input: DecisionInput, options: RecordOptions = {}): Promise<{ entry: RecordEntry; decision: Decision }> {
  const by = options.by ?? currentUser();
  const now = options.now ?? new Date();
  const body = await validateDecision(input, await registryOf(options), by, now);
  const entry = await appendRecord(dir, 'decision', { ...body, evidence: rebaseEvidence(body.evidence, dir) }, by, { now });
  return { entry, decision: decisionOf(entry) };
}

export async function recordAttestation(dir: string, input: AttestationInput, options: RecordOptions = {}): Promise<{ entry: RecordEntry; answer: AttestationAnswer }> {
  const by = options.by ?? currentUser();
  const now = options.now ?? new Date();
  const body = await validateAttestation(input, await registryOf(options), by, now);
  const entry = await appendRecord(dir, 'attestation', { ...body, evidence: rebaseEvidence(body.evidence, dir) }, by, { now });
  return { entry, answer: attestationOf(entry) };
}

/** Adds a vendor to the inventory, or records a change to one (same id: the later entry wins). */
export async function recordVendor(dir: string, input: VendorInput, options: RecordOptions = {}): Promise<{ entry: RecordEntry; vendor: Vendor }> {
  const by = options.by ?? currentUser();
  const body = validateVendor(input);
  const entry = await appendRecord(dir, 'vendor', body, by, { now: options.now });
  return { entry, vendor: vendorOf(entry) };
}

/** Takes a vendor out of the current inventory; its history stays in the register. */
export async function retireVendor(dir: string, id: string, options: RecordOptions = {}): Promise<{ entry: RecordEntry; vendor: Vendor }> {
  const current = (await loadRecordsView(dir)).vendors().find((v) => v.id === id);
  if (!current) throw new RecordsError(`There is no current vendor "${id}" in ${dir}; "hipaa-wizard vendor list" shows the inventory.`);
  const { recordedBy: _by, recordedAt: _at, ...rest } = current;
  const entry = await appendRecord(dir, 'vendor', { ...rest, retired: true }, options.by ?? currentUser(), { now: options.now });
  return { entry, vendor: vendorOf(entry) };
}

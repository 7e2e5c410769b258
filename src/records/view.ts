/**
 * The records folder as the runner sees it: the latest decision on each subject, the latest answer
 * to each attestation and the current vendor inventory, built from the register's entries (and,
 * under them, sample records such as the demo's). Only entries before the first verification error
 * are used: a damaged register must not be able to accept a finding; the problems are exposed so
 * commands can say so.
 */
import type { AttestationAnswer, Decision, RecordsView, Vendor } from '../engine/model.js';
import { type RecordEntry, type RecordProblem, type RegisterScan, scanRegister, trustedEntries } from './store.js';

export const DEFAULT_RECORDS_DIR = 'hipaa-records';
/** Where the demo's records go unless --records says otherwise: apart from a real account's. */
export const DEMO_RECORDS_DIR = 'hipaa-records-demo';

/** Records layered under the folder's (the demo's sample register). */
export interface BaseRecords {
  readonly decisions: readonly Decision[];
  readonly attestations: readonly AttestationAnswer[];
  readonly vendors: readonly Vendor[];
}

export interface FullRecordsView extends RecordsView {
  /** Journal entries (applied fixes), oldest first. */
  journal(): RecordEntry[];
  /** Every entry the view was built from, oldest first. */
  entries(): RecordEntry[];
  /** Every decision ever recorded, oldest first (superseded ones included), base records first. */
  decisionHistory(): readonly Decision[];
  /** Verification problems (errors and notices) found while reading the folder. */
  problems(): readonly RecordProblem[];
  /** Well-formed entries that were left out because they come after a verification error. */
  untrusted(): number;
}

export function decisionOf(entry: RecordEntry): Decision {
  if (entry.kind !== 'decision') throw new Error(`${entry.id} is a ${entry.kind} entry, not a decision`);
  return { ...entry.body, id: entry.id };
}

export function attestationOf(entry: RecordEntry): AttestationAnswer {
  if (entry.kind !== 'attestation') throw new Error(`${entry.id} is a ${entry.kind} entry, not an attestation`);
  return { ...entry.body, id: entry.id };
}

export function vendorOf(entry: RecordEntry): Vendor {
  if (entry.kind !== 'vendor') throw new Error(`${entry.id} is a ${entry.kind} entry, not a vendor`);
  return { ...entry.body, recordedBy: entry.by, recordedAt: entry.at };
}

/** Builds the view from entries (pure; used by loadRecordsView and by tests). */
export function buildRecordsView(
  entries: readonly RecordEntry[],
  base?: BaseRecords,
  problems: readonly RecordProblem[] = [],
  untrusted = 0,
): FullRecordsView {
  const history: Decision[] = [...(base?.decisions ?? [])];
  const latestDecision = new Map<string, Decision>();
  const latestAnswer = new Map<string, AttestationAnswer>();
  const vendorById = new Map<string, Vendor>();
  for (const d of base?.decisions ?? []) latestDecision.set(d.subject, d);
  for (const a of base?.attestations ?? []) latestAnswer.set(a.attestation, a);
  for (const v of base?.vendors ?? []) vendorById.set(v.id, v);
  const journal: RecordEntry[] = [];
  for (const e of entries) {
    if (e.kind === 'decision') {
      const d = decisionOf(e);
      history.push(d);
      latestDecision.set(d.subject, d);
    } else if (e.kind === 'attestation') {
      const a = attestationOf(e);
      latestAnswer.set(a.attestation, a);
    } else if (e.kind === 'vendor') {
      const v = vendorOf(e);
      vendorById.set(v.id, v);
    } else {
      journal.push(e);
    }
  }
  return {
    decisionFor: (subject) => latestDecision.get(subject),
    attestationFor: (id) => latestAnswer.get(id),
    decisions: () => [...latestDecision.values()],
    attestations: () => [...latestAnswer.values()],
    vendors: () => [...vendorById.values()].filter((v) => !v.retired),
    journal: () => [...journal],
    entries: () => [...entries],
    decisionHistory: () => [...history],
    problems: () => problems,
    untrusted: () => untrusted,
  };
}

export function viewOfScan(scan: RegisterScan, base?: BaseRecords): FullRecordsView {
  const trusted = trustedEntries(scan);
  return buildRecordsView(trusted, base, scan.problems, scan.entries.length - trusted.length);
}

/** Reads the records folder (a missing folder is an empty one) and layers it over `base`. */
export async function loadRecordsView(dir: string, base?: BaseRecords): Promise<FullRecordsView> {
  return viewOfScan(await scanRegister(dir), base);
}

/** Sentences for stderr when the folder has problems: empty when it verifies cleanly. */
export function recordsWarnings(view: FullRecordsView): string[] {
  const errors = view.problems().filter((p) => p.severity === 'error');
  if (errors.length === 0) return [];
  const first = errors[0]!;
  return [
    `the records folder fails verification: ${first.message}${errors.length > 1 ? ` (${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}`,
    `${view.untrusted()} entr${view.untrusted() === 1 ? 'y' : 'ies'} from there on ${view.untrusted() === 1 ? 'is' : 'are'} not applied; run "hipaa-wizard records verify" for the details.`,
  ];
}

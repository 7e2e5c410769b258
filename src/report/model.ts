/**
 * The report as data: one document built from the scan (state, findings) and the records folder
 * (decisions, attestations, vendors, journal). Markdown, HTML and JSON are three renderings of this
 * one document, so they never disagree. Pure: no I/O, no clock (the caller passes `now`).
 *
 * The JSON rendering is this document as is; its shape is described by schema/report.schema.json.
 * Change REPORT_SCHEMA_VERSION (and the schema) whenever a field is renamed, removed or retyped.
 */
import { decisionRefusal, findSpec, formatSection } from '../engine/hipaa.js';
import {
  type AttestationAnswer,
  type Decision,
  type DecisionStatus,
  type EvidenceItem,
  type Finding,
  type Risk,
  SEVERITIES,
  type Settings,
  type Severity,
  type Status,
  type StepDef,
  type Vendor,
} from '../engine/model.js';
import { countStatuses, type StatusCounts } from '../engine/runner.js';
import type { AccountState } from '../engine/state.js';
import { stateDigest } from './scan-output.js';
import type { Mode } from '../session/source.js';
import { VERSION } from '../version.js';
import { addDays, daysBetween, isoDay } from '../lib/time.js';
import { type JournalItem, journalItem, type RecordEntryLike } from './journal.js';

export const REPORT_SCHEMA_VERSION = '1.0';
export const REPORT_SCHEMA_ID = 'https://hipaa-wizard.dev/schema/report/1.0/report.schema.json';

/** Worst first: the order findings are listed in and the order that decides a category's status. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'unknown', 'manual', 'accepted', 'pass'];
export type CategoryStatus = Status | 'none';

/**
 * What the report needs from the registry: a fix's title and risk, an attestation's title and
 * validity. A fix's risk follows from the calls its plan makes on this account (src/engine/effects.ts);
 * it is absent when the fix could not be planned on the state the report read.
 */
export interface ReportCatalog {
  remediation(id: string): { readonly id: string; readonly title: string; readonly risk?: Risk } | undefined;
  attestation(id: string): { readonly id: string; readonly title: string; readonly validForDays: number } | undefined;
}

/** The records folder's contents, as src/records' view returns them. */
export interface ReportRecords {
  readonly decisions: readonly Decision[];
  readonly attestations: readonly AttestationAnswer[];
  readonly vendors: readonly Vendor[];
  /** Journal entries (kind "journal"), oldest first. */
  readonly journal: readonly RecordEntryLike[];
  /** Where the records came from (a folder path), for the metadata; absent when none. */
  readonly dir?: string;
  /** True when the demo's sample records are layered under the folder. */
  readonly includesDemoSamples?: boolean;
  /** What reading the folder found: entries, verification problems, entries left out after an error. */
  readonly integrity?: RecordsIntegrity;
}

export interface RecordsIntegrity {
  /** Entries read from the folder (all kinds). */
  readonly entries: number;
  /** The first entry's timestamp: how far back the register goes. */
  readonly since: string | null;
  readonly problems: readonly {
    readonly file: string;
    readonly line: number;
    readonly severity: 'error' | 'notice';
    readonly code: string;
    readonly message: string;
  }[];
  /** Well-formed entries not applied because they come after a verification error. */
  readonly untrusted: number;
  /** The register's last entry the report relied on: what an anchor (`records anchor`) holds, for an auditor to compare. */
  readonly head?: RegisterHead | null;
}

/** One entry of the register named by its sequence number, id and SHA-256 hash. */
export interface RegisterHead {
  readonly seq: number;
  readonly id: string;
  readonly hash: string;
}

export interface ReportInput {
  readonly mode: Mode;
  readonly state: AccountState;
  readonly steps: readonly StepDef[];
  readonly findings: readonly Finding[];
  readonly records: ReportRecords;
  readonly catalog: ReportCatalog;
  readonly settings: Settings;
  /** The report's clock (HIPAA_WIZARD_NOW pins it). */
  readonly now: Date;
  /** What counts as "due soon": reviews, lapses and BAA expiries within this many days. */
  readonly dueWithinDays: number;
  /** The snapshot file the state came from, in snapshot mode. */
  readonly snapshotFile?: string;
}

export interface ReportCitation {
  /** "§164.312(b)" */
  readonly section: string;
  readonly obligation: 'required' | 'addressable';
  readonly title: string;
}

export interface ReportResource {
  readonly id: string;
  readonly region: string | null;
  readonly status: 'pass' | 'fail' | 'unknown';
  readonly detail: string;
  readonly missingPermission: string | null;
}

export interface ReportFinding {
  readonly id: string;
  readonly kind: 'check' | 'attestation';
  readonly category: string;
  readonly title: string;
  readonly status: Status;
  /** The status before any recorded decision applied. */
  readonly evaluatedStatus: Status;
  readonly severity: Severity;
  readonly message: string;
  readonly why: string;
  readonly hipaa: ReportCitation;
  readonly hitrust: readonly string[];
  readonly resources: readonly ReportResource[];
  readonly remediation: { readonly id: string; readonly title: string; readonly risk: Risk | null; readonly planCommand: string } | null;
  readonly missingPermissions: readonly string[];
  readonly decision: {
    readonly id: string;
    readonly status: string;
    readonly reason: string;
    readonly decidedBy: string;
    readonly reviewBy: string;
    readonly lapsed: boolean;
  } | null;
}

export interface ReportCategory {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly status: CategoryStatus;
  readonly counts: StatusCounts;
  readonly total: number;
  readonly hipaa: readonly ReportCitation[];
  readonly hitrust: readonly string[];
  /** The ids of this category's findings, worst first. */
  readonly findings: readonly string[];
}

export interface ReportDecision {
  readonly id: string;
  readonly subject: string;
  /** The title of the check or attestation the decision is about, or the HIPAA specification's title. */
  readonly subjectTitle: string | null;
  readonly status: DecisionStatus;
  readonly reason: string;
  readonly alternative: string | null;
  readonly decidedBy: string;
  readonly approvedBy: string | null;
  readonly decidedAt: string;
  readonly reviewBy: string;
  readonly lapsed: boolean;
  /** Why HIPAA does not allow this decision on its subject (not-reasonable or alternative on a required specification), or null. */
  readonly refused: string | null;
  readonly scope: { readonly accounts: readonly string[]; readonly regions: readonly string[]; readonly resources: readonly string[] } | null;
  readonly evidence: readonly EvidenceItem[];
}

export interface ReportAttestation {
  readonly id: string;
  readonly attestation: string;
  readonly title: string | null;
  readonly answer: 'yes' | 'no' | 'partial';
  readonly fields: Readonly<Record<string, string>>;
  readonly attestedBy: string;
  readonly attestedAt: string;
  /** The day the answer stops counting (attestedAt + the attestation's validity); null for an unknown attestation. */
  readonly lapsesOn: string | null;
  readonly lapsed: boolean;
  readonly evidence: readonly EvidenceItem[];
}

export interface ReportVendor {
  readonly id: string;
  readonly name: string;
  readonly services: string;
  readonly phiKinds: string;
  readonly baaSignedOn: string | null;
  readonly baaExpiresOn: string | null;
  readonly baaLocation: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface DueItem {
  readonly kind: 'decision-review' | 'attestation-lapse' | 'baa-expiry';
  /** The decision, attestation answer or vendor id. */
  readonly id: string;
  /** What is due, in one sentence. */
  readonly summary: string;
  /** ISO date (YYYY-MM-DD). */
  readonly due: string;
  /** Days from the report's date to `due`; negative when overdue. */
  readonly daysLeft: number;
  readonly overdue: boolean;
  /** Who is answerable for it (the decider, the attester, who recorded the vendor). */
  readonly owner: string;
}

export interface ReportDocument {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'hipaa-wizard'; readonly version: string };
  readonly generatedAt: string;
  readonly scan: {
    readonly mode: Mode;
    readonly snapshotFile: string | null;
    readonly collectedAt: string;
    readonly collectedBy: { readonly name: string; readonly version: string };
    readonly account: { readonly id: string; readonly alias: string | null; readonly partition: string };
    readonly caller: { readonly arn: string; readonly userId: string | null };
    readonly homeRegion: string;
    readonly regions: readonly string[];
    /** SHA-256 (hex) of the collected state the findings were computed from. */
    readonly stateSha256: string;
    readonly settings: Settings;
  };
  readonly records: {
    readonly dir: string | null;
    readonly includesDemoSamples: boolean;
    /** False when the folder failed verification (an edited, deleted or reordered entry). */
    readonly verified: boolean;
    readonly entries: number;
    readonly since: string | null;
    readonly problems: RecordsIntegrity['problems'];
    readonly untrusted: number;
    /** The register's head (its last verified entry), as `records anchor` writes it; null when nothing is recorded. */
    readonly head: RegisterHead | null;
    readonly decisions: number;
    readonly attestations: number;
    readonly vendors: number;
    readonly journalEntries: number;
  };
  readonly summary: {
    readonly total: number;
    readonly counts: StatusCounts;
    /** Failing findings per severity. */
    readonly failingBySeverity: Readonly<Record<Severity, number>>;
    readonly categories: number;
    readonly categoriesByStatus: Readonly<Record<CategoryStatus, number>>;
  };
  readonly categories: readonly ReportCategory[];
  readonly findings: readonly ReportFinding[];
  readonly decisions: readonly ReportDecision[];
  readonly attestations: readonly ReportAttestation[];
  readonly vendors: readonly ReportVendor[];
  readonly journal: readonly JournalItem[];
  readonly dueForReview: {
    readonly withinDays: number;
    /** The last day of the window (YYYY-MM-DD). */
    readonly until: string;
    readonly items: readonly DueItem[];
  };
}


export function citation(section: string, obligation: 'required' | 'addressable'): ReportCitation {
  return { section: formatSection(section), obligation, title: findSpec(section)?.title ?? '' };
}

/** The worst status among a category's findings; "none" when it has none. */
export function worstStatus(counts: StatusCounts): CategoryStatus {
  return STATUS_ORDER.find((s) => counts[s] > 0) ?? 'none';
}

/** Worst status first, then the most severe, then by id (a stable order for diffs between reports). */
const byStatus = (a: Finding, b: Finding) =>
  STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
  a.id.localeCompare(b.id);

/** The flags a fix hint needs to run on the same source as the report: `--demo`, `--snapshot FILE`, or none for a live account. */
export function sourceFlags(mode: Mode, snapshotFile?: string | null): string {
  if (mode === 'demo') return ' --demo';
  if (mode === 'snapshot') return snapshotFile ? ` --snapshot ${snapshotFile}` : '';
  return '';
}

function reportFinding(f: Finding, catalog: ReportCatalog, flags: string): ReportFinding {
  const fix = f.remediation ? catalog.remediation(f.remediation) : undefined;
  return {
    id: f.id,
    kind: f.kind,
    category: f.stepId,
    title: f.title,
    status: f.status,
    evaluatedStatus: f.evaluated,
    severity: f.severity,
    message: f.message,
    why: f.why,
    hipaa: citation(f.hipaa.section, f.hipaa.obligation),
    hitrust: [...f.hitrust],
    resources: f.resources.map((r) => ({
      id: r.id,
      region: r.region ?? null,
      status: r.status,
      detail: r.detail,
      missingPermission: r.missing ?? null,
    })),
    remediation: f.remediation
      ? { id: f.remediation, title: fix?.title ?? f.remediation, risk: fix?.risk ?? null, planCommand: `hipaa-wizard plan ${f.id}${flags}` }
      : null,
    missingPermissions: [...(f.missing ?? [])],
    decision: f.decision
      ? {
          id: f.decision.id,
          status: f.decision.status,
          reason: f.decision.reason,
          decidedBy: f.decision.decidedBy,
          reviewBy: f.decision.reviewBy,
          lapsed: f.decision.lapsed,
        }
      : null,
  };
}

/** The refusal sentence for a decision HIPAA does not allow on its subject (the finding carries the registry's citation). */
function decisionRefusedFor(d: Decision, findings: readonly Finding[]): string | null {
  const cited = findings.find((f) => f.id === d.subject)?.hipaa;
  const section = cited?.section ?? d.subject.replace(/^§/, '');
  return decisionRefusal(d.status, section, cited ? d.subject : `§${section}`, cited?.obligation) ?? null;
}

function subjectTitle(subject: string, findings: readonly Finding[], catalog: ReportCatalog): string | null {
  const finding = findings.find((f) => f.id === subject);
  if (finding) return finding.title;
  const att = catalog.attestation(subject);
  if (att) return att.title;
  const spec = findSpec(subject.replace(/^§/, ''));
  return spec ? `${formatSection(spec.section)} ${spec.title}` : null;
}

function dueItems(doc: Pick<ReportDocument, 'decisions' | 'attestations' | 'vendors'>, today: string, until: string): DueItem[] {
  const items: DueItem[] = [];
  const push = (kind: DueItem['kind'], id: string, due: string, owner: string, summary: (overdue: boolean) => string) => {
    if (due > until) return;
    const daysLeft = daysBetween(today, due);
    items.push({ kind, id, due, daysLeft, overdue: daysLeft < 0, owner, summary: summary(daysLeft < 0) });
  };
  for (const d of doc.decisions) {
    const about = d.subjectTitle ? `${d.subject} (${d.subjectTitle})` : d.subject;
    push('decision-review', d.id, d.reviewBy, d.decidedBy, (late) => `Review the ${d.status} decision ${d.id} on ${about}${late ? ': it has lapsed' : ''}.`);
  }
  for (const a of doc.attestations) {
    if (!a.lapsesOn) continue;
    push(
      'attestation-lapse',
      a.id,
      a.lapsesOn,
      a.attestedBy,
      (late) => `The answer to "${a.title ?? a.attestation}" given on ${isoDay(a.attestedAt)} ${late ? 'has lapsed' : 'lapses'}; attest again.`,
    );
  }
  for (const v of doc.vendors) {
    if (!v.baaExpiresOn) continue;
    push('baa-expiry', v.id, v.baaExpiresOn, v.recordedBy, (late) => `The business associate agreement with ${v.name} ${late ? 'has expired' : 'expires'}; renew it.`);
  }
  return items.sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

export function buildReport(input: ReportInput): ReportDocument {
  const { state, catalog, now } = input;
  const today = isoDay(now);
  const until = isoDay(addDays(now, input.dueWithinDays));
  const stepIds = new Set(input.steps.map((s) => s.id));
  const findings = input.findings.filter((f) => stepIds.has(f.stepId));

  const categories: ReportCategory[] = input.steps.map((s) => {
    const own = findings.filter((f) => f.stepId === s.id);
    const counts = countStatuses(own);
    return {
      id: s.id,
      number: s.number,
      title: s.title,
      status: worstStatus(counts),
      counts,
      total: own.length,
      hipaa: s.hipaa.map((c) => citation(c.section, c.obligation)),
      hitrust: [...s.hitrust],
      findings: [...own].sort(byStatus).map((f) => f.id),
    };
  });

  const decisions: ReportDecision[] = input.records.decisions.map((d) => ({
    id: d.id,
    subject: d.subject,
    subjectTitle: subjectTitle(d.subject, findings, catalog),
    status: d.status,
    reason: d.reason,
    alternative: d.alternative ?? null,
    decidedBy: d.decidedBy,
    approvedBy: d.approvedBy ?? null,
    decidedAt: d.decidedAt,
    reviewBy: d.reviewBy,
    lapsed: d.reviewBy < today,
    refused: decisionRefusedFor(d, findings),
    scope: d.scope
      ? { accounts: [...(d.scope.accounts ?? [])], regions: [...(d.scope.regions ?? [])], resources: [...(d.scope.resources ?? [])] }
      : null,
    evidence: (d.evidence ?? []).map((e) => ('url' in e ? { url: e.url } : { path: e.path, sha256: e.sha256 })),
  }));

  const attestations: ReportAttestation[] = input.records.attestations.map((a) => {
    const def = catalog.attestation(a.attestation);
    const lapses = def ? addDays(a.attestedAt, def.validForDays) : undefined;
    const valid = lapses && !Number.isNaN(lapses.getTime());
    return {
      id: a.id,
      attestation: a.attestation,
      title: def?.title ?? null,
      answer: a.answer,
      fields: { ...a.fields },
      attestedBy: a.attestedBy,
      attestedAt: a.attestedAt,
      lapsesOn: valid ? isoDay(lapses) : null,
      lapsed: valid ? lapses.getTime() <= now.getTime() : false,
      evidence: (a.evidence ?? []).map((e) => ('url' in e ? { url: e.url } : { path: e.path, sha256: e.sha256 })),
    };
  });

  const vendors: ReportVendor[] = input.records.vendors.map((v) => ({
    id: v.id,
    name: v.name,
    services: v.services,
    phiKinds: v.phiKinds,
    baaSignedOn: v.baaSignedOn ?? null,
    baaExpiresOn: v.baaExpiresOn ?? null,
    baaLocation: v.baaLocation ?? null,
    recordedBy: v.recordedBy,
    recordedAt: v.recordedAt,
  }));

  const journal = input.records.journal.map((e, i) => journalItem(e, i, catalog));
  const integrity = input.records.integrity;
  const counts = countStatuses(findings);
  const failingBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) if (f.status === 'fail') failingBySeverity[f.severity]++;
  const categoriesByStatus: Record<CategoryStatus, number> = { fail: 0, unknown: 0, manual: 0, accepted: 0, pass: 0, none: 0 };
  for (const c of categories) categoriesByStatus[c.status]++;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'hipaa-wizard', version: VERSION },
    generatedAt: now.toISOString(),
    scan: {
      mode: input.mode,
      snapshotFile: input.snapshotFile ?? null,
      collectedAt: state.collectedAt,
      collectedBy: { name: state.tool.name, version: state.tool.version },
      account: { id: state.identity.accountId, alias: state.identity.alias ?? null, partition: state.identity.partition },
      caller: { arn: state.identity.arn, userId: state.identity.userId ?? null },
      homeRegion: state.homeRegion,
      regions: [...state.regions],
      stateSha256: stateDigest(state),
      settings: input.settings,
    },
    records: {
      dir: input.records.dir ?? null,
      includesDemoSamples: input.records.includesDemoSamples ?? false,
      verified: !(integrity?.problems ?? []).some((p) => p.severity === 'error'),
      entries: integrity?.entries ?? 0,
      since: integrity?.since ?? null,
      problems: (integrity?.problems ?? []).map((p) => ({ file: p.file, line: p.line, severity: p.severity, code: p.code, message: p.message })),
      untrusted: integrity?.untrusted ?? 0,
      head: integrity?.head ? { seq: integrity.head.seq, id: integrity.head.id, hash: integrity.head.hash } : null,
      decisions: decisions.length,
      attestations: attestations.length,
      vendors: vendors.length,
      journalEntries: journal.length,
    },
    summary: {
      total: findings.length,
      counts,
      failingBySeverity,
      categories: categories.length,
      categoriesByStatus,
    },
    categories,
    findings: findings.map((f) => reportFinding(f, catalog, sourceFlags(input.mode, input.snapshotFile))),
    decisions,
    attestations,
    vendors,
    journal,
    dueForReview: { withinDays: input.dueWithinDays, until, items: dueItems({ decisions, attestations, vendors }, today, until) },
  };
}

/** The findings of one category, worst first, as the renderings list them. */
export function findingsOf(doc: ReportDocument, category: ReportCategory): ReportFinding[] {
  const byId = new Map(doc.findings.map((f) => [f.id, f]));
  return category.findings.map((id) => byId.get(id)).filter((f): f is ReportFinding => f !== undefined);
}

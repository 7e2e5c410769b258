/**
 * The register as an auditor receives it: what is decided now, the history, attestations, vendors,
 * applied fixes, whether the chain verifies, and how far back the register goes. Pure: data in,
 * a JSON object or Markdown text out.
 */
import type { AttestationAnswer, Decision, Vendor } from '../engine/model.js';
import { daysBetween, isoDay } from '../lib/time.js';
import { VERSION } from '../version.js';
import { evidenceLabel } from './validate.js';
import { decisionsAtRiskUnderProposedRule, PROPOSED_RULE_LABEL } from './proposed-rule.js';
import type { RecordEntry, RecordProblem } from './store.js';
import type { FullRecordsView } from './view.js';

export const RETENTION_YEARS = 6;

export interface ExportInput {
  readonly dir: string;
  readonly view: FullRecordsView;
  /** Every well-formed entry in the file (the view may hold fewer after an error). */
  readonly allEntries: readonly RecordEntry[];
  readonly problems: readonly RecordProblem[];
  readonly now: Date;
  readonly sectionOf: (subject: string) => string | undefined;
}

export interface DecisionRow extends Decision {
  readonly lapsed: boolean;
  readonly supersededBy?: string;
}

export interface RecordsExport {
  readonly tool: { readonly name: 'hipaa-wizard'; readonly version: string };
  readonly generatedAt: string;
  readonly folder: string;
  readonly verification: { readonly ok: boolean; readonly errors: readonly RecordProblem[]; readonly notices: readonly RecordProblem[] };
  readonly retention: {
    readonly entries: number;
    readonly firstEntryAt?: string;
    readonly lastEntryAt?: string;
    readonly head?: { readonly seq: number; readonly id: string; readonly hash: string };
    readonly spanDays: number;
    readonly olderThanSixYears: number;
    readonly sentence: string;
  };
  readonly decisions: readonly DecisionRow[];
  readonly decisionHistory: readonly DecisionRow[];
  readonly attestations: readonly AttestationAnswer[];
  readonly vendors: readonly Vendor[];
  readonly proposedRule: { readonly label: string; readonly decisions: readonly { readonly id: string; readonly subject: string; readonly section: string; readonly explanation: string }[] };
  readonly entries: readonly RecordEntry[];
}

export function retentionSentence(entries: readonly RecordEntry[], now: Date): { sentence: string; spanDays: number; older: number } {
  if (entries.length === 0) return { sentence: 'The register is empty: nothing has been recorded yet.', spanDays: 0, older: 0 };
  const first = entries[0]!;
  const spanDays = Math.max(0, daysBetween(first.at, now));
  const years = Math.floor(spanDays / 365.25);
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS);
  const older = entries.filter((e) => Date.parse(e.at) < cutoff.getTime()).length;
  const span = years >= 1 ? `${years} year${years === 1 ? '' : 's'} and ${spanDays - Math.floor(years * 365.25)} days` : `${spanDays} day${spanDays === 1 ? '' : 's'}`;
  const kept = older > 0 ? ` ${older} entr${older === 1 ? 'y is' : 'ies are'} older than six years and still kept: hipaa-wizard never removes entries.` : ' hipaa-wizard never removes entries; HIPAA asks that this documentation be kept six years (§164.316(b)(2)(i)).';
  return {
    sentence: `The register goes back to ${isoDay(first.at)} (entry ${first.id}), ${span} before ${isoDay(now)}, and holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.${kept}`,
    spanDays,
    older,
  };
}

export function buildExport(input: ExportInput): RecordsExport {
  const { view, now } = input;
  const today = isoDay(now);
  const history = view.decisionHistory();
  const supersededBy = new Map<string, string>();
  const lastBySubject = new Map<string, Decision>();
  for (const d of history) {
    const before = lastBySubject.get(d.subject);
    if (before) supersededBy.set(before.id, d.id);
    lastBySubject.set(d.subject, d);
  }
  const row = (d: Decision): DecisionRow => ({ ...d, lapsed: d.reviewBy < today, supersededBy: supersededBy.get(d.id) });
  const errors = input.problems.filter((p) => p.severity === 'error');
  const notices = input.problems.filter((p) => p.severity === 'notice');
  const retention = retentionSentence(input.allEntries, now);
  const last = input.allEntries.at(-1);
  return {
    tool: { name: 'hipaa-wizard', version: VERSION },
    generatedAt: now.toISOString(),
    folder: input.dir,
    verification: { ok: errors.length === 0, errors, notices },
    retention: {
      entries: input.allEntries.length,
      firstEntryAt: input.allEntries[0]?.at,
      lastEntryAt: last?.at,
      head: last ? { seq: last.seq, id: last.id, hash: last.hash } : undefined,
      spanDays: retention.spanDays,
      olderThanSixYears: retention.older,
      sentence: retention.sentence,
    },
    decisions: view.decisions().map(row),
    decisionHistory: history.map(row),
    attestations: view.attestations(),
    vendors: view.vendors(),
    proposedRule: {
      label: PROPOSED_RULE_LABEL,
      decisions: decisionsAtRiskUnderProposedRule(view.decisions(), input.sectionOf).map((c) => ({
        id: c.decision.id,
        subject: c.decision.subject,
        section: c.section,
        explanation: c.explanation,
      })),
    },
    entries: input.allEntries,
  };
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(head: readonly string[], rows: readonly (readonly (string | undefined)[])[]): string[] {
  if (rows.length === 0) return ['(none)'];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

const scopeText = (d: Decision) =>
  d.scope
    ? [d.scope.accounts?.length && `accounts ${d.scope.accounts.join(', ')}`, d.scope.regions?.length && `regions ${d.scope.regions.join(', ')}`, d.scope.resources?.length && `resources ${d.scope.resources.join(', ')}`]
        .filter(Boolean)
        .join('; ')
    : 'everything';

const evidenceText = (ev: Decision['evidence']) => (ev?.length ? ev.map((e) => evidenceLabel(e, true)).join('; ') : '');

export function exportMarkdown(x: RecordsExport): string {
  const out: string[] = [];
  out.push(`# HIPAA records register: ${x.folder}`, '');
  out.push(`Exported by hipaa-wizard ${x.tool.version} on ${x.generatedAt}.`, '');
  out.push('## Integrity', '');
  if (x.verification.ok) {
    out.push(
      x.retention.head
        ? `The hash chain verifies: ${x.retention.entries} entries, seq 1 to ${x.retention.head.seq}. The last entry is ${x.retention.head.id} with hash \`${x.retention.head.hash}\`; keep this hash with the export to show later that nothing before it changed.`
        : 'The register is empty.',
    );
  } else {
    out.push(`**The register fails verification.** The first problem: ${x.verification.errors[0]!.message}`, '');
    for (const e of x.verification.errors.slice(1)) out.push(`- ${e.message}`);
  }
  for (const n of x.verification.notices) out.push(`- Note: ${n.message}`);
  out.push('', '## Retention', '', x.retention.sentence, '');
  out.push('## Current decisions', '');
  out.push(
    ...table(
      ['id', 'subject', 'status', 'reason', 'alternative / owner', 'decided', 'approved by', 'review by', 'scope', 'evidence'],
      x.decisions.map((d) => [
        d.id,
        d.subject,
        d.status,
        d.reason,
        d.alternative ?? (d.owner ? `owner: ${d.owner}` : ''),
        `${d.decidedBy}, ${isoDay(d.decidedAt)}`,
        d.approvedBy ?? '',
        `${d.reviewBy}${d.lapsed ? ' (lapsed)' : ''}`,
        scopeText(d),
        evidenceText(d.evidence),
      ]),
    ),
  );
  const superseded = x.decisionHistory.filter((d) => d.supersededBy);
  out.push('', '## Superseded decisions (history)', '');
  out.push(...table(['id', 'subject', 'status', 'reason', 'decided', 'superseded by'], superseded.map((d) => [d.id, d.subject, d.status, d.reason, `${d.decidedBy}, ${isoDay(d.decidedAt)}`, d.supersededBy])));
  out.push('', '## Attestations', '');
  out.push(
    ...table(
      ['id', 'attestation', 'answer', 'by', 'on', 'details', 'evidence'],
      x.attestations.map((a) => [a.id, a.attestation, a.answer, a.attestedBy, isoDay(a.attestedAt), Object.entries(a.fields).map(([k, v]) => `${k}=${v}`).join('; '), evidenceText(a.evidence)]),
    ),
  );
  out.push('', '## Vendor inventory (business associates)', '');
  out.push(
    ...table(
      ['id', 'name', 'services', 'ePHI', 'BAA signed', 'BAA expires', 'BAA kept at', 'recorded'],
      x.vendors.map((v) => [v.id, v.name, v.services, v.phiKinds, v.baaSignedOn ?? 'no BAA', v.baaExpiresOn ?? '', v.baaLocation ?? '', `${v.recordedBy}, ${isoDay(v.recordedAt)}`]),
    ),
  );
  const journal = x.entries.filter((e) => e.kind === 'journal');
  out.push('', '## Applied changes (journal)', '', `${journal.length} journal entr${journal.length === 1 ? 'y' : 'ies'}; the full entries are in the JSON export.`);
  out.push('', '## Under the proposed rule (not in force)', '', x.proposedRule.label, '');
  if (x.proposedRule.decisions.length === 0) out.push('No current decision relies on a specification being addressable.');
  for (const c of x.proposedRule.decisions) out.push(`- ${c.explanation}`);
  out.push('');
  return out.join('\n');
}

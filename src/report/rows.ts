/**
 * The report's findings flattened to one row per check and resource: what the formats security
 * teams read (CSV, JUnit, OCSF, Security Hub's ASFF) are made of. A finding with no resource (an
 * attestation, a check that could not read its data) is one row on the account. Pure.
 */
import type { Severity, Status } from '../engine/model.js';
import { sha256Hex } from '../lib/hash.js';
import type { ReportCategory, ReportDocument, ReportFinding, ReportResource } from './model.js';

export interface FindingRow {
  readonly accountId: string;
  readonly accountAlias: string | null;
  readonly partition: string;
  /** The resource's region; null for a global resource or a finding on the whole account. */
  readonly region: string | null;
  readonly category: Pick<ReportCategory, 'id' | 'number' | 'title'>;
  readonly finding: ReportFinding;
  /** The resource, or null when the finding names none. */
  readonly resource: ReportResource | null;
  /** This row's status: the resource's, with the finding's decision (accepted) or manual status applied. */
  readonly status: Status;
  readonly severity: Severity;
  /** "R" for a required implementation specification, "A" for an addressable one. */
  readonly obligationFlag: 'R' | 'A';
  /** A recorded decision in force (not lapsed) covers this row. */
  readonly suppressed: boolean;
  /** Identifies this check on this resource in this account, the same on every scan. */
  readonly key: string;
  /** The sentence on this row: the resource's detail, else the finding's message. */
  readonly detail: string;
}

function rowStatus(f: ReportFinding, r: ReportResource | null): Status {
  if (!r || f.status === 'manual') return f.status;
  if (f.status === 'accepted') return r.status === 'pass' ? 'pass' : 'accepted';
  return r.status;
}

/** Every finding of the report, category by category (worst first within one), one row per resource. */
export function findingRows(doc: ReportDocument): FindingRow[] {
  const byId = new Map(doc.findings.map((f) => [f.id, f]));
  const account = doc.scan.account;
  const rows: FindingRow[] = [];
  for (const c of doc.categories) {
    for (const id of c.findings) {
      const f = byId.get(id);
      if (!f) continue;
      const resources: readonly (ReportResource | null)[] = f.resources.length > 0 ? f.resources : [null];
      for (const r of resources) {
        const status = rowStatus(f, r);
        const region = r?.region && r.region !== 'global' ? r.region : null;
        rows.push({
          accountId: account.id,
          accountAlias: account.alias,
          partition: account.partition,
          region,
          category: { id: c.id, number: c.number, title: c.title },
          finding: f,
          resource: r,
          status,
          severity: f.severity,
          obligationFlag: f.hipaa.obligation === 'required' ? 'R' : 'A',
          suppressed: status === 'accepted' && f.decision !== null && !f.decision.lapsed,
          key: rowKey(account.id, f.id, r),
          detail: r?.detail ?? f.message,
        });
      }
    }
  }
  return rows;
}

/** "210987654321/s3-versioning/3f1c…": the account, the check, and a digest of the resource and its region. */
export function rowKey(accountId: string, checkId: string, r: ReportResource | null): string {
  const what = r ? `${r.region ?? ''}|${r.id}` : 'account';
  return `${accountId}/${checkId}/${sha256Hex(what).slice(0, 20)}`;
}

/** The way a person previews the fix, or null when the check has none. */
export const fixCommand = (f: ReportFinding): string | null => f.remediation?.planCommand ?? null;

/** Cuts text to `max` characters, ending with an ellipsis when it was longer. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The findings as OCSF events: one Compliance Finding (class_uid 2003, OCSF 1.8.0, the current
 * release) per check and resource, with the cloud profile (account and region), written as a JSON
 * array. The HIPAA section and its required/addressable flag go in `compliance` (standards,
 * requirements, control, status), the resource's ARN and region in `resources`, the remediation
 * text and the command that previews the fix in `remediation`. Pure.
 *
 * The tests validate every event against a JSON Schema compiled from the OCSF 1.8.0 source files
 * vendored in test/fixtures/ocsf/1.8.0 (see test/helpers/ocsf-schema.ts).
 */
import type { Severity, Status } from '../engine/model.js';
import type { ReportDocument } from './model.js';
import { type FindingRow, findingRows, fixCommand } from './rows.js';

export const OCSF_VERSION = '1.8.0';
const CLASS_UID = 2003;
const ACTIVITY_CREATE = 1;

const SEVERITY_ID: Readonly<Record<Severity, number>> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };
const SEVERITY_NAME: Readonly<Record<number, string>> = { 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical' };

/** compliance.status_id: 1 Pass, 2 Warning, 3 Fail, 0 Unknown, 99 Other. */
const COMPLIANCE_STATUS: Readonly<Record<Status, { id: number; name: string }>> = {
  pass: { id: 1, name: 'Pass' },
  fail: { id: 3, name: 'Fail' },
  // The resource fails the check; a recorded decision accepted it (the finding's status_id is Suppressed).
  accepted: { id: 3, name: 'Fail' },
  // A person has to answer it: a warning until they do.
  manual: { id: 2, name: 'Warning' },
  unknown: { id: 0, name: 'Unknown' },
};

function remediation(row: FindingRow): { desc: string; references?: string[] } {
  const f = row.finding;
  const fix = fixCommand(f);
  if (fix && f.remediation) return { desc: `${f.why} Preview the fix "${f.remediation.title}" (${f.remediation.risk}) with: ${fix}` };
  if (f.status === 'manual') return { desc: `${f.why} Answer it with: hipaa-wizard attest ${f.id}` };
  return { desc: f.why };
}

export function ocsfEvent(row: FindingRow, doc: ReportDocument): Record<string, unknown> {
  const f = row.finding;
  const time = Date.parse(doc.generatedAt);
  const severityId = SEVERITY_ID[row.severity];
  const compliance = COMPLIANCE_STATUS[row.status];
  const region = row.region ?? doc.scan.homeRegion;
  const obligation = f.hipaa.obligation === 'required' ? 'Required' : 'Addressable';
  const d = f.decision;
  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + ACTIVITY_CREATE,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: severityId,
    severity: SEVERITY_NAME[severityId],
    // The finding's workflow: Suppressed when a recorded decision in force covers it, else New.
    status_id: row.suppressed ? 3 : 1,
    status: row.suppressed ? 'Suppressed' : 'New',
    ...(d ? { comment: `Decision ${d.id} (${d.status}) by ${d.decidedBy}, review by ${d.reviewBy}${d.lapsed ? ' (lapsed)' : ''}: ${d.reason}` } : {}),
    message: row.detail,
    metadata: {
      version: OCSF_VERSION,
      profiles: ['cloud'],
      product: { name: 'hipaa-wizard', vendor_name: 'hipaa-wizard', version: doc.tool.version, uid: 'hipaa-wizard' },
      uid: row.key,
      log_name: 'hipaa-wizard scan',
    },
    cloud: {
      provider: 'AWS',
      region,
      cloud_partition: row.partition,
      account: { uid: row.accountId, type_id: 10, type: 'AWS Account', ...(row.accountAlias ? { name: row.accountAlias } : {}) },
    },
    finding_info: {
      uid: row.key,
      title: f.title,
      desc: f.message,
      types: ['HIPAA Controls', f.kind === 'attestation' ? 'Attestation' : 'Configuration Check'],
      analytic: { uid: f.id, name: f.id, type_id: 1, type: 'Rule', category: row.category.title },
      first_seen_time: time,
      last_seen_time: time,
    },
    compliance: {
      standards: ['HIPAA Security Rule (45 CFR Part 164, Subpart C)', ...(f.hitrust.length ? ['HITRUST CSF'] : [])],
      requirements: [`${f.hipaa.section} (${obligation})`, ...f.hitrust.map((h) => `HITRUST ${h}`)],
      control: `${f.hipaa.section} ${f.hipaa.title} (${obligation})`,
      desc: f.why,
      category: `${row.category.number} ${row.category.title}`,
      status_id: compliance.id,
      status: compliance.name,
      status_code: row.status,
      status_detail: row.detail,
      checks: [{ uid: f.id, name: f.title, severity_id: severityId, severity: SEVERITY_NAME[severityId], status_id: compliance.id, status: compliance.name, standards: ['HIPAA Security Rule'] }],
    },
    resources: [
      row.resource
        ? { uid: row.resource.id, name: row.resource.id, region, cloud_partition: row.partition, owner: { account: { uid: row.accountId, type_id: 10, type: 'AWS Account' } } }
        : { uid: `arn:${row.partition}:iam::${row.accountId}:root`, name: `account ${row.accountId}`, type: 'AWS Account', region, cloud_partition: row.partition },
    ],
    remediation: remediation(row),
    unmapped: {
      hipaa_section: f.hipaa.section,
      hipaa_obligation: row.obligationFlag,
      step: row.category.id,
      check_status: row.status,
      ...(f.remediation ? { fix_id: f.remediation.id, fix_command: f.remediation.planCommand } : {}),
      ...(row.resource?.missingPermission ? { missing_permission: row.resource.missingPermission } : {}),
    },
  };
}

/** Every finding of the report (or of several accounts' reports) as OCSF Compliance Finding events, a JSON array. */
export function renderOcsf(docs: ReportDocument | readonly ReportDocument[]): string {
  const all: readonly ReportDocument[] = Array.isArray(docs) ? docs : [docs as ReportDocument];
  return `${JSON.stringify(
    all.flatMap((doc) => findingRows(doc).map((row) => ocsfEvent(row, doc))),
    null,
    2,
  )}\n`;
}

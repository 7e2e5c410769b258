/**
 * The findings in the AWS Security Finding Format (ASFF), as Security Hub imports them from a
 * custom integration: one finding per check and resource, with an Id that stays the same from scan
 * to scan (so the next import updates it in place), archived when the resource passes, and a
 * decision recorded here shown as the workflow status SUPPRESSED with its reason in the note.
 * Pure; src/aws/securityhub.ts sends them with BatchImportFindings.
 *
 * Limits (Title 256, Description 1024, Note.Text 512, Recommendation.Text 512, Id and GeneratorId
 * 512, at most 32 resources and 32 related requirements) follow the ASFF syntax in the Security Hub
 * API reference; test/fixtures/asff/asff.schema.json holds them and the tests validate against it.
 */
import type { Severity, Status } from '../engine/model.js';
import type { ReportDocument } from './model.js';
import { clip, type FindingRow, findingRows, fixCommand } from './rows.js';

export const ASFF_SCHEMA_VERSION = '2018-10-08';
export const ASFF_TYPE = 'Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls';

export type ComplianceStatus = 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE';

export interface AsffResource {
  readonly Type: string;
  readonly Id: string;
  readonly Partition: string;
  readonly Region: string;
}

/** The fields of AwsSecurityFinding this tool writes. */
export interface AsffFinding {
  readonly SchemaVersion: typeof ASFF_SCHEMA_VERSION;
  readonly Id: string;
  readonly ProductArn: string;
  readonly ProductName: string;
  readonly CompanyName: string;
  readonly GeneratorId: string;
  readonly AwsAccountId: string;
  readonly Region: string;
  readonly Types: readonly string[];
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Severity: { readonly Label: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'; readonly Original: string };
  readonly Title: string;
  readonly Description: string;
  readonly Remediation?: { readonly Recommendation: { readonly Text: string } };
  readonly ProductFields: Readonly<Record<string, string>>;
  readonly Resources: readonly AsffResource[];
  readonly Compliance: { readonly Status: ComplianceStatus; readonly RelatedRequirements: readonly string[] };
  readonly Workflow: { readonly Status: 'NEW' | 'NOTIFIED' | 'RESOLVED' | 'SUPPRESSED' };
  readonly RecordState: 'ACTIVE' | 'ARCHIVED';
  readonly Note?: { readonly Text: string; readonly UpdatedBy: string; readonly UpdatedAt: string };
}

const LABEL: Readonly<Record<Severity, AsffFinding['Severity']['Label']>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};

const COMPLIANCE: Readonly<Record<Status, ComplianceStatus>> = {
  pass: 'PASSED',
  fail: 'FAILED',
  // The resource fails the check; the decision recorded about it is the workflow's SUPPRESSED.
  accepted: 'FAILED',
  // A person has to answer it (an attestation): neither passed nor failed yet.
  manual: 'WARNING',
  // The check could not read its data.
  unknown: 'NOT_AVAILABLE',
};

/** The product ARN Security Hub gives every account for its own findings (a custom integration). */
export function productArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** The region a row's finding is imported into: the resource's region, or the home region for global resources and the account. */
export function importRegion(row: FindingRow, doc: ReportDocument): string {
  return row.region && doc.scan.regions.includes(row.region) ? row.region : doc.scan.homeRegion;
}

/** Security Hub's resource type for an ARN this tool reports on; "Other" for anything else. */
export function resourceType(id: string): string {
  const m = /^arn:[^:]+:([^:]+):[^:]*:[^:]*:(.*)$/.exec(id);
  if (!m) return 'Other';
  const [, service, rest = ''] = m;
  const kind = rest.split(/[/:]/)[0];
  const types: Record<string, string | Record<string, string>> = {
    s3: 'AwsS3Bucket',
    iam: { user: 'AwsIamUser', role: 'AwsIamRole', policy: 'AwsIamPolicy', group: 'AwsIamGroup', root: 'AwsAccount' },
    kms: { key: 'AwsKmsKey' },
    rds: { db: 'AwsRdsDbInstance', cluster: 'AwsRdsDbCluster', snapshot: 'AwsRdsDbSnapshot' },
    ec2: { instance: 'AwsEc2Instance', vpc: 'AwsEc2Vpc', volume: 'AwsEc2Volume', 'security-group': 'AwsEc2SecurityGroup', subnet: 'AwsEc2Subnet' },
    dynamodb: { table: 'AwsDynamoDbTable' },
    cloudtrail: { trail: 'AwsCloudTrailTrail' },
    elasticloadbalancing: { loadbalancer: 'AwsElbv2LoadBalancer' },
    secretsmanager: { secret: 'AwsSecretsManagerSecret' },
    cloudfront: { distribution: 'AwsCloudFrontDistribution' },
    acm: { certificate: 'AwsCertificateManagerCertificate' },
    lambda: { function: 'AwsLambdaFunction' },
    sns: 'AwsSnsTopic',
    backup: { 'backup-vault': 'AwsBackupBackupVault', 'backup-plan': 'AwsBackupBackupPlan' },
    ecr: { repository: 'AwsEcrRepository' },
    eks: { cluster: 'AwsEksCluster' },
    'access-analyzer': 'Other',
  };
  const entry = service ? types[service] : undefined;
  // An ARN with a suffix after the resource ("… access key 1", "/origin/…") is a part of it: Other.
  if (/\s/.test(id) || (service === 'cloudfront' && rest.split('/').length > 2)) return 'Other';
  if (typeof entry === 'string') return entry;
  return (entry && kind && entry[kind]) || 'Other';
}

function noteFor(row: FindingRow, at: string): AsffFinding['Note'] | undefined {
  const d = row.finding.decision;
  if (!row.suppressed || !d) return undefined;
  return {
    Text: clip(`Decision ${d.id} (${d.status}), review by ${d.reviewBy}: ${d.reason}`, 512),
    UpdatedBy: clip(d.decidedBy, 512),
    UpdatedAt: at,
  };
}

function recommendation(row: FindingRow): string {
  const f = row.finding;
  const fix = fixCommand(f);
  if (fix && f.remediation) return clip(`${f.why} Preview the fix "${f.remediation.title}" with: ${fix}`, 512);
  if (f.status === 'manual') return clip(`${f.why} Answer it with: hipaa-wizard attest ${f.id}`, 512);
  return clip(f.why, 512);
}

export interface AsffOptions {
  /** Scan time; CreatedAt and UpdatedAt (defaults to the report's generatedAt). */
  readonly at?: string;
}

export function asffFinding(row: FindingRow, doc: ReportDocument, options: AsffOptions = {}): AsffFinding {
  const f = row.finding;
  const at = options.at ?? doc.generatedAt;
  const region = importRegion(row, doc);
  const requirements = [`HIPAA ${f.hipaa.section} (${f.hipaa.obligation === 'required' ? 'Required' : 'Addressable'})`, ...f.hitrust.map((h) => `HITRUST ${h}`)];
  const resource: AsffResource = row.resource
    ? { Type: resourceType(row.resource.id), Id: clip(row.resource.id, 512), Partition: row.partition, Region: row.region ?? region }
    : { Type: 'AwsAccount', Id: `AWS::::Account:${row.accountId}`, Partition: row.partition, Region: region };
  const note = noteFor(row, at);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: row.key,
    ProductArn: productArn(row.partition, region, row.accountId),
    ProductName: 'hipaa-wizard',
    CompanyName: 'hipaa-wizard',
    GeneratorId: `hipaa-wizard/${f.id}`,
    AwsAccountId: row.accountId,
    Region: region,
    Types: [ASFF_TYPE],
    CreatedAt: at,
    UpdatedAt: at,
    Severity: { Label: LABEL[row.severity], Original: row.severity },
    Title: clip(f.title, 256),
    Description: clip(row.resource ? `${row.detail} ${f.why}` : `${f.message} ${f.why}`, 1024),
    Remediation: { Recommendation: { Text: recommendation(row) } },
    ProductFields: {
      'hipaa-wizard/Version': doc.tool.version,
      'hipaa-wizard/Step': `${row.category.number} ${row.category.title}`,
      'hipaa-wizard/CheckId': f.id,
      'hipaa-wizard/Status': row.status,
      'hipaa-wizard/HipaaSection': f.hipaa.section,
      'hipaa-wizard/Obligation': row.obligationFlag,
      ...(f.remediation ? { 'hipaa-wizard/FixId': f.remediation.id, 'hipaa-wizard/FixCommand': f.remediation.planCommand } : {}),
      ...(f.decision
        ? {
            'hipaa-wizard/DecisionId': f.decision.id,
            'hipaa-wizard/DecisionStatus': f.decision.status,
            'hipaa-wizard/ReviewBy': f.decision.reviewBy,
            'hipaa-wizard/DecisionLapsed': f.decision.lapsed ? 'true' : 'false',
          }
        : {}),
    },
    Resources: [resource],
    Compliance: { Status: COMPLIANCE[row.status], RelatedRequirements: requirements.slice(0, 32) },
    Workflow: { Status: row.suppressed ? 'SUPPRESSED' : row.status === 'pass' ? 'RESOLVED' : 'NEW' },
    RecordState: row.status === 'pass' ? 'ARCHIVED' : 'ACTIVE',
    ...(note ? { Note: note } : {}),
  };
}

/** Every finding of the report in ASFF, one per check and resource. */
export function renderAsff(doc: ReportDocument, options: AsffOptions = {}): AsffFinding[] {
  return findingRows(doc).map((row) => asffFinding(row, doc, options));
}

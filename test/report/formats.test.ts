/**
 * The formats security teams read — OCSF, Security Hub's ASFF, CSV, JUnit XML — each rendered from
 * the demo account with a records folder (a decision in force, a lapsed one) and validated against
 * its published schema: OCSF 1.8.0 compiled from the vendored OCSF source, the ASFF limits from the
 * Security Hub API reference, the Apache Ant / Jenkins JUnit XSD.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/model.js';
import { buildReport, renderFindings, renderReport } from '../../src/report/index.js';
import { type AsffFinding, renderAsff, resourceType } from '../../src/report/asff.js';
import { CSV_COLUMNS } from '../../src/report/csv.js';
import { ROOT } from '../helpers/built-cli.js';
import { compileOcsfClass } from '../helpers/ocsf-schema.js';
import { demoInput, NOW } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const ocsf = compileOcsfClass(join(FIXTURES, 'ocsf', '1.8.0'), 'events/findings/compliance_finding.json', ['cloud']);
const validateOcsf = new Ajv2020({ strict: false, allErrors: true }).compile(ocsf.schema);
const asffSchema = JSON.parse(readFileSync(join(FIXTURES, 'asff', 'asff.schema.json'), 'utf8')) as Record<string, unknown>;
const validateAsff = new Ajv2020({ strict: true, allErrors: true }).compile(asffSchema);
const JUNIT_XSD = readFileSync(join(FIXTURES, 'junit', 'JUnit.xsd'), 'utf8');

const PORTAL_UPLOADS = 'arn:aws:s3:::maple-portal-uploads';
// biome-ignore lint/suspicious/noExplicitAny: OCSF events are read field by field in assertions
type Event = Record<string, any>;

/** The validator's complaints about one document, as readable lines (none when it is valid). */
function problems(validate: ValidateFunction, doc: unknown, id: string): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((x) => `${id}: ${x.instancePath} ${x.message}`);
}

describe('OCSF', () => {
  it('compiles the 1.8.0 Compliance Finding schema from the vendored OCSF files only', () => {
    expect(ocsf.schema.title).toBe('OCSF 1.8.0 Compliance Finding (class_uid 2003)');
    expect((ocsf.schema.required as string[]).sort()).toEqual(
      ['activity_id', 'category_uid', 'class_uid', 'cloud', 'compliance', 'finding_info', 'metadata', 'severity_id', 'time', 'type_uid'].sort(),
    );
  });

  it('writes one Compliance Finding per check and resource, each valid against OCSF 1.8.0', async () => {
    const input = await demoInput();
    const events = JSON.parse(renderReport('ocsf', input)) as Event[];
    const expected = input.findings.reduce((n, f) => n + Math.max(1, f.resources.length), 0);
    expect(events).toHaveLength(expected);
    for (const e of events) expect(problems(validateOcsf, e, String(e.finding_info?.uid))).toEqual([]);
    expect(new Set(events.map((e) => e.finding_info.uid)).size).toBe(events.length);

    const e = events.find((x) => x.finding_info.analytic.uid === 's3-versioning' && x.resources[0].uid === PORTAL_UPLOADS) as Event;
    expect(e).toMatchObject({
      class_uid: 2003,
      category_uid: 2,
      type_uid: 200301,
      time: NOW.getTime(),
      severity_id: 3,
      status_id: 1,
      metadata: { version: '1.8.0', product: { name: 'hipaa-wizard' } },
      cloud: { provider: 'AWS', region: 'us-east-1', account: { uid: '210987654321' } },
      compliance: { requirements: ['§164.312(c)(1) (Required)', 'HITRUST 09.ab', 'HITRUST 10.c'], status_id: 3, status: 'Fail' },
      resources: [{ uid: PORTAL_UPLOADS, region: 'us-east-1' }],
    });
    expect(e.compliance.control).toBe('§164.312(c)(1) Integrity (Required)');
    expect(e.remediation.desc).toContain('hipaa-wizard plan s3-versioning');
  });

  it('marks a finding a decision accepted as Suppressed, with the addressable flag and the decision in the comment', async () => {
    const events = JSON.parse(renderReport('ocsf', await demoInput())) as Event[];
    const accepted = events.find((x) => x.finding_info.analytic.uid === 'password-policy-strength') as Event;
    expect(accepted.status_id).toBe(3);
    expect(accepted.compliance.requirements[0]).toBe('§164.308(a)(5)(ii)(D) (Addressable)');
    expect(accepted.comment).toMatch(/^Decision D-0001 \(alternative\) by Dana Okafor, review by 2026-12-20: Console sign-in/);
    // D-0002 lapsed on 2026-11-01: the finding fails again and is not suppressed.
    const lapsed = events.filter((x) => x.finding_info.analytic.uid === 'access-key-age');
    expect(lapsed.map((x) => [x.status_id, x.compliance.status])).toEqual(lapsed.map(() => [1, 'Fail']));
    const passing = events.find((x) => x.finding_info.analytic.uid === 'root-mfa') as Event;
    expect(passing.compliance).toMatchObject({ status_id: 1, status: 'Pass' });
  });

  it('the compiled schema rejects an event without compliance, with an unknown field, or with a wrong class', async () => {
    const [first] = JSON.parse(renderReport('ocsf', await demoInput())) as Event[];
    const { compliance: _, ...noCompliance } = first as Event;
    expect(validateOcsf(noCompliance)).toBe(false);
    expect(validateOcsf({ ...first, hipaa: 'x' })).toBe(false);
    expect(validateOcsf({ ...first, class_uid: 2004 })).toBe(false);
    expect(validateOcsf({ ...first, compliance: { ...first?.compliance, status_id: 7 } })).toBe(false);
  });
});

describe('ASFF', () => {
  it('writes one AwsSecurityFinding per check and resource, within the documented limits', async () => {
    const input = await demoInput();
    const findings = renderAsff(buildReport(input));
    expect(findings).toHaveLength(input.findings.reduce((n, f) => n + Math.max(1, f.resources.length), 0));
    for (const f of findings) expect(problems(validateAsff, f, f.Id)).toEqual([]);
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
    const f = findings.find((x) => x.GeneratorId === 'hipaa-wizard/s3-versioning' && x.Resources[0]?.Id === PORTAL_UPLOADS) as AsffFinding;
    expect(f).toMatchObject({
      ProductArn: 'arn:aws:securityhub:us-east-1:210987654321:product/210987654321/default',
      AwsAccountId: '210987654321',
      Types: ['Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls'],
      Severity: { Label: 'MEDIUM' },
      Compliance: { Status: 'FAILED', RelatedRequirements: ['HIPAA §164.312(c)(1) (Required)', 'HITRUST 09.ab', 'HITRUST 10.c'] },
      Resources: [{ Type: 'AwsS3Bucket', Id: PORTAL_UPLOADS, Partition: 'aws', Region: 'us-east-1' }],
      Workflow: { Status: 'NEW' },
      RecordState: 'ACTIVE',
    });
    expect(f.Remediation?.Recommendation.Text).toContain('hipaa-wizard plan s3-versioning');
  });

  it('keeps every Id from one scan to the next, so Security Hub updates the findings in place', async () => {
    const first = renderAsff(buildReport(await demoInput()));
    const later = renderAsff(buildReport(await demoInput({ now: new Date('2026-12-01T08:00:00Z') })));
    expect(later.map((f) => f.Id)).toEqual(first.map((f) => f.Id));
    expect(later[0]?.UpdatedAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it('archives what passes, suppresses what a decision in force accepted (reason in the note), and not what lapsed', async () => {
    const findings = renderAsff(buildReport(await demoInput()));
    const pass = findings.find((x) => x.GeneratorId === 'hipaa-wizard/root-mfa') as AsffFinding;
    expect(pass).toMatchObject({ RecordState: 'ARCHIVED', Compliance: { Status: 'PASSED' }, Workflow: { Status: 'RESOLVED' } });
    const accepted = findings.find((x) => x.GeneratorId === 'hipaa-wizard/password-policy-strength') as AsffFinding;
    expect(accepted.Workflow.Status).toBe('SUPPRESSED');
    expect(accepted.RecordState).toBe('ACTIVE');
    expect(accepted.Note).toEqual({
      Text: expect.stringMatching(/^Decision D-0001 \(alternative\), review by 2026-12-20: Console sign-in goes through the clinic identity provider/),
      UpdatedBy: 'Dana Okafor',
      UpdatedAt: NOW.toISOString(),
    });
    for (const lapsed of findings.filter((x) => x.GeneratorId === 'hipaa-wizard/access-key-age')) {
      expect(lapsed.Workflow.Status).toBe('NEW');
      expect(lapsed.Note).toBeUndefined();
    }
    const attestation = findings.find((x) => x.ProductFields['hipaa-wizard/Status'] === 'manual') as AsffFinding;
    expect(attestation.Compliance.Status).toBe('WARNING');
    expect(attestation.Resources).toEqual([{ Type: 'AwsAccount', Id: 'AWS::::Account:210987654321', Partition: 'aws', Region: 'us-east-1' }]);
  });

  it('cuts a long decision reason to 512 characters in the note and still validates', async () => {
    const input = await demoInput();
    const long = 'The vendor needs this. '.repeat(60);
    const findings = input.findings.map((f): Finding => (f.id === 'password-policy-strength' && f.decision ? { ...f, decision: { ...f.decision, reason: long } } : f));
    const out = renderAsff(buildReport({ ...input, findings })).find((x) => x.GeneratorId === 'hipaa-wizard/password-policy-strength') as AsffFinding;
    expect(out.Note?.Text).toHaveLength(512);
    expect(out.Note?.Text.endsWith('…')).toBe(true);
    expect(validateAsff(out)).toBe(true);
  });

  it('names Security Hub resource types from ARNs and falls back to Other', () => {
    expect(resourceType('arn:aws:iam::210987654321:user/dana.okafor')).toBe('AwsIamUser');
    expect(resourceType('arn:aws:rds:us-east-1:210987654321:db:maple-portal-db')).toBe('AwsRdsDbInstance');
    expect(resourceType('arn:aws:kms:us-east-1:210987654321:key/1d2c3b4a')).toBe('AwsKmsKey');
    expect(resourceType('arn:aws:iam::210987654321:user/ci-deploy access key 1')).toBe('Other');
    expect(resourceType('vpc-0c1a2b3c4d5e6f701')).toBe('Other');
  });
});

describe('CSV', () => {
  it('has one row per check and resource with every column an auditor filters on, and parses back with csv-parse', async () => {
    const input = await demoInput();
    // A bucket whose name carries a comma and a quote (as a resource label could).
    const awkward = 'arn:aws:s3:::maple "legacy", exports';
    const findings = input.findings.map((f): Finding => (f.id === 's3-versioning' ? { ...f, resources: f.resources.map((r) => (r.id === PORTAL_UPLOADS ? { ...r, id: awkward } : r)) } : f));
    const text = renderReport('csv', { ...input, findings });
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(input.findings.reduce((n, f) => n + Math.max(1, f.resources.length), 0));
    const row = rows.find((r) => r.Resource === awkward);
    expect(row).toMatchObject({
      Account: '210987654321',
      Region: 'us-east-1',
      Step: '3',
      'Check id': 's3-versioning',
      Status: 'fail',
      Severity: 'medium',
      'HIPAA section': '§164.312(c)(1)',
      'R/A': 'R',
      'Fix id': 's3-versioning',
      'Fix command': 'hipaa-wizard plan s3-versioning --demo', // the demo's hint runs as printed
    });
    const accepted = rows.find((r) => r['Check id'] === 'password-policy-strength');
    expect(accepted).toMatchObject({
      Status: 'accepted',
      'R/A': 'A',
      'Decision id': 'D-0001',
      'Decision status': 'alternative',
      'Review date': '2026-12-20',
      'Decision lapsed': 'no',
    });
    expect(accepted?.['Decision reason']).toMatch(/^Console sign-in goes through/);
    expect(rows.find((r) => r['Check id'] === 'access-key-age')).toMatchObject({ Status: 'fail', 'Decision id': 'D-0002', 'Decision lapsed': 'yes' });
  });

  it('shows a resource named like a spreadsheet formula as text, not as a formula', async () => {
    const input = await demoInput();
    const formula = '=HYPERLINK("http://evil.example","click")';
    const findings = input.findings.map((f): Finding => (f.id === 'console-users-mfa' ? { ...f, resources: f.resources.map((r, i) => (i === 0 ? { ...r, id: formula } : r)) } : f));
    const rows = parse(renderReport('csv', { ...input, findings }), { bom: true, columns: true }) as Record<string, string>[];
    const cells = rows.map((r) => r.Resource);
    expect(cells).toContain(`'${formula}`);
    expect(cells.filter((c) => /^[=+@]/.test(c ?? ''))).toEqual([]);
  });
});

describe('JUnit XML', () => {
  it('validates against the Ant/Jenkins JUnit XSD: a suite per step, a failure per failing resource, skipped with the reason', async () => {
    const input = await demoInput();
    const evil = 'arn:aws:s3:::a<b>&"c"';
    const findings = input.findings.map((f): Finding => (f.id === 's3-versioning' ? { ...f, resources: f.resources.map((r) => (r.id === PORTAL_UPLOADS ? { ...r, id: evil } : r)) } : f));
    const xml = renderReport('junit', { ...input, findings });
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'JUnit.xsd', contents: JUNIT_XSD }] });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);

    const doc = buildReport({ ...input, findings });
    expect(xml.match(/<testsuite /g)).toHaveLength(doc.categories.length);
    // a failing resource is one failure; a failing check with no resource (an account-wide gap, such as a missing alarm) is one too
    const failing = doc.findings.reduce((n, f) => n + (f.status !== 'fail' ? 0 : f.resources.length === 0 ? 1 : f.resources.filter((r) => r.status === 'fail').length), 0);
    expect(doc.findings.some((f) => f.status === 'fail' && f.resources.length === 0)).toBe(true);
    expect(xml.match(/<failure /g)).toHaveLength(failing);
    expect(xml).toContain('name="s3-versioning · arn:aws:s3:::a&lt;b&gt;&amp;&quot;c&quot; (us-east-1)"');
    expect(xml).toMatch(/<skipped message="Accepted by decision D-0001 \(alternative, review by 2026-12-20\): Console sign-in goes through/);
  });

  it('puts several accounts (an organization scan) in one valid document, a suite per account and step', async () => {
    const a = buildReport(await demoInput());
    const b = { ...a, scan: { ...a.scan, account: { ...a.scan.account, id: '111122223333' } } };
    const xml = renderFindings('junit', [a, b]);
    const result = await validateXML({ xml: [{ fileName: 'org.xml', contents: xml }], schema: [{ fileName: 'JUnit.xsd', contents: JUNIT_XSD }] });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    const ids = [...xml.matchAll(/<testsuite [^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: a.categories.length * 2 }, (_, i) => i));
    expect(xml).toContain(`name="111122223333 01 ${a.categories[0]?.title}"`);
    const csv = parse(renderFindings('csv', [a, b]), { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(csv.map((r) => r.Account))).toEqual(new Set(['210987654321', '111122223333']));
  });

  it('an XSD check that can fail: a testsuite without its required attributes is rejected', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'bad.xml', contents: '<?xml version="1.0"?><testsuites><testsuite name="x"><properties/></testsuite></testsuites>' }],
      schema: [{ fileName: 'JUnit.xsd', contents: JUNIT_XSD }],
    });
    expect(result.valid).toBe(false);
  });
});

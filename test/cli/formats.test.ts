/**
 * The built binary writing the formats security teams read: `scan --demo --format csv|junit|ocsf|asff`,
 * `report -o findings.csv`, `scan --send-to-security-hub` against an AWS-compatible endpoint (the
 * real SDK client through the client factory), and the permission it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ensureBuilt, isolatedEnv, ROOT, runCli, workDir } from '../helpers/built-cli.js';
import { FAKE_ACCOUNT, type FakeAws, startFakeAws } from '../helpers/fake-aws.js';
import { compileOcsfClass } from '../helpers/ocsf-schema.js';
import { recordDecision } from '../../src/records/record.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
let aws: FakeAws;
beforeAll(async () => {
  ensureBuilt();
  aws = await startFakeAws();
}, 240_000);
afterAll(() => aws?.close());

interface Policy {
  Statement: { Sid: string; Action: string[] }[];
}

describe('scan --format for security tools (demo)', () => {
  it('csv: one row per check and resource that parses back, and the usual exit code for failures', async () => {
    const r = await runCli(['scan', '--demo', '--format', 'csv']);
    expect(r.code).toBe(1);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    const json = JSON.parse((await runCli(['scan', '--demo', '--format', 'json'])).stdout) as { findings: { resources: unknown[] }[] };
    expect(rows).toHaveLength(json.findings.reduce((n, f) => n + Math.max(1, f.resources.length), 0));
    expect(rows.find((x) => x['Check id'] === 's3-versioning' && x.Resource === 'arn:aws:s3:::maple-portal-uploads')).toMatchObject({
      Account: '210987654321',
      Status: 'fail',
      'HIPAA section': '§164.312(c)(1)',
      'R/A': 'R',
      'Fix command': 'hipaa-wizard plan s3-versioning --demo', // the demo's hint runs as printed
    });
  });

  it('junit: valid against the JUnit XSD', async () => {
    const r = await runCli(['scan', '--demo', '--format', 'junit']);
    expect(r.code).toBe(1);
    const result = await validateXML({
      xml: [{ fileName: 'scan.xml', contents: r.stdout }],
      schema: [{ fileName: 'JUnit.xsd', contents: readFileSync(join(FIXTURES, 'junit', 'JUnit.xsd'), 'utf8') }],
    });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(r.stdout).toContain('<testsuite name="03 ');
  });

  it('ocsf and asff: every entry valid against its schema', async () => {
    const ocsf = compileOcsfClass(join(FIXTURES, 'ocsf', '1.8.0'), 'events/findings/compliance_finding.json', ['cloud']);
    const validateOcsf = new Ajv2020({ strict: false }).compile(ocsf.schema);
    const events = JSON.parse((await runCli(['scan', '--demo', '--format', 'ocsf'])).stdout) as unknown[];
    expect(events.length).toBeGreaterThan(100);
    expect(events.filter((e) => !validateOcsf(e))).toEqual([]);

    const validateAsff = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(join(FIXTURES, 'asff', 'asff.schema.json'), 'utf8')));
    const findings = JSON.parse((await runCli(['scan', '--demo', '--format', 'asff'])).stdout) as unknown[];
    expect(findings).toHaveLength(events.length);
    expect(findings.filter((f) => !validateAsff(f))).toEqual([]);
  });

  it('refuses an unknown format, and --send-to-security-hub on the demo, each in one sentence', async () => {
    const bad = await runCli(['scan', '--demo', '--format', 'sarif']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be text, json, ocsf, asff, csv or junit, not "sarif".');
    const demo = await runCli(['scan', '--demo', '--send-to-security-hub']);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain("--send-to-security-hub sends findings to the live account's Security Hub; it cannot be used with --demo.");
    expect(demo.stdout).toBe('');
  });
});

describe('report in the findings formats', () => {
  it('takes the format from the -o extension (.csv) and says what it wrote', async () => {
    const cwd = workDir();
    const r = await runCli(['report', '--demo', '-o', 'findings.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Wrote the CSV report on account 210987654321 \(\d+ findings, \d+ failing, in \d+ categories\) to findings\.csv\.$/m);
    const rows = parse(readFileSync(join(cwd, 'findings.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(100);
  });
});

describe('scan --send-to-security-hub against AWS_ENDPOINT_URL', () => {
  it('imports every finding with BatchImportFindings through the real SDK client, at most 100 a call, and suppresses what a decision covers', async () => {
    const cwd = workDir();
    await recordDecision(
      join(cwd, 'hipaa-records'),
      { subject: 'root-mfa', status: 'risk-accepted', reason: 'The root user is locked in the safe; MFA arrives with the new token next week.', owner: 'Dana Okafor', reviewBy: '2026-12-31' },
      { by: 'Dana Okafor', now: new Date('2026-11-20T10:00:00Z') },
    );
    const env = isolatedEnv({ AWS_ENDPOINT_URL: aws.url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key' });
    const r = await runCli(['scan', '--step', '1', '--region', 'us-east-1', '--regions', 'us-east-1', '--format', 'asff', '--send-to-security-hub'], { env, cwd });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const written = JSON.parse(r.stdout) as { AwsAccountId: string; ProductArn: string; GeneratorId: string; Workflow: { Status: string } }[];
    expect(written.length).toBeGreaterThan(0);
    expect(written[0]).toMatchObject({ AwsAccountId: FAKE_ACCOUNT, ProductArn: `arn:aws:securityhub:us-east-1:${FAKE_ACCOUNT}:product/${FAKE_ACCOUNT}/default` });
    const imports = aws.requests.filter((q) => q.action === 'BatchImportFindings');
    expect(imports.every((q) => q.region === 'us-east-1' && (q.findings ?? 0) <= 100)).toBe(true);
    expect(imports.reduce((n, q) => n + (q.findings ?? 0), 0)).toBe(written.length);
    const suppressed = written.filter((f) => f.Workflow.Status === 'SUPPRESSED');
    expect(suppressed.map((f) => f.GeneratorId)).toEqual(['hipaa-wizard/root-mfa']);
    const updates = aws.requests.filter((q) => q.action === 'BatchUpdateFindings');
    expect(updates.map((q) => [q.method, q.region, q.findings])).toEqual([['PATCH', 'us-east-1', 1]]);
    expect(r.stderr).toContain(
      `Sent ${written.length} findings to AWS Security Hub: ${written.length} imported, 0 not imported (${written.length} in us-east-1). Set the workflow status of 1 from the recorded decisions.`,
    );
    expect(r.code).toBe(1);
  });
});

describe('permissions --send-to-security-hub', () => {
  it('adds securityhub:BatchImportFindings only when asked', async () => {
    const plain = JSON.parse((await runCli(['permissions'])).stdout) as Policy;
    expect(plain.Statement.flatMap((s) => s.Action)).not.toContain('securityhub:BatchImportFindings');
    const withHub = JSON.parse((await runCli(['permissions', '--send-to-security-hub'])).stdout) as Policy;
    expect(withHub.Statement.filter((s) => s.Action.includes('securityhub:BatchImportFindings'))).toEqual([
      { Sid: 'HipaaWizardSendToSecurityHub', Effect: 'Allow', Action: ['securityhub:BatchImportFindings', 'securityhub:BatchUpdateFindings'], Resource: '*' },
    ]);
    expect(withHub.Statement[0]).toEqual(plain.Statement[0]);
  });
});

/**
 * `scan --send-to-security-hub`'s import: BatchImportFindings through the client factory, mocked at
 * the SDK client with Security Hub's real response shapes (FailedCount, SuccessCount,
 * FailedFindings with Id, ErrorCode, ErrorMessage) and its real errors (LimitExceededException when
 * throttled, InvalidAccessException when Security Hub is not enabled in the region).
 */
import { BatchImportFindingsCommand, BatchUpdateFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { importFindings, importSummary, workflowUpdates } from '../../src/aws/securityhub.js';
import { type AsffFinding, renderAsff } from '../../src/report/asff.js';
import { buildReport } from '../../src/report/index.js';
import { demoInput } from '../report/helpers.js';
import { awsError } from '../helpers/collection.js';

const hub = mockClient(SecurityHubClient);
let findings: AsffFinding[];
let clients: ClientFactory;

beforeEach(async () => {
  hub.reset();
  hub.on(BatchUpdateFindingsCommand).callsFake((input: { FindingIdentifiers: { Id: string; ProductArn: string }[] }) => ({ ProcessedFindings: input.FindingIdentifiers, UnprocessedFindings: [] }));
  findings = renderAsff(buildReport(await demoInput()));
  clients = new ClientFactory({ maxAttempts: 1 });
});
afterEach(() => clients.destroy());

type Sent = { Findings: AsffFinding[] };
type Update = { FindingIdentifiers: { Id: string; ProductArn: string }[]; Workflow: { Status: string }; Note: { Text: string; UpdatedBy: string } };
const updates = () => hub.commandCalls(BatchUpdateFindingsCommand).map((c) => c.args[0].input as unknown as Update);
const sentBatches = () => hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input as unknown as Sent);
const byRegion = (region: string) => findings.filter((f) => f.Region === region);
/** The batch sizes of n findings sent 100 at a time: [100, 100, …, the rest]. */
const batchesOf = (n: number) => Array.from({ length: Math.ceil(n / 100) }, (_, i) => Math.min(100, n - i * 100));

describe('importing findings into Security Hub', () => {
  it('sends every finding once, at most 100 per call, each batch to the region its ProductArn names', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: Sent) => ({ FailedCount: 0, SuccessCount: input.Findings.length, FailedFindings: [] }));
    const east = byRegion('us-east-1').length;
    const west = byRegion('us-west-2').length;
    expect(east).toBeGreaterThan(200);
    expect(west).toBeGreaterThan(0);
    expect(east + west).toBe(findings.length);

    const outcome = await importFindings(clients, findings);
    const batches = sentBatches();
    expect(batches.map((b) => b.Findings.length)).toEqual([...batchesOf(east), ...batchesOf(west)]);
    expect(batches.flatMap((b) => b.Findings.map((f) => f.Id)).sort()).toEqual(findings.map((f) => f.Id).sort());
    for (const b of batches) {
      const regions = new Set(b.Findings.map((f) => f.Region));
      expect(regions.size).toBe(1);
      const [region] = [...regions];
      for (const f of b.Findings) expect(f.ProductArn).toBe(`arn:aws:securityhub:${region}:210987654321:product/210987654321/default`);
    }
    // The client for each batch is the one for its region.
    const clientRegions = await Promise.all(hub.commandCalls(BatchImportFindingsCommand).map((c) => (c.thisValue as SecurityHubClient).config.region()));
    expect(clientRegions).toEqual([...batchesOf(east).map(() => 'us-east-1'), ...batchesOf(west).map(() => 'us-west-2')]);
    expect(outcome).toMatchObject({ successCount: findings.length, failedCount: 0, problems: [] });
    expect(importSummary(outcome)).toBe(
      `Sent ${findings.length} findings to AWS Security Hub: ${findings.length} imported, 0 not imported (${east} in us-east-1, ${west} in us-west-2). Set the workflow status of ${outcome.workflowUpdated} from the recorded decisions.`,
    );
  });

  it('reports each finding Security Hub refused (FailedFindings) as a sentence naming the check, resource and error', async () => {
    const refused = byRegion('us-east-1')[3] as AsffFinding;
    hub.on(BatchImportFindingsCommand).callsFake((input: Sent) => {
      const bad = input.Findings.filter((f) => f.Id === refused.Id);
      return {
        FailedCount: bad.length,
        SuccessCount: input.Findings.length - bad.length,
        FailedFindings: bad.map((f) => ({
          Id: f.Id,
          ErrorCode: 'InvalidInput',
          ErrorMessage: 'Finding does not adhere to Amazon Finding Format. data.Remediation.Recommendation.Text should NOT be longer than 512 characters.',
        })),
      };
    });
    const outcome = await importFindings(clients, findings);
    expect(outcome.failedCount).toBe(1);
    expect(outcome.successCount).toBe(findings.length - 1);
    expect(outcome.problems).toEqual([
      `Security Hub did not import finding ${refused.Id} (${refused.GeneratorId.replace('hipaa-wizard/', '')} on ${refused.Resources[0]?.Id}) in us-east-1: InvalidInput: Finding does not adhere to Amazon Finding Format. data.Remediation.Recommendation.Text should NOT be longer than 512 characters.`,
    ]);
    expect(outcome.regions.find((r) => r.region === 'us-east-1')).toMatchObject({ failed: 1 });
  });

  it('when Security Hub throttles a batch, says which findings were not sent and still sends the next batches', async () => {
    let call = 0;
    hub.on(BatchImportFindingsCommand).callsFake((input: Sent) => {
      call++;
      if (call === 2) throw awsError('LimitExceededException', 'Rate exceeded', 429);
      return { FailedCount: 0, SuccessCount: input.Findings.length, FailedFindings: [] };
    });
    const east = byRegion('us-east-1').length;
    const outcome = await importFindings(clients, findings);
    expect(sentBatches()).toHaveLength(batchesOf(east).length + batchesOf(byRegion('us-west-2').length).length);
    expect(outcome.failedCount).toBe(100);
    expect(outcome.successCount).toBe(findings.length - 100);
    expect(outcome.problems).toEqual([
      `Security Hub kept throttling the import in us-east-1 after the retries (LimitExceededException: Rate exceeded). Send again later; the findings keep their ids, so a second import updates them in place. The findings 101–200 of ${east} in us-east-1 were not imported.`,
    ]);
  });

  it('names the region where Security Hub is not enabled (InvalidAccessException) and imports the others', async () => {
    hub.on(BatchImportFindingsCommand).callsFake(async (input: Sent) => {
      if (input.Findings[0]?.Region === 'us-west-2')
        throw awsError('InvalidAccessException', 'Account 210987654321 is not subscribed to AWS Security Hub', 401);
      return { FailedCount: 0, SuccessCount: input.Findings.length, FailedFindings: [] };
    });
    const west = byRegion('us-west-2').length;
    const outcome = await importFindings(clients, findings);
    expect(outcome.failedCount).toBe(west);
    expect(outcome.problems).toEqual([
      `Security Hub refused the import in us-west-2 (InvalidAccessException: Account 210987654321 is not subscribed to AWS Security Hub). Enable Security Hub in us-west-2, or check that the caller may call securityhub:BatchImportFindings. The findings 1–${west} of ${west} in us-west-2 were not imported.`,
    ]);
    expect(importSummary(outcome)).toMatch(/, 0 in us-west-2 \(\d+ not imported\)\)\. /);
  });

  it('carries decisions to existing findings with BatchUpdateFindings: SUPPRESSED with the reason, NEW again when the decision lapsed', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: Sent) => ({ FailedCount: 0, SuccessCount: input.Findings.length, FailedFindings: [] }));
    const outcome = await importFindings(clients, findings);
    const sent = updates();
    const suppressed = findings.filter((f) => f.Workflow.Status === 'SUPPRESSED');
    const lapsed = findings.filter((f) => f.GeneratorId === 'hipaa-wizard/access-key-age' && f.RecordState === 'ACTIVE');
    expect(suppressed.map((f) => f.GeneratorId)).toContain('hipaa-wizard/password-policy-strength');
    expect(lapsed.length).toBeGreaterThan(0);

    const d1 = sent.find((u) => u.Note.Text.startsWith('Decision D-0001'));
    expect(d1).toEqual({
      FindingIdentifiers: findings.filter((f) => f.GeneratorId === 'hipaa-wizard/password-policy-strength').map((f) => ({ Id: f.Id, ProductArn: f.ProductArn })),
      Workflow: { Status: 'SUPPRESSED' },
      Note: { Text: expect.stringContaining('Console sign-in goes through the clinic identity provider'), UpdatedBy: 'Dana Okafor' },
    });
    const d2 = sent.find((u) => u.Note.Text.startsWith('Decision D-0002'));
    expect(d2).toEqual({
      FindingIdentifiers: lapsed.map((f) => ({ Id: f.Id, ProductArn: f.ProductArn })),
      Workflow: { Status: 'NEW' },
      Note: { Text: 'Decision D-0002 (risk-accepted) lapsed: its review date 2026-11-01 has passed, so this finding is open again.', UpdatedBy: 'hipaa-wizard' },
    });
    // Only findings with a decision recorded here are touched.
    const touched = sent.flatMap((u) => u.FindingIdentifiers.map((i) => i.Id));
    expect(new Set(touched)).toEqual(new Set([...suppressed, ...lapsed].map((f) => f.Id)));
    expect(outcome.workflowUpdated).toBe(touched.length);
  });

  it('does not try to suppress a finding Security Hub refused to import, and reports an update it could not make', async () => {
    const refused = findings.find((f) => f.GeneratorId === 'hipaa-wizard/password-policy-strength') as AsffFinding;
    hub.on(BatchImportFindingsCommand).callsFake((input: Sent) => {
      const bad = input.Findings.filter((f) => f.Id === refused.Id);
      return { FailedCount: bad.length, SuccessCount: input.Findings.length - bad.length, FailedFindings: bad.map((f) => ({ Id: f.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Invalid finding.' })) };
    });
    hub.on(BatchUpdateFindingsCommand).callsFake((input: Update) => ({
      ProcessedFindings: [],
      UnprocessedFindings: input.FindingIdentifiers.map((i) => ({ FindingIdentifier: i, ErrorCode: 'FindingNotFound', ErrorMessage: 'Finding Identifier does not exist' })),
    }));
    const outcome = await importFindings(clients, findings);
    expect(updates().flatMap((u) => u.FindingIdentifiers.map((i) => i.Id))).not.toContain(refused.Id);
    const lapsed = findings.filter((f) => f.GeneratorId === 'hipaa-wizard/access-key-age' && f.RecordState === 'ACTIVE');
    expect(outcome.problems.filter((p) => p.startsWith('Security Hub did not reopen'))).toEqual(
      lapsed.map((f) => `Security Hub did not reopen finding ${f.Id} in ${f.Region}: FindingNotFound: Finding Identifier does not exist.`),
    );
    expect(outcome.workflowUpdated).toBe(0);
  });

  it('says which action to add when the caller may import but not update findings', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: Sent) => ({ FailedCount: 0, SuccessCount: input.Findings.length, FailedFindings: [] }));
    hub.on(BatchUpdateFindingsCommand).rejects(awsError('AccessDeniedException', 'User: arn:aws:iam::210987654321:user/scanner is not authorized to perform: securityhub:BatchUpdateFindings', 403));
    const outcome = await importFindings(clients, findings);
    expect(outcome.failedCount).toBe(0);
    const refusal =
      'The caller may not call securityhub:BatchUpdateFindings in us-east-1 (AccessDeniedException: User: arn:aws:iam::210987654321:user/scanner is not authorized to perform: securityhub:BatchUpdateFindings). Add it to the policy (hipaa-wizard permissions --send-to-security-hub prints it).';
    expect(outcome.problems).toContain(`${refusal} 1 finding was not suppressed.`);
    expect(outcome.problems).toContain(`${refusal} 2 findings were not reopened.`);
  });

  it('groups updates per region and decision, at most 100 findings a call', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ ...(findings.find((f) => f.Workflow.Status === 'SUPPRESSED') as AsffFinding), Id: `x/${i}` }));
    expect(workflowUpdates(many).map((u) => u.findings.length)).toEqual([100, 50]);
  });
});

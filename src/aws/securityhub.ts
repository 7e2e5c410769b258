/**
 * `scan --send-to-security-hub`: imports the scan's ASFF findings into AWS Security Hub with
 * BatchImportFindings, through the client factory (its retries, limits and deadlines). Each finding
 * goes to the region its ProductArn names (the resource's region, the home region for global ones),
 * 100 at a time, the most one call accepts. What Security Hub refused comes back as sentences: per
 * finding (FailedFindings' Id, ErrorCode, ErrorMessage) and per batch when a call failed as a whole.
 *
 * BatchImportFindings sets Workflow and Note only when it creates a finding; afterwards Security Hub
 * keeps them. So a decision recorded after the first import, or one that lapsed, is carried to
 * the existing findings with BatchUpdateFindings: SUPPRESSED with the decision's reason in the note,
 * or back to NEW with a note saying the decision lapsed. Only findings with a decision recorded
 * here are touched; a workflow status someone set in Security Hub on another finding is left alone.
 */
import type { AsffFinding } from '../report/asff.js';
import type { ClientFactory } from './clients.js';
import { errorName } from './errors.js';

export const BATCH_SIZE = 100;

export interface ImportOutcome {
  readonly successCount: number;
  readonly failedCount: number;
  /** One sentence per finding Security Hub refused and per batch that could not be sent. */
  readonly problems: readonly string[];
  /** Per region: how many findings were sent, imported and refused. */
  readonly regions: readonly { readonly region: string; readonly sent: number; readonly imported: number; readonly failed: number }[];
  /** Findings whose workflow status and note were set from a decision (BatchUpdateFindings). */
  readonly workflowUpdated: number;
}

/** One BatchUpdateFindings call's worth: the same workflow status and note for up to 100 findings. */
export interface WorkflowUpdate {
  readonly region: string;
  readonly status: 'SUPPRESSED' | 'NEW';
  readonly note: { readonly Text: string; readonly UpdatedBy: string };
  readonly findings: readonly { readonly Id: string; readonly ProductArn: string }[];
}

/** The decisions to carry to Security Hub's workflow: suppress what a decision in force covers, reopen what lapsed. */
export function workflowUpdates(findings: readonly AsffFinding[]): WorkflowUpdate[] {
  const groups = new Map<string, { region: string; status: 'SUPPRESSED' | 'NEW'; note: { Text: string; UpdatedBy: string }; findings: { Id: string; ProductArn: string }[] }>();
  for (const f of findings) {
    let status: 'SUPPRESSED' | 'NEW';
    let note: { Text: string; UpdatedBy: string };
    const p = f.ProductFields;
    if (f.Workflow.Status === 'SUPPRESSED' && f.Note) {
      status = 'SUPPRESSED';
      note = { Text: f.Note.Text, UpdatedBy: f.Note.UpdatedBy };
    } else if (p['hipaa-wizard/DecisionLapsed'] === 'true' && f.RecordState === 'ACTIVE') {
      status = 'NEW';
      note = {
        Text: `Decision ${p['hipaa-wizard/DecisionId']} (${p['hipaa-wizard/DecisionStatus']}) lapsed: its review date ${p['hipaa-wizard/ReviewBy']} has passed, so this finding is open again.`,
        UpdatedBy: 'hipaa-wizard',
      };
    } else continue;
    const key = JSON.stringify([f.Region, status, note.Text, note.UpdatedBy]);
    const g = groups.get(key) ?? { region: f.Region, status, note, findings: [] };
    g.findings.push({ Id: f.Id, ProductArn: f.ProductArn });
    groups.set(key, g);
  }
  const out: WorkflowUpdate[] = [];
  for (const g of groups.values()) for (let i = 0; i < g.findings.length; i += BATCH_SIZE) out.push({ ...g, findings: g.findings.slice(i, i + BATCH_SIZE) });
  return out;
}

interface BatchUpdateFindingsOutput {
  ProcessedFindings?: { Id?: string; ProductArn?: string }[];
  UnprocessedFindings?: { FindingIdentifier?: { Id?: string; ProductArn?: string }; ErrorCode?: string; ErrorMessage?: string }[];
}

interface BatchImportFindingsOutput {
  FailedCount?: number;
  SuccessCount?: number;
  FailedFindings?: { Id?: string; ErrorCode?: string; ErrorMessage?: string }[];
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Why a whole BatchImportFindings or BatchUpdateFindings call failed, in words a person can act on. */
function callProblem(e: unknown, region: string, action: 'BatchImportFindings' | 'BatchUpdateFindings' = 'BatchImportFindings'): string {
  const name = errorName(e);
  const message = (e as Error | undefined)?.message ?? '';
  const why = `${name}${message ? `: ${message}` : ''}`;
  const step = action === 'BatchImportFindings' ? 'the import' : 'the update of workflow statuses from recorded decisions';
  if (name === 'InvalidAccessException')
    return `Security Hub refused ${step} in ${region} (${why}). Enable Security Hub in ${region}, or check that the caller may call securityhub:${action}.`;
  if (name === 'AccessDeniedException' || name === 'AccessDenied')
    return `The caller may not call securityhub:${action} in ${region} (${why}). Add it to the policy (hipaa-wizard permissions --send-to-security-hub prints it).`;
  if (name === 'LimitExceededException' || name === 'ThrottlingException' || name === 'TooManyRequestsException')
    return `Security Hub kept throttling ${step} in ${region} after the retries (${why}). Send again later; the findings keep their ids, so a second import updates them in place.`;
  if (name === 'InvalidInputException') return `Security Hub rejected ${step} in ${region} as invalid (${why}).`;
  return `${step[0]?.toUpperCase()}${step.slice(1)} in Security Hub in ${region} failed (${why}).`;
}

/** Sends the findings, batch by batch; a failed batch is reported and the next one is still sent. */
export async function importFindings(clients: ClientFactory, findings: readonly AsffFinding[]): Promise<ImportOutcome> {
  const byRegion = new Map<string, AsffFinding[]>();
  for (const f of findings) {
    const list = byRegion.get(f.Region) ?? [];
    list.push(f);
    byRegion.set(f.Region, list);
  }
  let successCount = 0;
  let failedCount = 0;
  const problems: string[] = [];
  const notImported = new Set<string>();
  const regions: { region: string; sent: number; imported: number; failed: number }[] = [];
  for (const [region, list] of [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const tally = { region, sent: 0, imported: 0, failed: 0 };
    regions.push(tally);
    for (let i = 0; i < list.length; i += BATCH_SIZE) {
      const batch = list.slice(i, i + BATCH_SIZE);
      const range = `findings ${i + 1}–${i + batch.length} of ${list.length}`;
      tally.sent += batch.length;
      try {
        const out = (await clients.send('securityhub', region, 'BatchImportFindings', { Findings: batch })) as BatchImportFindingsOutput;
        const failed = out?.FailedFindings ?? [];
        const nFailed = out?.FailedCount ?? failed.length;
        const nOk = out?.SuccessCount ?? batch.length - nFailed;
        tally.imported += nOk;
        tally.failed += nFailed;
        successCount += nOk;
        failedCount += nFailed;
        for (const ff of failed) {
          if (ff.Id) notImported.add(ff.Id);
          const what = batch.find((f) => f.Id === ff.Id);
          const about = what ? ` (${what.GeneratorId.replace(/^hipaa-wizard\//, '')} on ${what.Resources[0]?.Id ?? 'the account'})` : '';
          problems.push(sentence(`Security Hub did not import finding ${ff.Id ?? '(no id)'}${about} in ${region}: ${ff.ErrorCode ?? 'error'}: ${ff.ErrorMessage ?? 'no message given'}`));
        }
      } catch (e) {
        tally.failed += batch.length;
        failedCount += batch.length;
        for (const f of batch) notImported.add(f.Id);
        problems.push(`${callProblem(e, region)} The ${range} in ${region} were not imported.`);
      }
    }
  }
  let workflowUpdated = 0;
  for (const u of workflowUpdates(findings.filter((f) => !notImported.has(f.Id)))) {
    const what = u.status === 'SUPPRESSED' ? 'suppress' : 'reopen';
    try {
      const out = (await clients.send('securityhub', u.region, 'BatchUpdateFindings', {
        FindingIdentifiers: u.findings,
        Workflow: { Status: u.status },
        Note: u.note,
      })) as BatchUpdateFindingsOutput;
      workflowUpdated += out?.ProcessedFindings?.length ?? 0;
      for (const un of out?.UnprocessedFindings ?? [])
        problems.push(sentence(`Security Hub did not ${what} finding ${un.FindingIdentifier?.Id ?? '(no id)'} in ${u.region}: ${un.ErrorCode ?? 'error'}: ${un.ErrorMessage ?? 'no message given'}`));
    } catch (e) {
      const n = u.findings.length;
      problems.push(`${callProblem(e, u.region, 'BatchUpdateFindings')} ${n} ${n === 1 ? 'finding was' : 'findings were'} not ${what === 'suppress' ? 'suppressed' : 'reopened'}.`);
    }
  }
  return { successCount, failedCount, problems, regions, workflowUpdated };
}

/** The summary line after an import: counts per region. */
export function importSummary(outcome: ImportOutcome): string {
  const per = outcome.regions.map((r) => `${r.imported} in ${r.region}${r.failed ? ` (${r.failed} not imported)` : ''}`).join(', ');
  const workflow = outcome.workflowUpdated ? ` Set the workflow status of ${outcome.workflowUpdated} from the recorded decisions.` : '';
  return `Sent ${outcome.successCount + outcome.failedCount} findings to AWS Security Hub: ${outcome.successCount} imported, ${outcome.failedCount} not imported${per ? ` (${per})` : ''}.${workflow}`;
}

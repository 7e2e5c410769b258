/**
 * `scan --send-to-security-hub`: imports the scan's ASFF findings into AWS Security Hub with
 * BatchImportFindings, through the client factory (its retries, limits and deadlines). Each finding
 * goes to the region its ProductArn names (the resource's region, the home region for global ones),
 * 100 at a time, the most one call accepts. What Security Hub refused comes back as sentences: per
 * finding (FailedFindings' Id, ErrorCode, ErrorMessage) and per batch when a call failed as a whole.
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
}

interface BatchImportFindingsOutput {
  FailedCount?: number;
  SuccessCount?: number;
  FailedFindings?: { Id?: string; ErrorCode?: string; ErrorMessage?: string }[];
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Why a whole BatchImportFindings call failed, in words a person can act on. */
function callProblem(e: unknown, region: string): string {
  const name = errorName(e);
  const message = (e as Error | undefined)?.message ?? '';
  if (name === 'InvalidAccessException')
    return `Security Hub refused the import in ${region} (${name}: ${message}). Enable Security Hub in ${region}, or check that the caller may call securityhub:BatchImportFindings.`;
  if (name === 'AccessDeniedException' || name === 'AccessDenied')
    return `The caller may not call securityhub:BatchImportFindings in ${region} (${name}: ${message}). Add it to the policy (hipaa-wizard permissions --send-to-security-hub prints it).`;
  if (name === 'LimitExceededException' || name === 'ThrottlingException' || name === 'TooManyRequestsException')
    return `Security Hub kept throttling the import in ${region} after the retries (${name}: ${message}). Send again later; the findings keep their ids, so a second import updates them in place.`;
  if (name === 'InvalidInputException') return `Security Hub rejected a batch in ${region} as invalid (${name}: ${message}).`;
  return `The import into Security Hub in ${region} failed (${name}${message ? `: ${message}` : ''}).`;
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
        const failed = out.FailedFindings ?? [];
        const nFailed = out.FailedCount ?? failed.length;
        const nOk = out.SuccessCount ?? batch.length - nFailed;
        tally.imported += nOk;
        tally.failed += nFailed;
        successCount += nOk;
        failedCount += nFailed;
        for (const ff of failed) {
          const what = batch.find((f) => f.Id === ff.Id);
          const about = what ? ` (${what.GeneratorId.replace(/^hipaa-wizard\//, '')} on ${what.Resources[0]?.Id ?? 'the account'})` : '';
          problems.push(sentence(`Security Hub did not import finding ${ff.Id ?? '(no id)'}${about} in ${region}: ${ff.ErrorCode ?? 'error'}: ${ff.ErrorMessage ?? 'no message given'}`));
        }
      } catch (e) {
        tally.failed += batch.length;
        failedCount += batch.length;
        problems.push(`${callProblem(e, region)} The ${range} in ${region} were not imported.`);
      }
    }
  }
  return { successCount, failedCount, problems, regions };
}

/** The summary line after an import: counts per region. */
export function importSummary(outcome: ImportOutcome): string {
  const per = outcome.regions.map((r) => `${r.imported} in ${r.region}${r.failed ? ` (${r.failed} not imported)` : ''}`).join(', ');
  return `Sent ${outcome.successCount + outcome.failedCount} findings to AWS Security Hub: ${outcome.successCount} imported, ${outcome.failedCount} not imported${per ? ` (${per})` : ''}.`;
}

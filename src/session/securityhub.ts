/**
 * `scan --send-to-security-hub`: one account's findings (as ASFF) imported into its Security Hub
 * through the live source's clients (src/aws/securityhub.ts does the calls). Returns the sentences to
 * show: one per finding Security Hub refused, and a summary.
 */
import type { AsffFinding } from '../report/asff.js';
import type { LiveSource } from './source.js';

export async function sendToSecurityHub(source: LiveSource, findings: readonly AsffFinding[]): Promise<{ readonly ok: boolean; readonly problems: readonly string[]; readonly summary: string }> {
  const { importFindings, importSummary } = await import('../aws/securityhub.js');
  const outcome = await importFindings(source.clients, findings as AsffFinding[]);
  return { ok: outcome.failedCount === 0, problems: outcome.problems, summary: importSummary(outcome) };
}

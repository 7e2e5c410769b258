/** `hipaa-wizard decide CHECK --status … --reason …`: record a §164.306(d)(3) decision, for scripts. */
import type { Command } from 'commander';
import { loadRegistry } from '../../engine/registry.js';
import { recordDecision } from '../../records/record.js';
import { DECISION_STATUSES } from '../../schemas/records.js';
import { currentUser } from '../../records/store.js';
import { loadRecordsView } from '../../records/view.js';
import { UsageError } from '../common.js';
import { clockNow, RECORDS_OPTION, recordsAction } from './records.js';

const collect = (value: string, previous: string[]) => [...previous, value];
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

interface DecideOptions {
  status: string;
  account?: string;
  allAccounts?: boolean;
  reason: string;
  alternative?: string;
  owner?: string;
  approvedBy?: string;
  decidedBy?: string;
  decidedAt?: string;
  reviewBy?: string;
  scopeAccounts?: string;
  scopeRegions?: string;
  scopeResources?: string;
  evidence: string[];
  by?: string;
  records: string;
}

export function registerDecide(program: Command): void {
  program
    .command('decide <subject>')
    .description('record a decision on a check, an attestation or a HIPAA section (a later decision supersedes an earlier one)')
    .requiredOption('--status <status>', DECISION_STATUSES.join(' | '))
    .requiredOption('--reason <text>', 'why, in a real sentence (how it is implemented, why not reasonable, why the risk is accepted, why it does not apply)')
    .option('--alternative <text>', 'the equivalent measure in place (status alternative)')
    .option('--owner <person>', 'who owns the accepted risk (required for risk-accepted)')
    .option('--approved-by <person>', 'who approved the decision')
    .option('--decided-by <person>', 'who decided (default: --by)')
    .option('--decided-at <date>', 'when it was decided, YYYY-MM-DD (default: today)')
    .option('--review-by <date>', 'YYYY-MM-DD after which it lapses (default: a year after the decision; required for risk-accepted)')
    .option('--account <id>', 'the AWS account id it was made on (one of --account, --scope-accounts or --all-accounts is required)')
    .option('--scope-accounts <list>', 'the AWS account ids it holds on, comma-separated')
    .option('--all-accounts', 'it holds on every account (an organization-wide policy), said on purpose')
    .option('--scope-regions <list>', 'only these regions')
    .option('--scope-resources <list>', 'only these resources (ARNs or names as the findings show them)')
    .option('--evidence <file>', 'a file supporting the decision; its SHA-256 is recorded (repeatable)', collect, [])
    .option('--by <person>', 'who is recording it (default: HIPAA_WIZARD_USER or the OS user)')
    .option(...RECORDS_OPTION)
    .action((subject: string, o: DecideOptions) =>
      recordsAction(async () => {
        const accounts = accountsOf(o);
        if (!accounts && !o.allAccounts)
          throw new UsageError(
            `Say which account the decision on ${subject} was made on: --account ID (the account the findings came from), --scope-accounts ID,ID for several, or --all-accounts for an organization-wide policy. A decision made on one account never accepts findings on another unless it says so.`,
          );
        if (accounts && o.allAccounts) throw new UsageError('Use --all-accounts alone, or name the accounts with --account or --scope-accounts, not both.');
        const now = clockNow();
        const before = (await loadRecordsView(o.records)).decisionFor(subject.trim().replace(/^§\s*/, ''));
        const { entry, decision } = await recordDecision(
          o.records,
          {
            subject,
            status: o.status,
            reason: o.reason,
            alternative: o.alternative,
            owner: o.owner,
            approvedBy: o.approvedBy,
            decidedBy: o.decidedBy,
            decidedAt: o.decidedAt,
            reviewBy: o.reviewBy,
            scope: { accounts, regions: list(o.scopeRegions), resources: list(o.scopeResources) },
            evidence: o.evidence,
          },
          { by: o.by ?? currentUser(), now, registry: await loadRegistry() },
        );
        const what = /^164\./.test(decision.subject) ? `finding citing §${decision.subject}` : `${decision.subject} finding`;
        const covers = decision.status === 'implemented' ? '' : ` A failing ${what} shows as accepted until ${decision.reviewBy}, then fails again until the decision is reviewed.`;
        const scoped = decision.scope?.accounts ?? [];
        const where = scoped.length
          ? ` It applies to account${scoped.length === 1 ? '' : 's'} ${scoped.join(', ')} only.`
          : ' It applies to every account (--all-accounts).';
        process.stdout.write(
          `Recorded ${entry.id}: ${decision.subject} is ${decision.status}, review by ${decision.reviewBy} (decided by ${decision.decidedBy}${decision.approvedBy ? `, approved by ${decision.approvedBy}` : ''}).${before ? ` It supersedes ${before.id}.` : ''}${where}${covers}\n`,
        );
      }),
    );
}

/** --account and --scope-accounts together: the accounts a decision is limited to (none: every account). */
function accountsOf(o: DecideOptions): string[] | undefined {
  const all = [...(o.account ? [o.account] : []), ...(list(o.scopeAccounts) ?? [])].map((a) => a.trim()).filter(Boolean);
  return all.length ? [...new Set(all)] : undefined;
}

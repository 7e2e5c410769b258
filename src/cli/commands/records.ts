/**
 * `hipaa-wizard records list | show ID | verify | export`: read the records folder. Nothing here
 * writes to the register; `decide`, `attest` and `vendor` append to it.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Decision } from '../../engine/model.js';
import { loadRegistry } from '../../engine/registry.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { RecordsError } from '../../records/errors.js';
import { buildExport, exportMarkdown } from '../../records/export.js';
import { decisionsAtRiskUnderProposedRule, PROPOSED_RULE_LABEL, sectionResolver } from '../../records/proposed-rule.js';
import { type RecordEntry, type RegisterScan, scanRegister } from '../../records/store.js';
import { evidenceDrift } from '../../records/validate.js';
import { DEFAULT_RECORDS_DIR, decisionOf, type FullRecordsView, viewOfScan } from '../../records/view.js';
import { UsageError } from '../common.js';
import { colorEnabled, type Paint, painter } from '../../report/style.js';

/** The clock: HIPAA_WIZARD_NOW pins it (tests, reproducible exports). */
export function clockNow(): Date {
  const pinned = process.env.HIPAA_WIZARD_NOW;
  const now = pinned ? new Date(pinned) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`HIPAA_WIZARD_NOW="${pinned}" is not a date.`);
  return now;
}

/** Runs a records action, turning a records-folder failure into one sentence and exit code 2. */
export async function recordsAction(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof RecordsError) throw new UsageError(e.message);
    throw e;
  }
}

export const RECORDS_OPTION = ['--records <dir>', 'the records folder', DEFAULT_RECORDS_DIR] as const;

const day = (iso: string) => iso.slice(0, 10);

/** One line describing an entry's content. */
export function describeEntry(e: RecordEntry): string {
  const b = e.body as Record<string, unknown>;
  switch (e.kind) {
    case 'decision': {
      const d = decisionOf(e);
      return `${d.subject}: ${d.status}, review by ${d.reviewBy} (decided by ${d.decidedBy}${d.approvedBy ? `, approved by ${d.approvedBy}` : ''})`;
    }
    case 'attestation':
      return `${String(b.attestation)}: answered ${String(b.answer)} by ${String(b.attestedBy)} on ${day(String(b.attestedAt))}`;
    case 'vendor':
      return `${String(b.name)} (${String(b.id)})${b.retired ? ' retired' : `: ${b.baaSignedOn ? `BAA signed ${String(b.baaSignedOn)}${b.baaExpiresOn ? `, expires ${String(b.baaExpiresOn)}` : ''}` : 'no BAA on record'}`}`;
    default: {
      if (typeof b.summary === 'string') return b.summary;
      if (typeof b.remediation === 'string') {
        const op = b.operation === 'undo' ? `undo of ${typeof b.undoOf === 'string' ? b.undoOf : 'a change'}` : 'applied';
        return `${op}: ${b.remediation}${typeof b.title === 'string' ? ` (${b.title})` : ''}${typeof b.outcome === 'string' ? `, ${b.outcome}` : ''}${typeof b.account === 'string' ? ` in account ${b.account}` : ''}`;
      }
      return Object.keys(b).slice(0, 4).join(', ');
    }
  }
}

function warnProblems(scan: RegisterScan, view: FullRecordsView): void {
  const errors = scan.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  process.stderr.write(`warning: the register fails verification: ${errors[0]!.message}\n`);
  if (view.untrusted() > 0) process.stderr.write(`warning: ${view.untrusted()} entries from there on are listed but not applied; run "hipaa-wizard records verify".\n`);
}

function proposedRuleText(decisions: readonly Decision[], sectionOf: (s: string) => string | undefined, paint: Paint): string {
  const conflicts = decisionsAtRiskUnderProposedRule(decisions, sectionOf);
  const lines = [paint('yellow', `PROPOSAL, NOT IN FORCE. ${PROPOSED_RULE_LABEL}`), ''];
  if (conflicts.length === 0) {
    lines.push('No recorded decision relies on a specification being addressable, so none would change under the proposal.');
  } else {
    lines.push(`${conflicts.length} recorded decision${conflicts.length === 1 ? '' : 's'} would no longer be accepted if the proposal were finalized:`, '');
    for (const c of conflicts) lines.push(`  ${paint('bold', c.decision.id)}  ${c.explanation}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerRecords(program: Command): void {
  const records = program
    .command('records')
    .description('the records folder: decisions, attestations, vendors and applied fixes, hash-chained and append-only');

  records
    .command('list')
    .description('list the entries (newest decision per subject marked current), or the proposed-rule view')
    .option(...RECORDS_OPTION)
    .option('--proposed-rule', "show which decisions HHS's January 2025 proposed rule (not in force) would no longer accept")
    .option('--kind <kind>', 'only decision, attestation, vendor or journal entries')
    .option('--demo', "layer the demo clinic's sample records under the folder")
    .option('--format <format>', 'text or json', 'text')
    .action((o: { records: string; proposedRule?: boolean; kind?: string; demo?: boolean; format: string }) =>
      recordsAction(async () => {
        if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
        if (o.kind && !['decision', 'attestation', 'vendor', 'journal'].includes(o.kind)) throw new UsageError(`--kind must be decision, attestation, vendor or journal, not "${o.kind}".`);
        const now = clockNow();
        const scan = await scanRegister(o.records);
        const base = o.demo ? await loadDemoRecords(now) : undefined;
        const view = viewOfScan(scan, base);
        warnProblems(scan, view);
        const paint = painter(colorEnabled());
        if (o.proposedRule) {
          const sectionOf = sectionResolver(await loadRegistry());
          if (o.format === 'json') {
            const conflicts = decisionsAtRiskUnderProposedRule(view.decisions(), sectionOf);
            process.stdout.write(`${JSON.stringify({ label: PROPOSED_RULE_LABEL, inForce: false, decisions: conflicts }, null, 2)}\n`);
          } else process.stdout.write(proposedRuleText(view.decisions(), sectionOf, paint));
          return;
        }
        const entries = scan.entries.filter((e) => !o.kind || e.kind === o.kind);
        if (o.demo && base && o.format === 'text' && (!o.kind || o.kind === 'decision')) {
          process.stdout.write(`${paint('gray', "The demo clinic's sample decisions (not in the folder; entries in the folder supersede them):")}\n`);
          for (const d of base.decisions) process.stdout.write(`${paint('bold', d.id)}  ${day(d.decidedAt)}  ${'decision'.padEnd(11)} ${d.subject}: ${d.status}, review by ${d.reviewBy} (decided by ${d.decidedBy})\n`);
          process.stdout.write('\n');
        }
        if (o.format === 'json') {
          process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
          return;
        }
        if (entries.length === 0) {
          process.stdout.write(scan.entries.length === 0 ? `Nothing is recorded in ${o.records} yet.\n` : `No ${o.kind} entries in ${o.records}.\n`);
          return;
        }
        const current = new Set(view.decisions().map((d) => d.id));
        const today = day(now.toISOString());
        for (const e of entries) {
          let mark = '';
          if (e.kind === 'decision') {
            const d = decisionOf(e);
            mark = !current.has(e.id) ? paint('gray', ' [superseded]') : d.reviewBy < today ? paint('red', ' [lapsed]') : paint('green', ' [current]');
          }
          process.stdout.write(`${paint('bold', e.id)}  ${day(e.at)}  ${e.kind.padEnd(11)} ${describeEntry(e)}${mark}\n`);
        }
      }),
    );

  records
    .command('show <id>')
    .description('show one entry in full (an id like D-0007, or its sequence number), with the history of its subject')
    .option(...RECORDS_OPTION)
    .action((ref: string, o: { records: string }) =>
      recordsAction(async () => {
        const scan = await scanRegister(o.records);
        const wanted = ref.trim().toUpperCase();
        const seq = /^\d+$/.test(wanted) ? Number(wanted) : /^[DAVJ]-?\d+$/.test(wanted) ? Number(wanted.replace(/^[DAVJ]-?/, '')) : Number.NaN;
        const index = scan.entries.findIndex((e) => e.id === wanted || (e.seq === seq && (/^\d+$/.test(wanted) || e.id[0] === wanted[0])));
        const entry = scan.entries[index];
        if (!entry) throw new UsageError(`There is no entry "${ref}" in ${o.records}; "hipaa-wizard records list" shows the ids.`);
        const paint = painter(colorEnabled());
        const line = scan.lines[index];
        const problems = scan.problems.filter((p) => p.line === line && p.severity === 'error');
        process.stdout.write(`${paint('bold', entry.id)} (${entry.kind}, line ${line} of ${scan.file})\n`);
        process.stdout.write(problems.length ? paint('red', `This entry fails verification: ${problems.map((p) => p.message).join(' ')}\n`) : '');
        process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
        if (entry.kind === 'decision') {
          const subject = decisionOf(entry).subject;
          const history = scan.entries.filter((e) => e.kind === 'decision' && decisionOf(e).subject === subject);
          if (history.length > 1) {
            process.stdout.write(`\nEvery decision on ${subject}, oldest first (the last one is in effect):\n`);
            for (const h of history) process.stdout.write(`  ${h.id === entry.id ? paint('bold', h.id) : h.id}  ${day(h.at)}  ${describeEntry(h)}\n`);
          }
        }
      }),
    );

  records
    .command('verify')
    .description('check the hash chain: names the first edited, deleted, inserted, reordered or cut-short entry (exit 1 when it fails); also re-hashes evidence files')
    .option(...RECORDS_OPTION)
    .option('--format <format>', 'text or json', 'text')
    .action((o: { records: string; format: string }) =>
      recordsAction(async () => {
        if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
        const scan = await scanRegister(o.records);
        const errors = scan.problems.filter((p) => p.severity === 'error');
        const notices = scan.problems.filter((p) => p.severity === 'notice');
        const last = scan.entries.at(-1);
        const evidence = await evidenceDrift(scan.entries);
        process.exitCode = errors.length ? 1 : 0;
        if (o.format === 'json') {
          process.stdout.write(`${JSON.stringify({ file: scan.file, ok: errors.length === 0, entries: scan.entries.length, head: last ? { seq: last.seq, id: last.id, hash: last.hash } : null, errors, notices, evidence }, null, 2)}\n`);
          return;
        }
        const paint = painter(colorEnabled());
        if (errors.length) {
          const first = errors[0]!;
          process.stdout.write(`${paint('red', 'FAILS')} ${scan.file} does not verify. The first bad ${first.entryId ? `entry is ${first.entryId}` : 'line'}: ${first.message}\n`);
          for (const e of errors.slice(1)) process.stdout.write(`  also: ${e.message}\n`);
        } else if (!last) {
          process.stdout.write(`Nothing is recorded in ${o.records} yet; there is nothing to verify.\n`);
        } else {
          process.stdout.write(`${paint('green', 'OK')} ${scan.file} verifies: ${scan.entries.length} entries, seq 1 to ${last.seq}, each chained to the one before. Last entry ${last.id}, hash ${last.hash}.\n`);
        }
        for (const n of notices) process.stdout.write(`  note: ${n.message}\n`);
        for (const d of evidence) process.stdout.write(`  evidence: ${d.message}\n`);
      }),
    );

  records
    .command('export')
    .description('write the register for an auditor: current decisions, history, attestations, vendors, integrity and retention')
    .option(...RECORDS_OPTION)
    .requiredOption('--format <format>', 'md or json')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--demo', "layer the demo clinic's sample records under the folder")
    .action((o: { records: string; format: string; output?: string; demo?: boolean }) =>
      recordsAction(async () => {
        if (o.format !== 'md' && o.format !== 'json') throw new UsageError(`--format must be md or json, not "${o.format}".`);
        const now = clockNow();
        const scan = await scanRegister(o.records);
        const view = viewOfScan(scan, o.demo ? await loadDemoRecords(now) : undefined);
        warnProblems(scan, view);
        const data = buildExport({ dir: o.records, view, allEntries: scan.entries, problems: scan.problems, now, sectionOf: sectionResolver(await loadRegistry()) });
        const text = o.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : exportMarkdown(data);
        if (o.output) {
          try {
            await writeFile(o.output, text);
          } catch (e) {
            throw new UsageError(`Cannot write ${o.output}: ${(e as Error).message}`);
          }
          process.stderr.write(`Wrote ${o.output}. ${data.retention.sentence}\n`);
        } else {
          process.stdout.write(text);
          process.stderr.write(`${data.retention.sentence}\n`);
        }
      }),
    );
}

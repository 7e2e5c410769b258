/**
 * `hipaa-wizard records list | show ID | verify | export`: read the records folder. Nothing here
 * writes to the register; `decide`, `attest` and `vendor` append to it.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Decision } from '../../engine/model.js';
import { loadRegistry } from '../../engine/registry.js';
import { writeFileAtomic } from '../../lib/files.js';
import { addDays, isoDay } from '../../lib/time.js';
import { type Anchor, AnchorError, anchorOf, checkAnchors, parseAnchorsFile } from '../../records/anchor.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { RecordsError } from '../../records/errors.js';
import { buildExport, exportMarkdown } from '../../records/export.js';
import { decisionsAtRiskUnderProposedRule, PROPOSED_RULE_LABEL, sectionResolver } from '../../records/proposed-rule.js';
import { currentUser, type RecordEntry, type RegisterScan, scanRegister, trustedEntries } from '../../records/store.js';
import { evidenceDrift, refusedDecisions } from '../../records/validate.js';
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

interface AnchorOptions {
  anchors?: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

const anchorRegion = (o: AnchorOptions) => o.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';

/** Reads the anchors from a file (JSON Lines) or from s3://bucket/prefix. */
async function readAnchors(where: string, o: AnchorOptions): Promise<{ anchor: Anchor; from: string }[]> {
  try {
    if (where.startsWith('s3://')) {
      const { listS3Anchors } = await import('../../session/anchors.js');
      return await listS3Anchors(where, { profile: o.profile, endpointUrl: o.endpointUrl, region: anchorRegion(o) });
    }
    let text: string;
    try {
      text = await readFile(where, 'utf8');
    } catch (e) {
      throw new UsageError(`Cannot read the anchors file ${where}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    }
    return parseAnchorsFile(text, where);
  } catch (e) {
    if (e instanceof AnchorError) throw new UsageError(e.message);
    throw e;
  }
}

/** Writes the anchor; returns where, as words. */
async function writeAnchor(anchor: Anchor, o: AnchorOptions & { to: string; retainDays: string }, now: Date): Promise<string> {
  try {
    if (o.to.startsWith('s3://')) {
      const days = Number(o.retainDays);
      if (!Number.isInteger(days) || days < 1) throw new UsageError(`--retain-days must be a whole number of days, not "${o.retainDays}".`);
      const { putS3Anchor } = await import('../../session/anchors.js');
      const until = addDays(now, days);
      const { bucket, key, existed } = await putS3Anchor(o.to, { profile: o.profile, endpointUrl: o.endpointUrl, region: anchorRegion(o) }, anchor, until);
      return existed
        ? `already: s3://${bucket}/${key} holds this head, locked`
        : `to s3://${bucket}/${key}, locked in COMPLIANCE mode until ${isoDay(until)} (nobody can delete or change it before then)`;
    }
    try {
      await appendFile(o.to, `${JSON.stringify(anchor)}\n`, { flag: 'a' });
    } catch (e) {
      throw new UsageError(`Cannot write the anchor to ${o.to}: ${(e as Error).message}`);
    }
    return `to ${o.to} (keep that file where the register's owner cannot change it, e.g. with the auditor)`;
  } catch (e) {
    if (e instanceof AnchorError) throw new UsageError(e.message);
    throw e;
  }
}

/** One line describing an entry's content. */
export function describeEntry(e: RecordEntry): string {
  switch (e.kind) {
    case 'decision': {
      const d = decisionOf(e);
      const accounts = d.scope?.accounts ?? [];
      const where = accounts.length ? `account${accounts.length === 1 ? '' : 's'} ${accounts.join(', ')}` : 'every account';
      return `${d.subject}: ${d.status}, review by ${d.reviewBy} (decided by ${d.decidedBy}${d.approvedBy ? `, approved by ${d.approvedBy}` : ''}), on ${where}`;
    }
    case 'attestation': {
      const a = e.body;
      return `${a.attestation}: answered ${a.answer} by ${a.attestedBy} on ${isoDay(a.attestedAt)}`;
    }
    case 'vendor': {
      const v = e.body;
      return `${v.name} (${v.id})${v.retired ? ' retired' : `: ${v.baaSignedOn ? `BAA signed ${v.baaSignedOn}${v.baaExpiresOn ? `, expires ${v.baaExpiresOn}` : ''}` : 'no BAA on record'}`}`;
    }
    default: {
      const b = e.body;
      if (typeof b.summary === 'string') return b.summary;
      if (typeof b.remediation === 'string') {
        const op = b.operation === 'undo' ? `undo of ${typeof b.undoOf === 'string' ? b.undoOf : 'a change'}` : 'applied';
        return `${op}: ${b.remediation}${typeof b.title === 'string' ? ` (${b.title})` : ''}${typeof b.outcome === 'string' ? `, ${b.outcome}` : ''}${typeof b.account === 'string' ? ` in account ${b.account}` : ''}`;
      }
      return Object.keys(b).slice(0, 4).join(', ');
    }
  }
}

/**
 * What each decision entry is now: in force (current or lapsed), superseded by a named later entry on
 * the same subject, or not applied (it comes after a point where the register fails verification).
 */
export function decisionLabels(scan: RegisterScan, view: FullRecordsView, today: string): Map<string, { text: string; color: 'green' | 'red' | 'gray' | 'yellow' }> {
  const current = new Set(view.decisions().map((d) => d.id));
  const trusted = new Set(trustedEntries(scan).map((e) => e.id));
  const out = new Map<string, { text: string; color: 'green' | 'red' | 'gray' | 'yellow' }>();
  const decisions = scan.entries.filter((e) => e.kind === 'decision');
  decisions.forEach((e, i) => {
    const d = decisionOf(e);
    if (!trusted.has(e.id)) {
      out.set(e.id, { text: 'not applied: after a verification failure', color: 'yellow' });
      return;
    }
    if (current.has(e.id)) {
      out.set(e.id, d.reviewBy < today ? { text: 'lapsed', color: 'red' } : { text: 'current', color: 'green' });
      return;
    }
    const later = decisions.slice(i + 1).find((x) => trusted.has(x.id) && decisionOf(x).subject === d.subject);
    out.set(e.id, later ? { text: `superseded by ${later.id}`, color: 'gray' } : { text: 'not applied', color: 'yellow' });
  });
  return out;
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
          for (const d of base.decisions) process.stdout.write(`${paint('bold', d.id)}  ${isoDay(d.decidedAt)}  ${'decision'.padEnd(11)} ${d.subject}: ${d.status}, review by ${d.reviewBy} (decided by ${d.decidedBy})\n`);
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
        const today = isoDay(now);
        const labels = decisionLabels(scan, view, today);
        for (const e of entries) {
          let mark = '';
          const label = labels.get(e.id);
          if (label) mark = paint(label.color, ` [${label.text}]`);
          process.stdout.write(`${paint('bold', e.id)}  ${isoDay(e.at)}  ${e.kind.padEnd(11)} ${describeEntry(e)}${mark}\n`);
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
            for (const h of history) process.stdout.write(`  ${h.id === entry.id ? paint('bold', h.id) : h.id}  ${isoDay(h.at)}  ${describeEntry(h)}\n`);
          }
        }
      }),
    );

  records
    .command('verify')
    .description(
      'check the hash chain: names the first edited, deleted, inserted, reordered or cut-short entry (exit 1 when it fails); also re-hashes evidence files and names decisions in effect that HIPAA does not allow (exit 1)',
    )
    .option(...RECORDS_OPTION)
    .option('--format <format>', 'text or json', 'text')
    .option('--anchors <where>', 'also prove every head anchored with "records anchor" is still in the register: the anchors file, or s3://bucket/prefix')
    .option('--profile <name>', 'AWS profile for reading anchors from S3')
    .option('--region <region>', "the anchors bucket's region (default: AWS_REGION or us-east-1)")
    .option('--endpoint-url <url>', 'send the S3 calls to this endpoint (AWS_ENDPOINT_URL works too)')
    .action((o: { records: string; format: string } & AnchorOptions) =>
      recordsAction(async () => {
        if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
        const scan = await scanRegister(o.records);
        const anchors = o.anchors ? await readAnchors(o.anchors, o) : undefined;
        const anchorProblems = anchors ? checkAnchors(scan.entries, anchors) : [];
        const errors = scan.problems.filter((p) => p.severity === 'error');
        const notices = scan.problems.filter((p) => p.severity === 'notice');
        const last = scan.entries.at(-1);
        const evidence = await evidenceDrift(scan.entries, o.records);
        // A decision HIPAA does not allow (written before decide refused it) is a problem of content,
        // not of the chain: the one in effect fails verify; one replaced since is a note.
        const refused = refusedDecisions(scan.entries, await loadRegistry());
        const hipaa = refused.filter((r) => !r.supersededBy);
        // A changed evidence file fails; a missing one is said (the files may live elsewhere than the register).
        const changed = evidence.filter((d) => d.problem === 'changed');
        const ok = errors.length === 0 && anchorProblems.length === 0 && changed.length === 0 && hipaa.length === 0;
        process.exitCode = ok ? 0 : 1;
        if (o.format === 'json') {
          process.stdout.write(
            `${JSON.stringify({ file: scan.file, ok, chainOk: errors.length === 0, entries: scan.entries.length, head: last ? { seq: last.seq, id: last.id, hash: last.hash } : null, errors, notices, evidence, hipaa: refused, anchors: anchors ? { checked: anchors.length, problems: anchorProblems } : undefined }, null, 2)}\n`,
          );
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
        for (const d of evidence) process.stdout.write(`  ${d.problem === 'changed' ? paint('red', 'evidence') : 'evidence'}: ${d.message}\n`);
        if (hipaa.length) {
          process.stdout.write(
            `${paint('red', 'HIPAA')} ${hipaa.length === 1 ? 'One decision in effect records' : `${hipaa.length} decisions in effect record`} what HIPAA does not allow on a required specification (the chain itself is intact; record a new decision on the subject to replace ${hipaa.length === 1 ? 'it' : 'them'}):\n`,
          );
          for (const r of hipaa) process.stdout.write(`  ${r.message}\n`);
        }
        for (const r of refused.filter((x) => x.supersededBy)) process.stdout.write(`  note: ${r.message}\n`);
        if (anchors) {
          if (anchorProblems.length === 0)
            process.stdout.write(
              anchors.length === 0
                ? `  anchors: none found in ${o.anchors}; nothing to compare with.\n`
                : `  anchors: all ${anchors.length} anchored head${anchors.length === 1 ? ' is' : 's are'} still in the register, unchanged.\n`,
            );
          for (const p of anchorProblems) process.stdout.write(`  ${paint('red', 'anchor')}: ${p.message}\n`);
        }
      }),
    );

  records
    .command('anchor')
    .description("write the register's head (last entry and hash) where its owner cannot rewrite it: a file the auditor keeps, or an S3 bucket with Object Lock")
    .option(...RECORDS_OPTION)
    .requiredOption('--to <where>', 'a file to append the anchor to (JSON Lines), or s3://bucket/prefix (the bucket must have Object Lock)')
    .option('--retain-days <days>', 'S3 only: how long Object Lock keeps the anchor (COMPLIANCE mode)', '2192')
    .option('--by <person>', 'who anchors it (default: HIPAA_WIZARD_USER or the OS user)')
    .option('--profile <name>', 'AWS profile for writing to S3')
    .option('--region <region>', "the bucket's region (default: AWS_REGION or us-east-1)")
    .option('--endpoint-url <url>', 'send the S3 calls to this endpoint (AWS_ENDPOINT_URL works too)')
    .action((o: { records: string; to: string; retainDays: string; by?: string } & AnchorOptions) =>
      recordsAction(async () => {
        const scan = await scanRegister(o.records);
        const errors = scan.problems.filter((p) => p.severity === 'error');
        if (errors.length) throw new UsageError(`The register does not verify (${errors[0]!.message}); anchoring it now would vouch for a damaged register. Run "hipaa-wizard records verify".`);
        const now = clockNow();
        const anchor = anchorOf(scan.entries, resolve(scan.file), o.by ?? currentUser(), now);
        const where = await writeAnchor(anchor, o, now);
        process.stdout.write(`Anchored ${anchor.id} (seq ${anchor.seq}, hash ${anchor.hash}) ${where}. "hipaa-wizard records verify --anchors ${o.to}" proves later that the register still holds it.\n`);
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
            await writeFileAtomic(o.output, text, { mode: 0o600 });
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

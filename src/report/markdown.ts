/**
 * The report as Markdown (CommonMark with GitHub tables): for a ticket, a wiki page or a pull
 * request. Every string from the account or the records is escaped, so a resource name cannot
 * inject markup, links or HTML into the document.
 */
import { findingsOf, type ReportDocument, type ReportFinding, STATUS_ORDER } from './model.js';
import { accountLabel, DUE_KIND_LABEL, dueWhen, MODE_LABEL, recordsLine, recordsWarning, STATUS_TEXT } from './text.js';

/** Escapes text inside a line for Markdown: every mark that can start inline markup, and line breaks. */
export function md(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** Escapes text that starts a paragraph: also what would make it a heading, a list or a quote. */
export function mdParagraph(text: string): string {
  return md(text)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A code span that holds any text (a fence longer than any run of backticks inside; pipes escaped for tables). */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const inner = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inner}${pad}${fence}`;
}

const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

function findingBlock(f: ReportFinding): string[] {
  const out: string[] = [];
  out.push(`#### ${STATUS_TEXT[f.status]} · ${md(f.title)} (${code(f.id)})`, '');
  out.push(mdParagraph(f.message), '');
  out.push(`- **Severity:** ${f.severity}`);
  out.push(`- **HIPAA:** ${md(f.hipaa.section)} ${md(f.hipaa.title)} (${f.hipaa.obligation})`);
  out.push(`- **HITRUST:** ${f.hitrust.length ? f.hitrust.map(md).join(', ') : 'none mapped'}`);
  if (f.kind === 'attestation') out.push('- **Kind:** attestation (answered by a person)');
  if (f.status !== f.evaluatedStatus) out.push(`- **Evaluated as:** ${STATUS_TEXT[f.evaluatedStatus]} before the recorded decision`);
  if (f.remediation) {
    out.push(`- **Fix:** ${md(f.remediation.title)} (${code(f.remediation.id)}${f.remediation.risk ? `, ${f.remediation.risk}` : ''}); preview it with ${code(f.remediation.planCommand)}`);
  }
  if (f.missingPermissions.length) out.push(`- **Missing permissions:** ${f.missingPermissions.map(code).join(', ')}`);
  if (f.decision) {
    const d = f.decision;
    out.push(
      `- **Decision:** ${code(d.id)} (${md(d.status)}) by ${md(d.decidedBy)}: ${md(d.reason)} ${d.lapsed ? `It lapsed on ${d.reviewBy}.` : `Review by ${d.reviewBy}.`}`,
    );
  }
  const notPassing = f.resources.filter((r) => r.status !== 'pass');
  const passing = f.resources.length - notPassing.length;
  if (notPassing.length) {
    out.push('- **Resources:**');
    for (const r of notPassing) {
      const where = r.region ? ` in ${md(r.region)}` : '';
      const missing = r.missingPermission ? ` (needs ${code(r.missingPermission)})` : '';
      out.push(`  - ${r.status}: ${code(r.id)}${where}: ${md(r.detail)}${missing}`);
    }
  }
  if (passing) out.push(`- **Passing resources:** ${passing}`);
  out.push(`- **Why it matters:** ${md(f.why)}`, '');
  return out;
}

export function renderMarkdown(doc: ReportDocument): string {
  const { scan, summary } = doc;
  const out: string[] = [];
  out.push(`# HIPAA safeguards report: account ${md(accountLabel(doc))}`, '');
  if (scan.mode !== 'live') out.push(`> **${MODE_LABEL[scan.mode]}.** ${scan.mode === 'demo' ? 'This report is about the built-in fictional demo account, not a real one.' : `The findings were computed offline from the snapshot ${code(scan.snapshotFile ?? 'file')}.`}`, '');
  const warning = recordsWarning(doc);
  if (warning.length) out.push(`> **Warning.** ${warning.map(md).join(' ')}`, '');
  out.push(
    `Generated ${doc.generatedAt} by hipaa-wizard ${md(doc.tool.version)}. ${summary.total} findings in ${summary.categories} categories: ` +
      `${summary.counts.fail} fail, ${summary.counts.unknown} unknown, ${summary.counts.manual} manual, ${summary.counts.accepted} accepted, ${summary.counts.pass} pass.`,
    '',
  );

  out.push('## Scan', '');
  out.push(
    ...table(
      ['Field', 'Value'],
      [
        ['Account', `${code(scan.account.id)}${scan.account.alias ? ` (${md(scan.account.alias)})` : ''}, partition ${md(scan.account.partition)}`],
        ['Caller', code(scan.caller.arn)],
        ['Source', `${MODE_LABEL[scan.mode]}${scan.snapshotFile ? ` ${code(scan.snapshotFile)}` : ''}`],
        ['Regions', scan.regions.map(code).join(', ') + ` (home ${code(scan.homeRegion)})`],
        ['State collected', `${md(scan.collectedAt)} by hipaa-wizard ${md(scan.collectedBy.version)}`],
        ['State SHA-256', code(scan.stateSha256)],
        ['Records', md(recordsLine(doc))],
        ['Report schema', `version ${doc.schemaVersion}`],
      ],
    ),
    '',
  );

  out.push('## Summary by category', '');
  out.push(
    ...table(
      ['#', 'Category', 'Status', ...STATUS_ORDER.map((s) => STATUS_TEXT[s].toLowerCase())],
      doc.categories.map((c) => [
        String(c.number),
        md(c.title),
        c.status === 'none' ? 'no checks' : STATUS_TEXT[c.status],
        ...STATUS_ORDER.map((s) => String(c.counts[s])),
      ]),
    ),
    '',
  );
  const sev = Object.entries(summary.failingBySeverity).filter(([, n]) => n > 0);
  if (sev.length) out.push(`Failing by severity: ${sev.map(([s, n]) => `${n} ${s}`).join(', ')}.`, '');

  out.push(`## Due for review within ${doc.dueForReview.withinDays} days (until ${doc.dueForReview.until})`, '');
  if (doc.dueForReview.items.length === 0) out.push('Nothing is due in this window.', '');
  else
    out.push(
      ...table(
        ['Due', 'What', 'Kind', 'Owner'],
        doc.dueForReview.items.map((i) => [
          `${i.due} (${i.overdue ? `**${dueWhen(i)}**` : dueWhen(i)})`,
          md(i.summary),
          DUE_KIND_LABEL[i.kind],
          md(i.owner),
        ]),
      ),
      '',
    );

  out.push('## Findings', '');
  for (const c of doc.categories) {
    out.push(`### ${c.number}. ${md(c.title)}`, '');
    const cites = c.hipaa.map((h) => `${md(h.section)} ${md(h.title)} (${h.obligation})`).join('; ');
    if (cites) out.push(`HIPAA: ${cites}. HITRUST: ${c.hitrust.map(md).join(', ') || 'none mapped'}.`, '');
    const fs = findingsOf(doc, c);
    if (fs.length === 0) out.push('No checks or attestations cover this category yet.', '');
    for (const f of fs) out.push(...findingBlock(f));
  }

  out.push('## Decisions', '');
  if (doc.decisions.length === 0) out.push('No decisions are recorded.', '');
  else
    out.push(
      ...table(
        ['Decision', 'Subject', 'Status', 'Reason', 'Decided', 'Approved by', 'Review by'],
        doc.decisions.map((d) => [
          code(d.id),
          `${code(d.subject)}${d.subjectTitle ? ` ${md(d.subjectTitle)}` : ''}`,
          d.refused ? `${md(d.status)}, REFUSED: ${md(d.refused)}` : md(d.status),
          md(d.reason) + (d.alternative ? ` Alternative: ${md(d.alternative)}` : '') + (d.evidence.length ? ` Evidence: ${d.evidence.map((e) => ('url' in e ? `<${e.url}>` : `${code(e.path)} (sha256 ${code(e.sha256.slice(0, 12))}…)`)).join(', ')}` : ''),
          `${md(d.decidedBy)}, ${md(d.decidedAt.slice(0, 10))}`,
          d.approvedBy ? md(d.approvedBy) : 'not recorded',
          `${d.reviewBy}${d.lapsed ? ' (lapsed)' : ''}`,
        ]),
      ),
      '',
    );

  out.push('## Attestations', '');
  if (doc.attestations.length === 0) out.push('No attestations are recorded.', '');
  else
    out.push(
      ...table(
        ['Attestation', 'Answer', 'Details', 'Attested', 'Valid until'],
        doc.attestations.map((a) => [
          `${md(a.title ?? a.attestation)} (${code(a.attestation)})`,
          a.answer,
          Object.entries(a.fields).map(([k, v]) => `${md(k)}: ${md(v)}`).join('; ') || ' ',
          `${md(a.attestedBy)}, ${md(a.attestedAt.slice(0, 10))}`,
          a.lapsesOn ? `${a.lapsesOn}${a.lapsed ? ' (lapsed)' : ''}` : 'unknown',
        ]),
      ),
      '',
    );

  out.push('## Business associates', '');
  if (doc.vendors.length === 0) out.push('No vendors are recorded.', '');
  else
    out.push(
      ...table(
        ['Vendor', 'Services', 'ePHI', 'BAA signed', 'BAA expires', 'Where the BAA is'],
        doc.vendors.map((v) => [
          md(v.name),
          md(v.services),
          md(v.phiKinds),
          v.baaSignedOn ?? '**no BAA recorded**',
          v.baaExpiresOn ?? ' ',
          v.baaLocation ? md(v.baaLocation) : ' ',
        ]),
      ),
      '',
    );

  out.push('## Journal of applied fixes', '');
  if (doc.journal.length === 0) out.push('No fixes have been applied through hipaa-wizard.', '');
  else
    out.push(
      ...table(
        ['When', 'By', 'Change', 'Actions', 'Outcome', 'Checks after'],
        doc.journal.map((j) => [
          md(j.at ?? 'unknown'),
          md(j.by ?? 'unknown'),
          `${j.operation === 'undo' && !/^undo\b/i.test(j.title) ? 'Undo: ' : ''}${md(j.title)}${j.remediation ? ` (${code(j.remediation)})` : ''}`,
          j.actions.map((a) => `${md(a.summary)}${a.result ? ` [${a.result}]` : ''}`).join('; ') || ' ',
          md(j.outcome ?? ' '),
          j.rechecks.map((r) => `${code(r.check)} ${md(r.status)}`).join(', ') || ' ',
        ]),
      ),
      '',
    );

  out.push('---', '', `State SHA-256 ${code(scan.stateSha256)} · report schema ${doc.schemaVersion} · hipaa-wizard ${md(doc.tool.version)}`, '');
  return out.join('\n');
}

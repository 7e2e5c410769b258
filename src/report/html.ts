/**
 * The report as one self-contained HTML file: no external fonts, scripts, images or style sheets
 * (a Content-Security-Policy in the page forbids them), readable on screen and printable to PDF.
 * The summary chart is inline SVG. Every value goes through the `h` template tag, which escapes it
 * unless it is markup the tag built itself, so nothing from the account can inject markup.
 */
import { isoDay } from '../lib/time.js';
import {
  type CategoryStatus,
  findingsOf,
  type ReportCategory,
  type ReportDocument,
  type ReportFinding,
  STATUS_ORDER,
} from './model.js';
import { accountLabel, DUE_KIND_LABEL, dueWhen, MODE_LABEL, recordsLine, recordsWarning, STATUS_MEANING, STATUS_TEXT } from './text.js';

/** Markup built by `h`, safe to insert as is. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function part(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof Html) return v.html;
  if (Array.isArray(v)) return v.map(part).join('');
  return esc(String(v));
}

/** The template tag: literal parts are markup, every interpolated value is escaped (unless built by `h`). */
export function h(strings: TemplateStringsArray, ...values: readonly Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

const COLOR: Readonly<Record<CategoryStatus, { fg: string; bg: string }>> = {
  fail: { fg: '#b3261e', bg: '#fde7e6' },
  unknown: { fg: '#9a5b00', bg: '#fff1d6' },
  manual: { fg: '#1d4ed8', bg: '#e3ebff' },
  accepted: { fg: '#7e22ce', bg: '#f2e6ff' },
  pass: { fg: '#1f7a3a', bg: '#e2f5e7' },
  none: { fg: '#6b7280', bg: '#eef0f3' },
};

const pill = (s: CategoryStatus) => h`<span class="pill s-${s}">${s === 'none' ? 'NO CHECKS' : STATUS_TEXT[s]}</span>`;

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The per-category chart: one stacked bar per category, each status a segment with its count. */
export function categoryChart(doc: ReportDocument): Html {
  const rowH = 30;
  const labelW = 300;
  const barW = 420;
  const width = labelW + barW + 110;
  const top = 8;
  const height = top + doc.categories.length * rowH + 8;
  const rows = doc.categories.map((c, i) => {
    const y = top + i * rowH;
    const label = h`<text class="cat-label" x="0" y="${y + 19}">${String(c.number).padStart(2, ' ')}. ${c.title}</text>`;
    if (c.total === 0) {
      return h`<g class="cat-row" data-category="${c.id}">${label}<rect x="${labelW}" y="${y + 5}" width="${barW}" height="20" rx="3" fill="${COLOR.none.bg}" stroke="#d5d9df"/><text x="${labelW + 10}" y="${y + 19}" class="seg-none">no checks yet</text><title>${c.number}. ${c.title}: no checks yet</title></g>`;
    }
    let x = labelW;
    const segments = STATUS_ORDER.filter((s) => c.counts[s] > 0).map((s) => {
      const w = (c.counts[s] / c.total) * barW;
      const seg = h`<rect class="seg s-${s}" x="${x.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="20" fill="${COLOR[s].fg}"><title>${c.counts[s]} ${s}</title></rect>${
        w >= 22 ? h`<text class="seg-count" x="${(x + w / 2).toFixed(1)}" y="${y + 19}" text-anchor="middle">${c.counts[s]}</text>` : ''
      }`;
      x += w;
      return seg;
    });
    const detail = STATUS_ORDER.filter((s) => c.counts[s] > 0).map((s) => `${c.counts[s]} ${s}`).join(', ');
    return h`<g class="cat-row" data-category="${c.id}">${label}${segments}<text class="cat-total" x="${labelW + barW + 10}" y="${y + 19}">${plural(c.total, 'finding')}</text><title>${c.number}. ${c.title}: ${detail}</title></g>`;
  });
  return h`<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">Findings per category, by status</title>${rows}</svg>`;
}

function resourceList(f: ReportFinding): Html {
  const notPassing = f.resources.filter((r) => r.status !== 'pass');
  const passing = f.resources.filter((r) => r.status === 'pass');
  const shown = passing.slice(0, 12);
  return h`${
    notPassing.length
      ? h`<ul class="resources">${notPassing.map(
          (r) =>
            h`<li><span class="rs s-${r.status}">${r.status}</span> <code>${r.id}</code>${r.region ? h` <span class="region">${r.region}</span>` : ''}: ${r.detail}${
              r.missingPermission ? h` <span class="missing">needs <code>${r.missingPermission}</code></span>` : ''
            }</li>`,
        )}</ul>`
      : ''
  }${
    passing.length
      ? h`<p class="passing">${plural(passing.length, 'resource')} pass: ${shown.map((r, i) => h`${i ? ', ' : ''}<code>${r.id}</code>`)}${
          passing.length > shown.length ? ` and ${passing.length - shown.length} more (the JSON report lists them all)` : ''
        }.</p>`
      : ''
  }`;
}

function findingCard(f: ReportFinding): Html {
  return h`<article class="finding s-${f.status}" id="finding-${f.id}">
<header>${pill(f.status)}<h4>${f.title}</h4><code class="fid">${f.id}</code></header>
<p class="msg">${f.message}</p>
<dl class="facts">
<dt>Severity</dt><dd><span class="sev sev-${f.severity}">${f.severity}</span>${f.kind === 'attestation' ? ' · attestation (a person answers it)' : ''}${
    f.status !== f.evaluatedStatus ? h` · evaluated ${STATUS_TEXT[f.evaluatedStatus]} before the decision` : ''
  }</dd>
<dt>HIPAA</dt><dd>${f.hipaa.section} ${f.hipaa.title} <span class="obl obl-${f.hipaa.obligation}">${f.hipaa.obligation}</span></dd>
<dt>HITRUST</dt><dd>${f.hitrust.length ? f.hitrust.join(', ') : 'none mapped'}</dd>
${f.remediation ? h`<dt>Fix</dt><dd>${f.remediation.title} (<code>${f.remediation.id}</code>${f.remediation.risk ? `, ${f.remediation.risk}` : ''}); preview with <code>${f.remediation.planCommand}</code></dd>` : ''}
${f.missingPermissions.length ? h`<dt>Missing</dt><dd>${f.missingPermissions.map((p, i) => h`${i ? ', ' : ''}<code>${p}</code>`)}</dd>` : ''}
${
  f.decision
    ? h`<dt>Decision</dt><dd><code>${f.decision.id}</code> (${f.decision.status}) by ${f.decision.decidedBy}: ${f.decision.reason} <strong>${
        f.decision.lapsed ? `Lapsed on ${f.decision.reviewBy}.` : `Review by ${f.decision.reviewBy}.`
      }</strong></dd>`
    : ''
}
</dl>
${resourceList(f)}
${f.status !== 'pass' ? h`<p class="why"><strong>Why it matters:</strong> ${f.why}</p>` : ''}
</article>`;
}

function categorySection(doc: ReportDocument, c: ReportCategory): Html {
  const fs = findingsOf(doc, c);
  const counts = STATUS_ORDER.filter((s) => c.counts[s] > 0).map((s) => `${c.counts[s]} ${s}`).join(' · ');
  return h`<section class="category" id="category-${c.id}" data-category="${c.id}">
<h3><span class="num">${c.number}</span> ${c.title} ${pill(c.status)}</h3>
<p class="cat-meta">${counts || 'No checks or attestations cover this category yet.'}${
    c.hipaa.length ? h`<br>HIPAA ${c.hipaa.map((x, i) => h`${i ? '; ' : ''}${x.section} ${x.title} (${x.obligation})`)}` : ''
  }${c.hitrust.length ? h`<br>HITRUST ${c.hitrust.join(', ')}` : ''}</p>
${fs.map(findingCard)}
</section>`;
}

function table(head: readonly string[], rows: readonly (readonly Part[])[], cls = ''): Html {
  return h`<table class="${cls}"><thead><tr>${head.map((x) => h`<th>${x}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => h`<tr>${r.map((cell) => h`<td>${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}


function metadata(doc: ReportDocument): Html {
  const { scan } = doc;
  const rows: [string, Part][] = [
    ['Account', h`<code>${scan.account.id}</code>${scan.account.alias ? ` (${scan.account.alias})` : ''} · partition ${scan.account.partition}`],
    ['Caller', h`<code>${scan.caller.arn}</code>`],
    ['Source', h`${MODE_LABEL[scan.mode]}${scan.snapshotFile ? h` <code>${scan.snapshotFile}</code>` : ''}`],
    ['Regions', h`${scan.regions.map((r, i) => h`${i ? ', ' : ''}<code>${r}</code>`)} (home <code>${scan.homeRegion}</code>)`],
    ['State collected', `${scan.collectedAt} by hipaa-wizard ${scan.collectedBy.version}`],
    ['State SHA-256', h`<code class="digest">${scan.stateSha256}</code>`],
    ['Records', recordsLine(doc)],
    ['Report', `generated ${doc.generatedAt} by hipaa-wizard ${doc.tool.version}, schema ${doc.schemaVersion}`],
  ];
  return h`<dl class="meta">${rows.map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export function renderHtml(doc: ReportDocument): string {
  const { summary } = doc;
  const due = doc.dueForReview;
  const body = h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="hipaa-wizard ${doc.tool.version}">
<title>HIPAA safeguards report · ${accountLabel(doc)} · ${isoDay(doc.generatedAt)}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header class="top">
<p class="eyebrow">HIPAA technical safeguards report</p>
<h1>Account ${accountLabel(doc)}</h1>
<p class="sub">Generated ${doc.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} by hipaa-wizard ${doc.tool.version} · ${MODE_LABEL[doc.scan.mode]}</p>
${
  doc.scan.mode === 'demo'
    ? h`<p class="banner">This report is about the built-in demo account, a fictional clinic. It is not about a real AWS account.</p>`
    : doc.scan.mode === 'snapshot'
      ? h`<p class="banner">Computed offline from a saved snapshot; the account may have changed since ${doc.scan.collectedAt}.</p>`
      : ''
}
${recordsWarning(doc).length ? h`<p class="banner alarm">${recordsWarning(doc).join(' ')}</p>` : ''}
${metadata(doc)}
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<div class="tiles">${STATUS_ORDER.map(
    (s) => h`<div class="tile s-${s}"><span class="n">${summary.counts[s]}</span><span class="l">${s}</span><span class="d">${STATUS_MEANING[s]}</span></div>`,
  )}</div>
<p>${plural(summary.total, 'finding')} in ${plural(summary.categories, 'category', 'categories')}.${
    Object.values(summary.failingBySeverity).some((n) => n > 0)
      ? ` Failing by severity: ${Object.entries(summary.failingBySeverity)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${n} ${s}`)
          .join(', ')}.`
      : ''
  }</p>
<figure class="chart-box">${categoryChart(doc)}
<figcaption>${STATUS_ORDER.map((s) => h`<span class="key"><i class="sw s-${s}"></i>${s}</span>`)}</figcaption>
</figure>
${table(
  ['#', 'Category', 'Status', ...STATUS_ORDER],
  doc.categories.map((c) => [c.number, h`<a href="#category-${c.id}">${c.title}</a>`, pill(c.status), ...STATUS_ORDER.map((s) => c.counts[s] || h`<span class="zero">0</span>`)]),
  'counts',
)}
</section>
<section id="due">
<h2>Due for review within ${due.withinDays} days</h2>
${
  due.items.length
    ? table(
        ['Due', 'What', 'Kind', 'Owner'],
        due.items.map((i) => [h`<span class="${i.overdue ? 'overdue' : ''}">${i.due}<br><small>${dueWhen(i)}</small></span>`, i.summary, DUE_KIND_LABEL[i.kind], i.owner]),
        'due',
      )
    : h`<p>Nothing is due before ${due.until}.</p>`
}
</section>
<section id="findings">
<h2>Findings by category</h2>
${doc.categories.map((c) => categorySection(doc, c))}
</section>
<section id="decisions">
<h2>Decisions</h2>
${
  doc.decisions.length
    ? table(
        ['Decision', 'Subject', 'Status', 'Reason', 'Decided', 'Approved by', 'Review by'],
        doc.decisions.map((d) => [
          h`<code>${d.id}</code>`,
          h`<code>${d.subject}</code>${d.subjectTitle ? h`<br>${d.subjectTitle}` : ''}`,
          d.refused ? h`${d.status}<br><strong class="overdue">Refused:</strong> ${d.refused}` : d.status,
          h`${d.reason}${d.alternative ? h`<br><em>Alternative:</em> ${d.alternative}` : ''}${
            d.scope ? h`<br><em>Scope:</em> ${[...d.scope.accounts, ...d.scope.regions, ...d.scope.resources].join(', ') || 'whole account'}` : ''
          }${d.evidence.length ? h`<br><em>Evidence:</em> ${d.evidence.map((e, i) => ('url' in e ? h`${i ? ', ' : ''}<a href="${e.url}">${e.url}</a>` : h`${i ? ', ' : ''}<code>${e.path}</code> <small>sha256 ${e.sha256.slice(0, 12)}…</small>`))}` : ''}`,
          h`${d.decidedBy}<br><small>${isoDay(d.decidedAt)}</small>`,
          d.approvedBy ?? h`<span class="zero">not recorded</span>`,
          h`<span class="${d.lapsed ? 'overdue' : ''}">${d.reviewBy}${d.lapsed ? ' (lapsed)' : ''}</span>`,
        ]),
      )
    : h`<p>No decisions are recorded.</p>`
}
</section>
<section id="attestations">
<h2>Attestations</h2>
${
  doc.attestations.length
    ? table(
        ['Attestation', 'Answer', 'Details', 'Attested', 'Valid until'],
        doc.attestations.map((a) => [
          h`${a.title ?? a.attestation}<br><code>${a.attestation}</code>`,
          h`<span class="ans ans-${a.answer}">${a.answer}</span>`,
          h`${Object.entries(a.fields).map(([k, v], i) => h`${i ? h`<br>` : ''}<em>${k}:</em> ${v}`)}`,
          h`${a.attestedBy}<br><small>${isoDay(a.attestedAt)}</small>`,
          a.lapsesOn ? h`<span class="${a.lapsed ? 'overdue' : ''}">${a.lapsesOn}${a.lapsed ? ' (lapsed)' : ''}</span>` : 'unknown',
        ]),
      )
    : h`<p>No attestations are recorded.</p>`
}
</section>
<section id="vendors">
<h2>Business associates</h2>
${
  doc.vendors.length
    ? table(
        ['Vendor', 'Services', 'ePHI', 'BAA signed', 'BAA expires', 'Where the BAA is'],
        doc.vendors.map((v) => [
          v.name,
          v.services,
          v.phiKinds,
          v.baaSignedOn ?? h`<span class="overdue">no BAA recorded</span>`,
          v.baaExpiresOn ?? '',
          v.baaLocation ?? '',
        ]),
      )
    : h`<p>No vendors are recorded.</p>`
}
</section>
<section id="journal">
<h2>Journal of applied fixes</h2>
${
  doc.journal.length
    ? table(
        ['When', 'By', 'Change', 'Actions', 'Outcome', 'Checks after'],
        doc.journal.map((j) => [
          j.at ?? 'unknown',
          j.by ?? 'unknown',
          h`${j.operation === 'undo' && !/^undo\b/i.test(j.title) ? 'Undo: ' : ''}${j.title}${j.remediation ? h`<br><code>${j.remediation}</code>` : ''}`,
          h`${j.actions.map((a, i) => h`${i ? h`<br>` : ''}${a.summary}${a.result ? h` <small>[${a.result}]</small>` : ''}${a.error ? h` <small>${a.error}</small>` : ''}`)}`,
          j.outcome ?? '',
          h`${j.rechecks.map((r, i) => h`${i ? h`<br>` : ''}<code>${r.check}</code> ${r.status}`)}`,
        ]),
      )
    : h`<p>No fixes have been applied through hipaa-wizard.</p>`
}
</section>
</main>
<footer>State SHA-256 <code>${doc.scan.stateSha256}</code> · report schema ${doc.schemaVersion} · hipaa-wizard ${doc.tool.version}</footer>
</body>
</html>
`;
  return body.html;
}

const statusCss = (Object.keys(COLOR) as CategoryStatus[])
  .map((s) => `.s-${s}{--fg:${COLOR[s].fg};--bg:${COLOR[s].bg}}`)
  .join('\n');

const CSS = `
${statusCss}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
:root{color-scheme:light;--ink:#1b1f24;--muted:#5b6470;--line:#d9dde3;--paper:#fff;--wash:#f5f6f8}
html{background:var(--wash)}
body{margin:0 auto;max-width:1040px;padding:32px 28px 48px;background:var(--paper);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em;background:#f1f3f5;border-radius:3px;padding:0 .25em;overflow-wrap:anywhere}
h1{font-size:28px;margin:.1em 0 .15em}
h2{font-size:21px;margin:1.8em 0 .6em;padding-bottom:.25em;border-bottom:2px solid var(--ink)}
h3{font-size:18px;margin:1.6em 0 .3em;display:flex;align-items:center;gap:.5em}
h3 .num{display:inline-grid;place-items:center;min-width:1.7em;height:1.7em;border-radius:50%;background:var(--ink);color:#fff;font-size:.8em}
h4{margin:0;font-size:15.5px;flex:1}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--muted);font-weight:600}
.sub{margin:0 0 1em;color:var(--muted)}
.banner{background:#fff7e0;border:1px solid #e8c66a;border-radius:6px;padding:.5em .8em;margin:0 0 1em}
.banner.alarm{background:#fde7e6;border-color:#b3261e;color:#6d1510;font-weight:600}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:0;padding:.8em 1em;border:1px solid var(--line);border-radius:8px;background:var(--wash);font-size:14px}
dl.meta dt{color:var(--muted);font-weight:600}
dl.meta dd{margin:0}
.digest{font-size:.8em}
.tiles{display:grid;grid-template-columns:repeat(5,1fr);gap:10px;margin:0 0 .8em}
.tile{border:1px solid var(--line);border-top:5px solid var(--fg);border-radius:8px;padding:.55em .8em;display:flex;flex-direction:column}
.tile .n{font-size:28px;font-weight:700;color:var(--fg);line-height:1.1}
.tile .l{font-weight:700;text-transform:uppercase;font-size:12.5px;letter-spacing:.05em}
.tile .d{font-size:12px;color:var(--muted)}
.chart-box{margin:1em 0;padding:12px 14px;border:1px solid var(--line);border-radius:8px}
svg.chart{display:block;width:100%;height:auto;max-width:100%}
svg.chart text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg.chart text.seg-count{fill:#fff;font-weight:700;font-size:12px}
svg.chart text.cat-total,svg.chart text.seg-none{fill:var(--muted);font-size:12px}
figcaption{display:flex;gap:1.2em;flex-wrap:wrap;font-size:13px;color:var(--muted);margin-top:.4em}
.key{display:inline-flex;align-items:center;gap:.35em}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;background:var(--fg)}
table{width:100%;border-collapse:collapse;font-size:13.5px;margin:.4em 0 1em}
th,td{text-align:left;vertical-align:top;padding:.4em .55em;border-bottom:1px solid var(--line)}
th{background:var(--wash);font-weight:600;font-size:12.5px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
table.counts td:nth-child(n+4),table.counts th:nth-child(n+4){text-align:right;font-variant-numeric:tabular-nums}
table a{color:inherit}
.zero{color:#a2a9b3}
.pill{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.05em;padding:.1em .55em;border-radius:999px;color:var(--fg);background:var(--bg);border:1px solid var(--fg);white-space:nowrap}
.cat-meta{margin:0 0 .6em;color:var(--muted);font-size:13.5px}
.finding{border:1px solid var(--line);border-left:5px solid var(--fg);border-radius:6px;padding:.7em 1em .6em;margin:.6em 0;break-inside:avoid}
.finding header{display:flex;align-items:center;gap:.6em;flex-wrap:wrap}
.fid{color:var(--muted)}
.msg{margin:.45em 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.3em 0;font-size:13.5px}
dl.facts dt{color:var(--muted);font-weight:600}
dl.facts dd{margin:0}
.sev{font-weight:600;text-transform:capitalize}
.sev-critical{color:#8a1010}.sev-high{color:#b3261e}.sev-medium{color:#9a5b00}
.obl{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .4em;border-radius:3px;border:1px solid var(--muted);color:var(--muted)}
.obl-required{border-color:var(--ink);color:var(--ink)}
ul.resources{margin:.3em 0;padding-left:1.2em;font-size:13.5px}
.rs{font-weight:700;font-size:11px;text-transform:uppercase;color:var(--fg)}
.region{color:var(--muted)}
.missing{color:#9a5b00}
.passing{font-size:13px;color:var(--muted);margin:.3em 0}
.why{font-size:13.5px;color:#3a424c;margin:.4em 0 0}
.overdue{color:#b3261e;font-weight:600}
.ans{font-weight:700;text-transform:uppercase;font-size:12px}
.ans-yes{color:#1f7a3a}.ans-no{color:#b3261e}.ans-partial{color:#9a5b00}
footer{margin-top:2.5em;padding-top:.8em;border-top:1px solid var(--line);font-size:12px;color:var(--muted)}
@media (max-width:720px){.tiles{grid-template-columns:repeat(2,1fr)}body{padding:18px 14px}}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
 html{background:#fff}
 body{max-width:none;padding:0;font-size:10.5pt}
 h2{break-after:avoid;margin-top:1.2em}
 h3{break-after:avoid}
 .category{break-before:auto}
 #findings,#decisions{break-before:page}
 tr,.finding,.chart-box,dl.meta,.tiles{break-inside:avoid}
 a{text-decoration:none}
 .tiles{grid-template-columns:repeat(5,1fr)}
}
`;

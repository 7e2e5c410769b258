/**
 * The text of the long panes (a step's intro, a finding, a plan, the summary) as prepared lines.
 * The Ink panes scroll through them; the plain mode prints them as they are. No Ink here.
 */
import { findSpec, formatSection } from '../engine/hipaa.js';
import type { Finding } from '../engine/model.js';
import { checkedSteps, type PlanPreview, runOf, type StepOutline, stepLabel, type WizardState } from '../wizard/state.js';
import { clip, type Line, para, preformatted } from './text.js';
import { STATUS_TONE, STATUS_WORD } from './theme.js';

export function introLines(step: StepOutline, width: number): Line[] {
  const lines: Line[] = [{ text: `Step ${step.number} of 12 · ${step.title}`, bold: true }, { text: '' }];
  for (const p of step.intro.split(/\n\s*\n/)) lines.push(...para(p, width), { text: '' });
  const required = step.hipaa.filter((c) => c.obligation === 'required').map((c) => formatSection(c.section));
  const addressable = step.hipaa.filter((c) => c.obligation === 'addressable').map((c) => formatSection(c.section));
  if (required.length) lines.push(...para(`Required: ${required.join(', ')}`, width));
  if (addressable.length) lines.push(...para(`Addressable (do it, or document why not and what instead): ${addressable.join(', ')}`, width));
  if (step.hitrust.length) lines.push(...para(`HITRUST: ${step.hitrust.join(', ')}`, width, { dim: true }));
  const checks = step.items.filter((i) => i.kind === 'check').length;
  const questions = step.items.length - checks;
  lines.push({ text: '' }, { text: `${checks} check${checks === 1 ? '' : 's'} against the account, ${questions} question${questions === 1 ? '' : 's'} for you. Press enter to start.`, tone: 'info' });
  return lines;
}

export function findingLines(f: Finding, width: number): Line[] {
  const lines: Line[] = [
    { text: f.title, bold: true },
    { text: `${STATUS_WORD[f.status]} · ${f.severity} · ${f.kind === 'attestation' ? 'a question for you' : `check ${f.id}`}`, tone: STATUS_TONE[f.status] },
    { text: '' },
    ...para(f.message, width),
    { text: '' },
    ...para(`Why it matters: ${f.why}`, width),
    { text: '' },
  ];
  const spec = findSpec(f.hipaa.section);
  lines.push(
    ...para(`HIPAA ${formatSection(f.hipaa.section)}${spec ? ` ${spec.title}` : ''} (${f.hipaa.obligation})${f.hitrust.length ? ` · HITRUST ${f.hitrust.join(', ')}` : ''}`, width, { dim: true }),
  );
  if (f.missing?.length) lines.push(...para(`Missing permission: ${f.missing.join(', ')}. Grant it to the scanning role and check again.`, width, { tone: 'warn' }));
  if (f.decision) {
    const d = f.decision;
    lines.push(
      { text: '' },
      ...para(
        `${d.lapsed ? 'Lapsed decision' : 'Decision'}: ${d.status} by ${d.decidedBy}, review by ${d.reviewBy}. ${d.reason}`,
        width,
        { tone: d.lapsed ? 'warn' : 'accent' },
      ),
    );
  }
  const affected = f.resources.filter((r) => r.status !== 'pass');
  const passing = f.resources.length - affected.length;
  if (f.resources.length > 0) {
    lines.push({ text: '' }, { text: `Resources (${affected.length} need attention${passing ? `, ${passing} fine` : ''}):`, bold: true });
    for (const r of [...affected, ...f.resources.filter((x) => x.status === 'pass')]) {
      const mark = r.status === 'fail' ? '✘' : r.status === 'unknown' ? '?' : '✔';
      lines.push(...para(`${mark} ${r.detail}${r.region && !r.detail.includes(r.region) ? ` (${r.region})` : ''}`, width, { tone: r.status === 'fail' ? 'bad' : r.status === 'unknown' ? 'warn' : 'dim' }, '  ').map((l, i) => (i === 0 ? l : { ...l, text: `  ${l.text}` })));
    }
  }
  lines.push({ text: '' });
  const next: string[] = [];
  if (f.remediation && f.status !== 'pass') next.push(`p previews the fix "${f.remediation}", a applies it`);
  if (f.kind === 'attestation') next.push('t answers the question');
  next.push('d records a decision', 's skips to the next finding');
  lines.push(...para(`What now: ${next.join('; ')}.`, width, { tone: 'info' }));
  return lines;
}

export function planLines(preview: PlanPreview, width: number): Line[] {
  const lines: Line[] = [{ text: 'Preview: nothing has changed yet.', tone: 'info' }, { text: '' }];
  for (const raw of preview.lines) {
    const t = raw.trimStart();
    const tone = t.startsWith('+ ') ? 'good' : t.startsWith('~ ') ? 'warn' : t.startsWith('- ') ? 'bad' : t.startsWith('aws ') ? 'busy' : t.startsWith('undo:') || t.startsWith('cannot be undone') ? 'dim' : undefined;
    lines.push(...preformatted(raw, width, { tone, bold: raw.startsWith('Fix ') || /^Plan:|to add|to change/.test(t) }));
  }
  return lines;
}

/** The summary's report lines: where `w` writes it and what it covers, or what happened when it did. */
export function reportLines(state: WizardState, width: number, keys = true): Line[] {
  const session = state.session;
  const report = state.report;
  if (!session) return [];
  if (report?.status === 'writing') return [{ text: 'Writing the report…', tone: 'busy' }];
  if (report?.status === 'failed') return para(report.message, width, { tone: 'bad' });
  if (report?.status === 'written') {
    const scope = report.whole
      ? `all ${report.steps} categories`
      : `only the ${report.steps} step${report.steps === 1 ? '' : 's'} checked this session`;
    return para(`Report written to ${report.file} (${scope}).`, width, { tone: 'good' });
  }
  const lines: Line[] = [];
  if (keys && session.report) {
    const checked = checkedSteps(state).length;
    const scope =
      session.mode !== 'live'
        ? `every category, evaluated on the whole ${session.mode === 'demo' ? 'demo account' : 'snapshot'}`
        : checked === 0
          ? 'nothing yet: check a step first'
          : `only the ${checked} step${checked === 1 ? '' : 's'} checked this session`;
    lines.push(...para(`Press w to write the HTML report to ${session.report.file} (${scope}).`, width, { tone: 'info' }));
  }
  if (keys && session.report) lines.push(...para(`Or from the shell: ${session.report.command}`, width, { dim: true }));
  return lines;
}

/** The summary's count columns: the status counted and its heading. */
const COUNT_COLUMNS: readonly (readonly ['fail' | 'unknown' | 'manual' | 'accepted' | 'pass', string])[] = [
  ['fail', 'fail'],
  ['unknown', 'unknown'],
  ['manual', 'to attest'],
  ['accepted', 'accepted'],
  ['pass', 'pass'],
];
const COUNTS_WIDTH = COUNT_COLUMNS.reduce((n, [, head]) => n + 2 + head.length, 0);

export function summaryLines(state: WizardState, width: number, keys = true): Line[] {
  const lines: Line[] = [{ text: 'Summary', bold: true }, { text: '' }];
  // One row per category with the counts in aligned columns; the title gives way, never a count.
  const longest = Math.max(...state.steps.map((s) => s.title.length));
  const titleWidth = Math.min(longest, width - 4 - COUNTS_WIDTH);
  const columns = titleWidth >= 12;
  if (columns) lines.push({ text: `${' '.repeat(3 + titleWidth)}${COUNT_COLUMNS.map(([, head]) => `  ${head}`).join('')}`, dim: true });
  for (const step of state.steps) {
    const run = runOf(state, step.id);
    const label = stepLabel(state, step.id);
    const c = { fail: 0, unknown: 0, manual: 0, accepted: 0, pass: 0 };
    for (const f of Object.values(run.findings)) c[f.status]++;
    const style = { tone: label.tone === 'bad' ? ('bad' as const) : label.tone === 'good' ? ('good' as const) : undefined, dim: run.state === 'not-started' };
    const number = String(step.number).padStart(2);
    if (columns) {
      const detail = run.state === 'done' ? COUNT_COLUMNS.map(([status, head]) => `  ${String(c[status]).padStart(head.length)}`).join('') : `  ${label.text}`;
      lines.push({ ...style, text: `${number} ${clip(step.title, titleWidth).padEnd(titleWidth)}${detail}` });
    } else {
      // Too narrow for columns: the title on its line, the counts wrapped under it.
      lines.push({ ...style, text: `${number} ${clip(step.title, width - 4)}` });
      const detail = run.state === 'done' ? `${c.fail} fail, ${c.unknown} unknown, ${c.manual} to attest, ${c.accepted} accepted, ${c.pass} pass` : label.text;
      lines.push(...para(detail, width, style, '   '));
    }
  }
  lines.push({ text: '' }, { text: `Fixed this session: ${state.fixed.length === 0 ? 'nothing' : ''}`, bold: true });
  for (const f of state.fixed) lines.push({ text: `  ${f.ok ? '✔' : '✘'} ${f.title} (${f.remediation})${f.ok ? '' : ', did not complete'}`, tone: f.ok ? 'good' : 'bad' });
  lines.push({ text: `Recorded this session: ${state.recorded.length === 0 ? 'nothing' : ''}`, bold: true });
  for (const r of state.recorded) lines.push(...para(`${r.kind === 'decision' ? 'decision' : 'attestation'}: ${r.label}`, width, {}, '  '));
  if (state.facts && state.facts.proposedRule > 0) {
    const n = state.facts.proposedRule;
    lines.push(
      ...para(
        `${n} recorded decision${n === 1 ? ' relies' : 's rely'} on a specification being addressable; HHS's January 2025 proposed rule (not in force) would no longer accept ${n === 1 ? 'it' : 'them'}: hipaa-wizard records list --proposed-rule`,
        width,
        { tone: 'warn' },
      ),
    );
  }
  lines.push({ text: '' });
  const dir = state.session?.recordsDir;
  if (dir) {
    lines.push(...para(`Records (decisions, attestations, journal): ${dir}`, width));
  }
  lines.push(...reportLines(state, width, keys));
  lines.push({ text: '' }, { text: 'Press w to write the report, enter to exit, esc to go back to the walk.', tone: 'info' });
  return lines;
}

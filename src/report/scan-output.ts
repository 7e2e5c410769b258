/** The scan's two outputs: a readable summary for people and a JSON document for programs. */
import { findSpec, formatSection } from '../engine/hipaa.js';
import type { Finding, StepDef } from '../engine/model.js';
import { countStatuses } from '../engine/runner.js';
import type { AccountState } from '../engine/state.js';
import { sha256Hex } from '../lib/hash.js';
import type { Mode } from '../session/source.js';
import { VERSION } from '../version.js';
import { type Paint, STATUS_LABEL, STATUS_STYLE } from './style.js';

export interface ScanResult {
  readonly mode: Mode;
  readonly state: AccountState;
  readonly steps: readonly StepDef[];
  readonly findings: readonly Finding[];
  readonly generatedAt: string;
}

export function stateDigest(state: AccountState): string {
  return sha256Hex(JSON.stringify({ ...state, collectedAt: undefined }));
}

export function scanJson(result: ScanResult): unknown {
  const { state } = result;
  return {
    tool: { name: 'hipaa-wizard', version: VERSION },
    mode: result.mode,
    generatedAt: result.generatedAt,
    account: { id: state.identity.accountId, alias: state.identity.alias ?? null, caller: state.identity.arn },
    regions: state.regions,
    stateSha256: stateDigest(state),
    summary: countStatuses(result.findings),
    steps: result.steps.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      counts: countStatuses(result.findings.filter((f) => f.stepId === s.id)),
    })),
    findings: result.findings.map((f) => ({
      id: f.id,
      kind: f.kind,
      step: f.stepId,
      title: f.title,
      status: f.status,
      severity: f.severity,
      hipaa: { section: formatSection(f.hipaa.section), obligation: f.hipaa.obligation, title: findSpec(f.hipaa.section)?.title ?? '' },
      hitrust: f.hitrust,
      message: f.message,
      why: f.why,
      resources: f.resources,
      remediation: f.remediation ?? null,
      missingPermissions: f.missing ?? [],
      decision: f.decision ?? null,
    })),
  };
}

const ORDER: Finding['status'][] = ['fail', 'unknown', 'manual', 'accepted', 'pass'];

export function scanText(result: ScanResult, paint: Paint, width = 100): string {
  const { state } = result;
  const out: string[] = [];
  const who = state.identity.alias ? `${state.identity.accountId} (${state.identity.alias})` : state.identity.accountId;
  out.push(paint('bold', `hipaa-wizard ${VERSION} · ${result.mode.toUpperCase()} · account ${who} · ${state.regions.join(', ')}`));
  out.push(paint('dim', `caller ${state.identity.arn}`));
  for (const step of result.steps) {
    const findings = result.findings.filter((f) => f.stepId === step.id).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
    const c = countStatuses(findings);
    const counts = ORDER.filter((s) => c[s] > 0).map((s) => paint(STATUS_STYLE[s], `${c[s]} ${s}`)).join(' · ');
    out.push('');
    out.push(`${paint('bold', `${String(step.number).padStart(2)}  ${step.title}`)}   ${counts || paint('dim', 'no checks yet')}`);
    for (const f of findings) {
      const label = paint(STATUS_STYLE[f.status], STATUS_LABEL[f.status].padEnd(8));
      const cite = `${formatSection(f.hipaa.section)} ${f.hipaa.obligation}${f.hitrust.length ? ` · HITRUST ${f.hitrust.join(', ')}` : ''} · ${f.severity}`;
      out.push(`    ${label} ${f.title}  ${paint('dim', `[${f.id}]`)}`);
      for (const line of wrap(f.message, width - 13)) out.push(`             ${line}`);
      if (f.status !== 'pass') {
        const failing = f.resources.filter((r) => r.status !== 'pass');
        for (const r of failing.slice(0, 5)) {
          for (const [i, line] of wrap(r.detail, width - 15).entries()) out.push(`             ${i === 0 ? '- ' : '  '}${line}`);
        }
        if (failing.length > 5) out.push(paint('dim', `             … and ${failing.length - 5} more (see --format json)`));
        if (f.missing?.length) out.push(paint('yellow', `             missing permission: ${f.missing.join(', ')}`));
        if (f.remediation && f.status === 'fail') out.push(paint('dim', `             fix: hipaa-wizard plan ${f.id}${result.mode === 'demo' ? ' --demo' : ''}`));
      }
      out.push(paint('dim', `             ${cite}`));
    }
  }
  const total = countStatuses(result.findings);
  out.push('');
  out.push(
    paint(
      'bold',
      `${result.findings.length} findings: ${total.fail} fail, ${total.unknown} unknown, ${total.manual} manual, ${total.accepted} accepted, ${total.pass} pass.`,
    ),
  );
  return `${out.join('\n')}\n`;
}

/** Wraps text at word boundaries. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

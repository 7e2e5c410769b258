/**
 * The registry: every step, check, attestation and remediation, validated at load. It refuses,
 * naming the file and the problem, a duplicate id, an id that differs from its file name, a
 * malformed or misstated HIPAA citation, a check or fix that declares no IAM permissions, a slice
 * no collector fills, and a reference to a remediation or check that does not exist.
 */
import { citationProblem } from './hipaa.js';
import { type AttestationDef, type CheckDef, type RemediationDef, SEVERITIES, type StepDef } from './model.js';
import type { AttestationModule, CheckModule, RemediationModule, StepModule } from './registry-types.js';

export interface Registry {
  readonly steps: readonly StepDef[];
  readonly checks: readonly CheckDef[];
  readonly attestations: readonly AttestationDef[];
  readonly remediations: readonly RemediationDef[];
  /** step id → its checks, in file order */
  readonly checksOf: (stepId: string) => readonly CheckDef[];
  readonly attestationsOf: (stepId: string) => readonly AttestationDef[];
  readonly stepOf: (findingId: string) => StepDef | undefined;
  readonly check: (id: string) => CheckDef | undefined;
  readonly attestation: (id: string) => AttestationDef | undefined;
  readonly remediation: (id: string) => RemediationDef | undefined;
  /** The remediation whose `fixes` names this check. */
  readonly remediationFor: (checkId: string) => RemediationDef | undefined;
  /** Finds a step by number ("3"), id ("03-integrity") or the id without its number ("integrity"). */
  readonly findStep: (ref: string) => StepDef | undefined;
}

export class RegistryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The built-in checks are inconsistent (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'RegistryError';
  }
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const STEP_FOLDER = /^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$/;
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;
const HITRUST = /^\d{2}\.[a-z]{1,2}$/;

export interface RegistryInput {
  readonly steps: readonly StepModule[];
  readonly checks: readonly CheckModule[];
  readonly attestations: readonly AttestationModule[];
  readonly remediations: readonly RemediationModule[];
  /** Service names that have a collector module (src/aws/collectors/<service>.ts). */
  readonly collectorServices: readonly string[];
}

const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.tsx?$/, '');

export function buildRegistry(input: RegistryInput): Registry {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (kind: string, id: string, file: string) => {
    const before = seen.get(`${kind}:${id}`);
    if (before) problems.push(`${file}: duplicate ${kind} id "${id}" (also in ${before})`);
    else seen.set(`${kind}:${id}`, file);
  };
  const checkId = (file: string, id: unknown, expected: string) => {
    if (typeof id !== 'string' || !KEBAB.test(id)) {
      problems.push(`${file}: id ${JSON.stringify(id)} is not kebab-case`);
      return false;
    }
    if (id !== expected) {
      problems.push(`${file}: id "${id}" differs from its file name "${expected}"`);
      return false;
    }
    return true;
  };
  const checkCitation = (file: string, hipaa: { section: string; obligation: 'required' | 'addressable' } | undefined) => {
    if (!hipaa) return problems.push(`${file}: no HIPAA citation`);
    const problem = citationProblem(hipaa.section, hipaa.obligation);
    if (problem) problems.push(`${file}: malformed HIPAA citation: ${problem}`);
  };
  const checkPermissions = (file: string, perms: readonly string[] | undefined, readsRecordsOnly = false) => {
    // A check that reads no account data (only the records folder) needs no IAM action; anything else must say.
    if (!perms || perms.length === 0) return readsRecordsOnly ? 0 : problems.push(`${file}: declares no IAM permissions`);
    for (const p of perms) if (!IAM_ACTION.test(p)) problems.push(`${file}: "${p}" is not an IAM action like "iam:GetAccountSummary"`);
  };
  const checkHitrust = (file: string, ids: readonly string[] | undefined) => {
    for (const h of ids ?? []) if (!HITRUST.test(h)) problems.push(`${file}: "${h}" is not a HITRUST control id like "01.j"`);
  };

  const stepFolders = new Set<string>();
  for (const { file, folder, def } of input.steps) {
    const m = STEP_FOLDER.exec(folder);
    if (!m) {
      problems.push(`${file}: step folder "${folder}" must look like "01-access-controls"`);
      continue;
    }
    if (def.id !== folder) problems.push(`${file}: step id "${def.id}" differs from its folder "${folder}"`);
    if (def.number !== Number(m[1])) problems.push(`${file}: step number ${def.number} differs from its folder "${folder}"`);
    for (const c of def.hipaa) checkCitation(file, c);
    checkHitrust(file, def.hitrust);
    claim('step', def.id, file);
    stepFolders.add(folder);
  }

  for (const { file, folder, def } of input.checks) {
    if (!checkId(file, def.id, baseName(file))) continue;
    claim('finding', def.id, file);
    if (!stepFolders.has(folder)) problems.push(`${file}: no step.ts in steps/${folder}`);
    checkCitation(file, def.hipaa);
    const readsNoSlices = (def.needs.global ?? []).length === 0 && (def.needs.regional ?? []).length === 0;
    // A check's actions come from the slices it reads; `permissions` holds only extras, so it may be empty.
    checkPermissions(file, def.permissions ?? [], true);
    if (readsNoSlices && (def.permissions ?? []).length > 0) problems.push(`${file}: declares IAM permissions but reads no account data`);
    checkHitrust(file, def.hitrust);
    if (!SEVERITIES.includes(def.severity)) problems.push(`${file}: unknown severity "${def.severity}"`);
    if (typeof def.evaluate !== 'function') problems.push(`${file}: no evaluate function`);
    for (const key of [...(def.needs.global ?? []), ...(def.needs.regional ?? [])]) {
      const service = key.split('.')[0] ?? '';
      if (!input.collectorServices.includes(service)) {
        problems.push(`${file}: needs "${key}" but there is no collector src/aws/collectors/${service}.ts`);
      }
    }
  }

  for (const { file, folder, def } of input.attestations) {
    if (!checkId(file, def.id, baseName(file))) continue;
    claim('finding', def.id, file);
    if (!stepFolders.has(folder)) problems.push(`${file}: no step.ts in steps/${folder}`);
    checkCitation(file, def.hipaa);
    checkHitrust(file, def.hitrust);
    if (!def.question?.trim().endsWith('?')) problems.push(`${file}: the question must be one sentence ending in "?"`);
    if (!(def.validForDays > 0)) problems.push(`${file}: validForDays must be a positive number of days`);
    const names = new Set<string>();
    for (const f of def.fields) {
      if (names.has(f.name)) problems.push(`${file}: field "${f.name}" appears twice`);
      names.add(f.name);
    }
  }

  const checkIds = new Set(input.checks.map((c) => c.def.id));
  for (const { file, def } of input.remediations) {
    if (!checkId(file, def.id, baseName(file))) continue;
    claim('remediation', def.id, file);
    checkPermissions(file, def.permissions);
    if (def.fixes.length === 0) problems.push(`${file}: fixes no check`);
    for (const c of def.fixes) if (!checkIds.has(c)) problems.push(`${file}: fixes "${c}", which is not a check`);
  }
  const fixerOf = new Map<string, string>();
  for (const { file, def } of input.remediations) {
    for (const c of def.fixes ?? []) {
      const before = fixerOf.get(c);
      if (before) problems.push(`${file}: check "${c}" is already fixed by ${before}; a check has one remediation`);
      else fixerOf.set(c, file);
    }
  }

  if (problems.length > 0) throw new RegistryError(problems);

  const steps = [...input.steps.map((s) => s.def)].sort((a, b) => a.number - b.number);
  const checks = input.checks.map((c) => c.def);
  const attestations = input.attestations.map((a) => a.def);
  const remediations = input.remediations.map((r) => r.def);
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const stepOfFinding = new Map<string, StepDef>();
  const checksByStep = new Map<string, CheckDef[]>();
  const attByStep = new Map<string, AttestationDef[]>();
  for (const { folder, def } of input.checks) {
    stepOfFinding.set(def.id, stepById.get(folder)!);
    checksByStep.set(folder, [...(checksByStep.get(folder) ?? []), def]);
  }
  for (const { folder, def } of input.attestations) {
    stepOfFinding.set(def.id, stepById.get(folder)!);
    attByStep.set(folder, [...(attByStep.get(folder) ?? []), def]);
  }
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
  const checkMap = byId(checks);
  const attMap = byId(attestations);
  const fixMap = byId(remediations);
  const fixFor = new Map<string, RemediationDef>();
  for (const r of remediations) for (const c of r.fixes) fixFor.set(c, r);
  return {
    steps,
    checks,
    attestations,
    remediations,
    checksOf: (id) => checksByStep.get(id) ?? [],
    attestationsOf: (id) => attByStep.get(id) ?? [],
    stepOf: (id) => stepOfFinding.get(id),
    check: (id) => checkMap.get(id),
    attestation: (id) => attMap.get(id),
    remediation: (id) => fixMap.get(id),
    remediationFor: (checkId) => fixFor.get(checkId),
    findStep: (ref) =>
      steps.find((s) => s.id === ref || String(s.number) === ref.replace(/^0+/, '') || s.id.replace(/^\d+-/, '') === ref),
  };
}

let cached: Registry | undefined;

/** The registry of everything under steps/ and remediations/, built once per process. */
export async function loadRegistry(): Promise<Registry> {
  if (cached) return cached;
  const index = await import('../generated/index.js');
  cached = buildRegistry({
    steps: index.stepModules,
    checks: index.checkModules,
    attestations: index.attestationModules,
    remediations: index.remediationModules,
    collectorServices: index.collectorServices,
  });
  return cached;
}

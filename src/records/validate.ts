/**
 * What makes a decision, an attestation answer or a vendor entry acceptable to record. Each rule
 * that fails gives one sentence saying what to write instead. Pure apart from reading evidence
 * files to hash them.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { decisionRefusal, findSpec, HIPAA_SPECS, type HipaaSpec } from '../engine/hipaa.js';
import type { AttestationDef, CheckDef, DecisionStatus, EvidenceItem, FieldDef } from '../engine/model.js';
import { sha256Hex } from '../lib/hash.js';
import { DAY, ISO_DAY, isoDay, oneYearAfter, parseDay } from '../lib/time.js';
import { RecordsError } from './errors.js';
import { DECISION_STATUSES } from '../schemas/records.js';

/** The part of the registry the validation needs (a Registry satisfies it). */
export interface SubjectRegistry {
  readonly check: (id: string) => CheckDef | undefined;
  readonly attestation: (id: string) => AttestationDef | undefined;
  readonly checks: readonly CheckDef[];
  readonly attestations: readonly AttestationDef[];
}

export type FileEvidence = { readonly path: string; readonly sha256: string; readonly base?: 'records' };
export type Evidence = EvidenceItem;

/** A web address given as evidence (http or https). */
export const isEvidenceUrl = (text: string) => /^https?:\/\//i.test(text.trim());

/** One line naming an evidence item, for reports and exports. */
export const evidenceLabel = (e: EvidenceItem, full = false) => ('url' in e ? e.url : `${e.path} (sha256 ${full ? e.sha256 : `${e.sha256.slice(0, 12)}…`})`);

const PLACEHOLDERS = new Set(
  [
    'n/a', 'na', 'n.a.', 'none', 'nil', 'null', 'nothing', '-', '--', '.', '...', '?', 'tbd', 'todo', 'tba', 'ok', 'okay', 'fine',
    'yes', 'no', 'x', 'xx', 'xxx', 'test', 'testing', 'asdf', 'foo', 'bar', 'see above', 'same', 'same as above', 'as above',
    'not applicable', 'not reasonable', 'not needed', 'no need', 'no reason', 'because', 'idk', 'whatever', 'accepted', 'risk accepted',
    'approved', 'done', 'implemented', 'later', 'wip', 'pending', 'ignore', 'skip', 'na.', 'n/a.',
  ].map((s) => s.toLowerCase()),
);

/**
 * Why `text` is not a real sentence, or undefined when it is: at least four words and twenty
 * characters, not a placeholder such as "n/a" or "none", not one word repeated.
 */
export function sentenceProblem(text: string | undefined): string | undefined {
  const t = (text ?? '').trim().replace(/\s+/g, ' ');
  if (!t) return 'it is empty';
  const normal = t.toLowerCase().replace(/[.!]+$/, '');
  if (PLACEHOLDERS.has(normal) || PLACEHOLDERS.has(t.toLowerCase())) return `"${t}" is a placeholder, not a reason`;
  const words = t.split(' ').filter((w) => /\p{L}{2,}/u.test(w));
  if (words.length < 4 || t.length < 20) return `"${t}" is too short to explain anything (write at least a sentence of four words)`;
  if (new Set(words.map((w) => w.toLowerCase())).size < 3) return `"${t}" repeats the same words`;
  return undefined;
}

function fail(msg: string): never {
  throw new RecordsError(msg);
}

/** The SHA-256 of an evidence file, read from disk. */
export async function evidenceOf(path: string): Promise<FileEvidence> {
  let data: Buffer;
  try {
    if (!(await stat(path)).isFile()) fail(`The evidence "${path}" is not a file.`);
    data = await readFile(path);
  } catch (e) {
    if (e instanceof RecordsError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`The evidence file "${path}" ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code === 'EACCES' ? 'permission denied' : (e as Error).message})`}.`);
  }
  return { path, sha256: sha256Hex(data) };
}

/** Hashes paths; checks given {path, sha256} pairs against the file when it is at hand. */
export async function resolveEvidence(items: readonly (string | Evidence)[] | undefined): Promise<Evidence[] | undefined> {
  if (!items || items.length === 0) return undefined;
  const out: Evidence[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      if (isEvidenceUrl(item)) {
        let url: URL;
        try {
          url = new URL(item.trim());
        } catch {
          return fail(`The evidence "${item}" is not a valid web address.`);
        }
        out.push({ url: url.href });
      } else out.push(await evidenceOf(item));
      continue;
    }
    if ('url' in item) {
      if (!isEvidenceUrl(item.url)) fail(`The evidence "${item.url}" is not an http or https address.`);
      out.push({ url: item.url });
      continue;
    }
    if (!/^[0-9a-f]{64}$/.test(item.sha256)) fail(`The SHA-256 given for "${item.path}" is not 64 hexadecimal digits.`);
    const onDisk = await evidenceOf(item.path).catch(() => undefined);
    if (onDisk && onDisk.sha256 !== item.sha256) fail(`The evidence file "${item.path}" does not match the SHA-256 given for it (the file's is ${onDisk.sha256}).`);
    out.push({ path: item.path, sha256: item.sha256 });
  }
  return out;
}

/**
 * Stores file evidence relative to the records folder, so that `records verify` finds the files from
 * any working folder (and on another machine that has the folder and its evidence side by side).
 */
export function rebaseEvidence(items: readonly Evidence[] | undefined, recordsDir: string): Evidence[] | undefined {
  if (!items) return undefined;
  const base = resolve(recordsDir);
  return items.map((e) => ('url' in e || e.base === 'records' ? e : { path: relative(base, resolve(e.path)) || '.', sha256: e.sha256, base: 'records' as const }));
}

/** Where an evidence file recorded in a register is on disk now. */
export function evidencePathOf(e: FileEvidence, recordsDir: string | undefined): string {
  if (e.base === 'records' && recordsDir) return join(recordsDir, e.path);
  return e.path;
}

/** The closest known ids, for "did you mean". */
function closest(target: string, ids: readonly string[]): string[] {
  const dist = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  return ids
    .map((id) => ({ id, d: id.includes(target) || target.includes(id) ? 0 : dist(target, id) }))
    .filter((x) => x.d <= Math.max(3, target.length / 3))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.id);
}

/** What a decision's subject stands for: its kind, the section it cites and that section's obligation. */
export interface SubjectCitation {
  readonly subject: string;
  readonly kind: 'check' | 'attestation' | 'section';
  readonly section: string;
  /** The section in HIPAA_SPECS (every check and attestation cites one; the registry refuses others). */
  readonly spec: HipaaSpec | undefined;
}

/**
 * The one map from a decision's subject (a check id, an attestation id or a HIPAA section, "§"
 * allowed) to its citation and required/addressable flag, or undefined when the subject is unknown.
 * `decide`, the forms, the runner's findings and `records verify` all decide by it.
 */
export function subjectCitation(subject: string, registry: Pick<SubjectRegistry, 'check' | 'attestation'>): SubjectCitation | undefined {
  const s = subject.trim().replace(/^§\s*/, '');
  const cited = registry.check(s)?.hipaa ?? registry.attestation(s)?.hipaa;
  const kind = registry.check(s) ? 'check' : registry.attestation(s) ? 'attestation' : HIPAA_SPECS.some((h) => h.section === s) ? 'section' : undefined;
  if (!kind) return undefined;
  const section = cited?.section ?? s;
  return { subject: s, kind, section, spec: findSpec(section) };
}

/** Why HIPAA does not allow this status on this subject (see decisionRefusal), or undefined. */
export function subjectRefusal(subject: string, status: string, registry: Pick<SubjectRegistry, 'check' | 'attestation'>): string | undefined {
  const c = subjectCitation(subject, registry);
  return c ? decisionRefusal(status, c.section, c.kind === 'section' ? `§${c.section}` : c.subject) : undefined;
}

/** A check id, an attestation id or a HIPAA section ("164.312(a)(2)(iv)", "§" allowed). */
export function resolveSubject(subject: string, registry: SubjectRegistry): { subject: string; section: string } {
  const s = subject.trim().replace(/^§\s*/, '');
  const found = subjectCitation(s, registry);
  if (found) return { subject: found.subject, section: found.section };
  if (/^164\./.test(s)) return fail(`"${subject}" is not a section of the HIPAA Security Rule this tool knows (for example 164.312(a)(2)(iv)).`);
  const near = closest(s, [...registry.checks.map((c) => c.id), ...registry.attestations.map((a) => a.id)]);
  return fail(`There is no check or attestation "${subject}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '. Run "hipaa-wizard scan" to see the check ids.'}`);
}

export interface DecisionInput {
  /** A check id, an attestation id or a HIPAA section. */
  readonly subject: string;
  readonly status: string;
  readonly reason: string;
  readonly alternative?: string;
  /** The accepted risk's owner (risk-accepted only, required there). */
  readonly owner?: string;
  /** Default: the person recording it. */
  readonly decidedBy?: string;
  readonly approvedBy?: string;
  /** YYYY-MM-DD or an ISO timestamp; default now. */
  readonly decidedAt?: string;
  /** YYYY-MM-DD; default a year after decidedAt; required for risk-accepted (its expiry). */
  readonly reviewBy?: string;
  readonly scope?: { readonly accounts?: readonly string[]; readonly regions?: readonly string[]; readonly resources?: readonly string[] };
  /** File paths (hashed here) or {path, sha256}. */
  readonly evidence?: readonly (string | Evidence)[];
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^\d{12}$/;

/** The decision body to store, or a RecordsError saying what is wrong. */
export async function validateDecision(input: DecisionInput, registry: SubjectRegistry, by: string, now: Date) {
  const status = input.status as DecisionStatus;
  if (!DECISION_STATUSES.includes(status)) fail(`The status must be one of ${DECISION_STATUSES.join(', ')}, not "${input.status}".`);
  const { subject } = resolveSubject(input.subject, registry);
  const refused = subjectRefusal(subject, status, registry);
  if (refused) fail(refused);
  const reason = (input.reason ?? '').trim();
  const problem = sentenceProblem(reason);
  if (status === 'implemented') {
    if (!reason || PLACEHOLDERS.has(reason.toLowerCase())) fail('Say how the safeguard is implemented (--reason), not a placeholder.');
  } else if (problem) {
    const what = {
      alternative: 'why the alternative measure is reasonable and appropriate',
      'not-reasonable': 'why implementing it is not reasonable and appropriate for your organization',
      'risk-accepted': 'why the risk is accepted',
      'not-applicable': 'why the specification does not apply',
    }[status];
    fail(`The reason must explain ${what} in a real sentence: ${problem}.`);
  }
  const alternative = input.alternative?.trim() || undefined;
  if (status === 'alternative') {
    const p = sentenceProblem(alternative);
    if (p) fail(`An "alternative" decision must describe the equivalent measure in place (--alternative): ${p}.`);
  } else if (alternative) fail(`--alternative only goes with the status "alternative" (this one is "${status}").`);
  const owner = input.owner?.trim() || undefined;
  if (status === 'risk-accepted' && !owner) fail('A risk-accepted decision needs the person who owns the risk (--owner).');
  if (status === 'risk-accepted' && !input.reviewBy) fail('A risk-accepted decision needs an expiry date (--review-by YYYY-MM-DD) after which the risk must be looked at again.');

  let decidedAt: Date = now;
  if (input.decidedAt) {
    const d = parseDay(input.decidedAt) ?? (ISO_DAY.test(input.decidedAt.slice(0, 10)) && !Number.isNaN(Date.parse(input.decidedAt)) ? new Date(input.decidedAt) : undefined);
    if (!d) fail(`The decision date "${input.decidedAt}" is not a date like 2026-11-24.`);
    decidedAt = d as Date;
    if (decidedAt.getTime() > now.getTime() + DAY) fail(`The decision date ${input.decidedAt} is in the future.`);
  }
  let reviewBy = oneYearAfter(decidedAt);
  if (input.reviewBy) {
    const d = parseDay(input.reviewBy);
    if (!d) fail(`The review date "${input.reviewBy}" is not a date like ${oneYearAfter(now)} (YYYY-MM-DD).`);
    if (input.reviewBy <= isoDay(now)) fail(`The review date ${input.reviewBy} is not in the future; a decision is valid until its review date.`);
    reviewBy = input.reviewBy;
  }
  const decidedBy = input.decidedBy?.trim() || by;
  const approvedBy = input.approvedBy?.trim() || undefined;

  const scope = input.scope ? { ...input.scope } : undefined;
  for (const a of scope?.accounts ?? []) if (!ACCOUNT.test(a)) fail(`"${a}" is not an AWS account id (twelve digits).`);
  for (const r of scope?.regions ?? []) if (!REGION.test(r)) fail(`"${r}" is not an AWS region name like us-east-1.`);
  for (const r of scope?.resources ?? []) if (!r.trim()) fail('A resource in the scope is empty.');
  const cleanScope =
    scope && (scope.accounts?.length || scope.regions?.length || scope.resources?.length)
      ? {
          accounts: scope.accounts?.length ? [...scope.accounts] : undefined,
          regions: scope.regions?.length ? [...scope.regions] : undefined,
          resources: scope.resources?.length ? scope.resources.map((r) => r.trim()) : undefined,
        }
      : undefined;

  return {
    subject,
    status,
    reason,
    alternative,
    owner,
    decidedBy,
    approvedBy,
    decidedAt: decidedAt.toISOString(),
    reviewBy,
    scope: cleanScope,
    evidence: await resolveEvidence(input.evidence),
  };
}

export interface AttestationInput {
  readonly attestation: string;
  readonly answer: string;
  /** name → value; an `evidence` field's value is a file path (hashed here). */
  readonly fields?: Readonly<Record<string, string>>;
  readonly attestedBy?: string;
  readonly attestedAt?: string;
  readonly evidence?: readonly (string | Evidence)[];
}

function fieldProblem(f: FieldDef, value: string): string | undefined {
  const v = value.trim();
  switch (f.kind) {
    case 'date':
      return parseDay(v) ? undefined : `"${f.name}" must be a date like 2026-11-24, not "${value}"`;
    case 'percent': {
      const n = Number(v.replace(/%$/, ''));
      return v !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? undefined : `"${f.name}" must be a percentage from 0 to 100, not "${value}"`;
    }
    case 'number':
      return v !== '' && Number.isFinite(Number(v)) ? undefined : `"${f.name}" must be a number, not "${value}"`;
    case 'boolean':
      return /^(yes|no|true|false)$/i.test(v) ? undefined : `"${f.name}" must be yes or no, not "${value}"`;
    case 'url':
      return /^https?:\/\/\S+$/.test(v) ? undefined : `"${f.name}" must be a web address starting with https://, not "${value}"`;
    default:
      return v ? undefined : `"${f.name}" is empty`;
  }
}

export async function validateAttestation(input: AttestationInput, registry: SubjectRegistry, by: string, now: Date) {
  const def = registry.attestation(input.attestation.trim());
  if (!def) {
    const near = closest(input.attestation, registry.attestations.map((a) => a.id));
    fail(`There is no attestation "${input.attestation}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '.'}`);
  }
  const att = def as AttestationDef;
  if (!['yes', 'no', 'partial'].includes(input.answer)) fail(`The answer must be yes, no or partial, not "${input.answer}".`);
  const fields: Record<string, string> = {};
  const evidence: (string | Evidence)[] = [...(input.evidence ?? [])];
  for (const [name, value] of Object.entries(input.fields ?? {})) {
    const f = att.fields.find((x) => x.name === name);
    if (!f) fail(`The attestation "${att.id}" has no field "${name}"; its fields are ${att.fields.map((x) => x.name).join(', ') || '(none)'}.`);
    const p = fieldProblem(f as FieldDef, value);
    if (p) fail(`${p}.`);
    fields[name] = value.trim();
    if ((f as FieldDef).kind === 'evidence') evidence.push(value.trim());
  }
  if (input.answer !== 'no') {
    const missing = att.fields.filter((f) => f.required && !(f.name in fields));
    if (missing.length) fail(`Answering "${input.answer}" to "${att.id}" needs ${missing.map((f) => `${f.name} (${f.label})`).join(', ')}: add --field name=value.`);
  }
  let attestedAt = now;
  if (input.attestedAt) {
    const d = parseDay(input.attestedAt) ?? (Number.isNaN(Date.parse(input.attestedAt)) ? undefined : new Date(input.attestedAt));
    if (!d) fail(`"${input.attestedAt}" is not a date like 2026-11-24.`);
    attestedAt = d as Date;
    if (attestedAt.getTime() > now.getTime() + DAY) fail(`The attestation date ${input.attestedAt} is in the future.`);
  }
  return {
    attestation: att.id,
    answer: input.answer as 'yes' | 'no' | 'partial',
    fields,
    attestedBy: input.attestedBy?.trim() || by,
    attestedAt: attestedAt.toISOString(),
    evidence: await resolveEvidence(evidence),
  };
}

export interface VendorInput {
  /** Default: made from the name ("Acme Billing, Inc." → "acme-billing-inc"). */
  readonly id?: string;
  readonly name: string;
  readonly services: string;
  readonly phiKinds: string;
  readonly baaSignedOn?: string;
  readonly baaExpiresOn?: string;
  readonly baaLocation?: string;
}

export const vendorSlug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function validateVendor(input: VendorInput) {
  const name = input.name?.trim();
  if (!name) fail('The vendor needs a name (--name).');
  const id = (input.id?.trim() || vendorSlug(name)).toLowerCase();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`The vendor id "${id}" must be lower-case words joined by hyphens.`);
  const services = input.services?.trim();
  if (!services) fail(`Say what ${name} does for you (--services).`);
  const phiKinds = input.phiKinds?.trim();
  if (!phiKinds) fail(`Say which kinds of ePHI ${name} can reach (--phi), or "none".`);
  for (const [flag, v] of [
    ['--baa-signed', input.baaSignedOn],
    ['--baa-expires', input.baaExpiresOn],
  ] as const) {
    if (v && !parseDay(v)) fail(`${flag} "${v}" is not a date like 2026-11-24.`);
  }
  if (input.baaExpiresOn && !input.baaSignedOn) fail('A BAA expiry date needs the date it was signed (--baa-signed).');
  if (input.baaSignedOn && input.baaExpiresOn && input.baaExpiresOn <= input.baaSignedOn) fail(`The BAA cannot expire (${input.baaExpiresOn}) before it was signed (${input.baaSignedOn}).`);
  return {
    id,
    name,
    services,
    phiKinds,
    baaSignedOn: input.baaSignedOn || undefined,
    baaExpiresOn: input.baaExpiresOn || undefined,
    baaLocation: input.baaLocation?.trim() || undefined,
  };
}

export interface EvidenceDrift {
  readonly entryId: string;
  readonly path: string;
  readonly problem: 'missing' | 'changed';
  /** One sentence. */
  readonly message: string;
}

/**
 * Evidence files named by entries that are missing or no longer match the SHA-256 recorded for
 * them. Paths recorded relative to the records folder are read from there; older entries' paths are
 * read as recorded (relative ones from the current folder, then from the records folder). Web
 * addresses are not checked.
 */
export async function evidenceDrift(entries: readonly { readonly id: string; readonly body: Readonly<Record<string, unknown>> }[], recordsDir?: string): Promise<EvidenceDrift[]> {
  const out: EvidenceDrift[] = [];
  for (const e of entries) {
    const evidence = e.body.evidence;
    if (!Array.isArray(evidence)) continue;
    for (const item of evidence as Evidence[]) {
      if ('url' in item) continue;
      const where = evidencePathOf(item, recordsDir);
      // Name the file as the person running verify reaches it, not as stored beside the register.
      const shown = item.base === 'records' && recordsDir ? relative(process.cwd(), where) || where : item.path;
      let now = await evidenceOf(where).catch(() => undefined);
      if (!now && item.base !== 'records' && recordsDir && !isAbsolute(item.path)) now = await evidenceOf(join(recordsDir, item.path)).catch(() => undefined);
      if (!now) out.push({ entryId: e.id, path: item.path, problem: 'missing', message: `The evidence file "${shown}" of ${e.id} cannot be found from here.` });
      else if (now.sha256 !== item.sha256)
        out.push({ entryId: e.id, path: item.path, problem: 'changed', message: `The evidence file "${shown}" of ${e.id} has changed since it was recorded (SHA-256 now ${now.sha256}, recorded ${item.sha256}).` });
    }
  }
  return out;
}

export interface RefusedDecision {
  readonly entryId: string;
  readonly subject: string;
  readonly status: string;
  readonly section: string;
  /** The later decision on the same subject that replaced this one, if any. */
  readonly supersededBy?: string;
  /** One sentence or two: the entry, its subject and why HIPAA does not allow it. */
  readonly message: string;
}

/**
 * Decisions in the register whose status HIPAA does not allow on their subject (a not-reasonable or
 * alternative decision on a required specification, written before `decide` refused them). The chain
 * is not at fault: the entries are what was written; their content is the problem.
 */
export function refusedDecisions(
  entries: readonly { readonly id: string; readonly kind: string; readonly body: Readonly<Record<string, unknown>> }[],
  registry: Pick<SubjectRegistry, 'check' | 'attestation'>,
): RefusedDecision[] {
  const decisions = entries.filter((e) => e.kind === 'decision');
  const latest = new Map<string, string>();
  for (const e of decisions) latest.set(String(e.body.subject), e.id);
  const out: RefusedDecision[] = [];
  for (const e of decisions) {
    const subject = String(e.body.subject);
    const status = String(e.body.status);
    const cited = subjectCitation(subject, registry);
    const refused = cited && subjectRefusal(subject, status, registry);
    if (!cited || !refused) continue;
    const next = latest.get(subject);
    const supersededBy = next !== e.id ? next : undefined;
    out.push({
      entryId: e.id,
      subject,
      status,
      section: cited.section,
      supersededBy,
      message: `${e.id} records "${status}" on ${subject}, which HIPAA does not allow: ${refused}${supersededBy ? ` It is no longer in effect: ${supersededBy} replaced it.` : ''}`,
    });
  }
  return out;
}

/**
 * The shape of each kind of entry's body as stored, checked whenever the register is read: a field
 * this version does not know, a missing field or a wrong type is reported with its line, never
 * guessed at. (Whether a reason is a real sentence is checked once, when a decision is recorded:
 * see validate.ts.) Journal bodies belong to the apply code and are only required to be objects.
 */
export const DECISION_STATUSES = ['implemented', 'alternative', 'not-reasonable', 'risk-accepted', 'not-applicable'] as const;
export const ANSWERS = ['yes', 'no', 'partial'] as const;

type FieldRule = 'string' | 'string?' | 'boolean?' | 'strings-map' | 'scope?' | 'evidence?' | readonly string[];

const SHAPES: Record<'decision' | 'attestation' | 'vendor', Record<string, FieldRule>> = {
  decision: {
    subject: 'string',
    status: DECISION_STATUSES,
    reason: 'string',
    alternative: 'string?',
    owner: 'string?',
    decidedBy: 'string',
    approvedBy: 'string?',
    decidedAt: 'string',
    reviewBy: 'string',
    scope: 'scope?',
    evidence: 'evidence?',
  },
  attestation: {
    attestation: 'string',
    answer: ANSWERS,
    fields: 'strings-map',
    attestedBy: 'string',
    attestedAt: 'string',
    evidence: 'evidence?',
  },
  vendor: {
    id: 'string',
    name: 'string',
    services: 'string',
    phiKinds: 'string',
    baaSignedOn: 'string?',
    baaExpiresOn: 'string?',
    baaLocation: 'string?',
    retired: 'boolean?',
  },
};

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

function ruleProblem(name: string, rule: FieldRule, value: unknown): string | undefined {
  if (Array.isArray(rule)) return rule.includes(value as string) ? undefined : `"${name}" must be one of ${rule.join(', ')}`;
  if (value === undefined) return (rule as string).endsWith('?') ? undefined : `"${name}" is missing`;
  switch (rule) {
    case 'string':
    case 'string?':
      return typeof value === 'string' ? undefined : `"${name}" must be text`;
    case 'boolean?':
      return typeof value === 'boolean' ? undefined : `"${name}" must be true or false`;
    case 'strings-map':
      return value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
        ? undefined
        : `"${name}" must map names to text`;
    case 'scope?': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return `"${name}" must be an object`;
      for (const [k, v] of Object.entries(value)) {
        if (!['accounts', 'regions', 'resources'].includes(k)) return `"${name}" has an unknown field "${k}"`;
        if (!isStringArray(v)) return `"${name}.${k}" must be a list of text`;
      }
      return undefined;
    }
    case 'evidence?': {
      if (!Array.isArray(value)) return `"${name}" must be a list`;
      for (const e of value) {
        if (!e || typeof e !== 'object') return `"${name}" must hold {path, sha256} or {url} items`;
        const keys = Object.keys(e);
        if ('url' in e) {
          if (keys.length !== 1 || typeof (e as { url?: unknown }).url !== 'string' || !/^https?:\/\//i.test((e as { url: string }).url)) return `"${name}" must hold an http or https address in each {url} item, and nothing else`;
          continue;
        }
        const extra = keys.find((k) => k !== 'path' && k !== 'sha256' && k !== 'base');
        if (extra) return `"${name}" has an unknown field "${extra}"`;
        const { path, sha256, base } = e as { path?: unknown; sha256?: unknown; base?: unknown };
        if (base !== undefined && base !== 'records') return `"${name}" has a "base" other than "records"`;
        if (typeof path !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return `"${name}" must hold a path and a 64-digit SHA-256 for each file`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Problems with a stored body, as phrases ("unknown field \"foo\""); empty when it is well-formed. */
export function bodyProblems(kind: string, body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ['the body must be an object'];
  if (kind === 'journal') return [];
  const shape = SHAPES[kind as keyof typeof SHAPES];
  if (!shape) return [];
  const out: string[] = [];
  for (const key of Object.keys(body)) if (!(key in shape)) out.push(`unknown field "${key}" in the ${kind}`);
  for (const [name, rule] of Object.entries(shape)) {
    const p = ruleProblem(name, rule, (body as Record<string, unknown>)[name]);
    if (p) out.push(p);
  }
  return out;
}

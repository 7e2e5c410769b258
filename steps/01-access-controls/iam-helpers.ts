/**
 * Small pure helpers the access-control checks share: reading IAM policy statements in every shape
 * IAM accepts, and reading the credential report's rows.
 */
import type { CredentialReportRow, PolicyDocument } from '../../src/state/iam.js';

export interface Statement {
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A policy's statements: `Statement` may be one object or an array of them. */
export function statements(doc: PolicyDocument | null | undefined): Statement[] {
  const s = doc?.Statement;
  if (Array.isArray(s)) return s.filter(isObject) as Statement[];
  return isObject(s) ? [s as Statement] : [];
}

/** A string-or-array element (Action, Resource, a principal list) as an array of strings. */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** How many services a NotAction list may leave out and still leave the holder, in effect, an administrator. */
const NARROW_EXCEPTIONS = 3;

/**
 * Whether a statement allows every action on every resource: Action "*" (or "*:*"), or an Allow with
 * NotAction whose exceptions are narrow (at most three services, e.g. everything but IAM), on
 * Resource "*" (or on everything but a NotResource list). A NotAction of "*" allows nothing; one
 * listing many services is a broad grant, not everything.
 */
export function grantsEverything(s: Statement): boolean {
  if (s.Effect !== 'Allow') return false;
  const everywhere = strings(s.Resource).includes('*') || (s.Resource === undefined && s.NotResource !== undefined);
  if (!everywhere) return false;
  if (s.NotAction !== undefined) {
    const excluded = strings(s.NotAction);
    if (excluded.some((a) => a === '*' || a === '*:*')) return false;
    const services = new Set(excluded.map((a) => a.split(':')[0]?.toLowerCase() ?? a));
    return services.size <= NARROW_EXCEPTIONS;
  }
  return strings(s.Action).some((a) => a === '*' || a === '*:*');
}

/** The AWS-managed policy that grants everything, in any partition. */
export const isAdministratorAccess = (arn: string) => /^arn:aws[\w-]*:iam::aws:policy\/AdministratorAccess$/.test(arn);

/** The policy's statements that grant everything; empty when none does. */
export function adminStatements(doc: PolicyDocument | null | undefined): Statement[] {
  return statements(doc).filter(grantsEverything);
}

export const ROOT_ROW = '<root_account>';
export const isRoot = (row: CredentialReportRow) => row.user === ROOT_ROW;

/** "2026-11-24" from an ISO timestamp. */
export const day = (iso: string) => iso.slice(0, 10);

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

/**
 * Whether a statement allows every action on every resource: Action "*" (or "*:*"), or an Allow
 * with NotAction (everything except a few actions is as good as everything), on Resource "*".
 */
export function grantsEverything(s: Statement): boolean {
  if (s.Effect !== 'Allow') return false;
  if (!strings(s.Resource).includes('*')) return false;
  if (s.NotAction !== undefined) return true;
  return strings(s.Action).some((a) => a === '*' || a === '*:*');
}

/** The policy's statements that grant everything; empty when none does. */
export function adminStatements(doc: PolicyDocument | null | undefined): Statement[] {
  return statements(doc).filter(grantsEverything);
}

export const ROOT_ROW = '<root_account>';
export const isRoot = (row: CredentialReportRow) => row.user === ROOT_ROW;

/** "2026-11-24" from an ISO timestamp. */
export const day = (iso: string) => iso.slice(0, 10);

/** IAM policy-document rules the checks and the fixes share: statements, actions, principals. */
import type { PolicyDocument } from '../state/iam.js';

export interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export function statements(doc: PolicyDocument | null | undefined): Statement[] {
  const s = doc?.Statement;
  if (!s) return [];
  return (Array.isArray(s) ? s : [s]) as Statement[];
}

export const asList = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Whether an IAM action pattern ("s3:*", "s3:Get*", "*") covers an action. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** Every principal ARN or "*" a statement names (AWS principals only). */
export function principals(s: Statement): string[] {
  const p = s.Principal;
  if (p === '*') return ['*'];
  if (p && typeof p === 'object') return asList((p as Record<string, unknown>).AWS);
  return [];
}

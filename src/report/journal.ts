/**
 * The journal of applied fixes, as the report shows it. Journal entries are written by apply and
 * undo (src/engine/apply.ts) into the records folder; the report reads them as plain data and keeps
 * only what an auditor asks: what was changed, where, by whom, when, with what result, and whether
 * the checks passed afterwards. Unknown or missing fields are left out, never guessed.
 */
import type { Risk } from '../engine/model.js';

/** One entry of the records folder as src/records returns it (only the fields the report reads). */
export interface RecordEntryLike {
  readonly id?: string;
  readonly seq?: number;
  readonly kind?: string;
  /** ISO timestamp of the append. */
  readonly at?: string;
  readonly by?: string;
  readonly hash?: string;
  readonly body?: unknown;
}

export interface JournalAction {
  readonly summary: string;
  readonly resource: string | null;
  readonly region: string | null;
  /** done · failed · skipped (after an earlier failure) · null when the entry does not say. */
  readonly result: 'done' | 'failed' | 'skipped' | null;
  readonly error: string | null;
}

export interface JournalItem {
  /** The entry's id (or hash) in the records folder. */
  readonly id: string;
  readonly at: string | null;
  readonly by: string | null;
  /** apply or undo */
  readonly operation: 'apply' | 'undo';
  readonly remediation: string | null;
  readonly title: string;
  /** applied · failed · partial · …, as the entry records it. */
  readonly outcome: string | null;
  readonly actions: readonly JournalAction[];
  /** The checks re-run after the change, with their status then. */
  readonly rechecks: readonly { readonly check: string; readonly status: string }[];
  /** For an undo: the entry it took back. */
  readonly undoOf: string | null;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const first = (...vs: unknown[]): string | null => {
  for (const v of vs) {
    const s = str(v);
    if (s !== null) return s;
  }
  return null;
};
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

function actionResult(r: Obj | undefined): Pick<JournalAction, 'result' | 'error'> {
  if (!r) return { result: null, error: null };
  const error = first(r.error, isObj(r.error) ? r.error.message : undefined, r.message);
  const raw = first(r.status, r.result, r.outcome);
  if (raw === 'failed' || raw === 'error' || r.ok === false) return { result: 'failed', error };
  if (raw === 'skipped' || raw === 'not-run' || raw === 'pending') return { result: 'skipped', error };
  if (raw === 'done' || raw === 'ok' || raw === 'applied' || raw === 'succeeded' || raw === 'success' || r.ok === true) return { result: 'done', error };
  return { result: null, error };
}

export function journalItem(
  entry: RecordEntryLike,
  index: number,
  catalog: { remediation(id: string): { readonly title: string; readonly risk: Risk } | undefined },
): JournalItem {
  const body: Obj = isObj(entry.body) ? entry.body : {};
  const plan: Obj = isObj(body.plan) ? body.plan : {};
  const remediation = first(body.remediation, plan.remediation);
  const undoOf = first(body.undoOf, body.undo, body.undoes, body.reverts);
  const plannedActions = list(body.actions).length ? list(body.actions) : list(plan.actions);
  const results = list(body.results).length ? list(body.results) : list(body.outcomes);
  const actions: JournalAction[] = plannedActions.map((a, i) => {
    const action: Obj = isObj(a.action) ? a.action : a;
    const own = isObj(a.result) ? a.result : a;
    return {
      summary: first(action.summary, action.command) ?? `action ${i + 1}`,
      resource: first(action.resource),
      region: first(action.region),
      ...actionResult(results.find((r) => r.index === i) ?? results[i] ?? own),
    };
  });
  const rechecks = [...list(body.recheck), ...list(body.rechecks), ...list(body.verification), ...list(body.after)]
    .map((r) => ({ check: first(r.check, r.id), status: first(r.status) }))
    .filter((r): r is { check: string; status: string } => r.check !== null && r.status !== null);
  return {
    id: first(entry.id, entry.hash, entry.seq) ?? `journal-${index + 1}`,
    at: first(entry.at, body.at, body.appliedAt),
    by: first(entry.by, body.by, body.appliedBy),
    operation: undoOf || body.operation === 'undo' || body.kind === 'undo' ? 'undo' : 'apply',
    remediation,
    title: first(body.title, plan.title) ?? (remediation ? (catalog.remediation(remediation)?.title ?? remediation) : 'Applied change'),
    outcome: first(body.outcome, body.status, body.result),
    actions,
    rechecks,
    undoOf,
  };
}

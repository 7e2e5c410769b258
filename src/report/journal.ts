/**
 * The journal of applied fixes, as the report shows it. Journal entries are written by apply and
 * undo (journalBody in src/engine/apply.ts) into the records folder; the report reads them as plain data and keeps
 * only what an auditor asks: what was changed, where, by whom, when, with what result, and whether
 * the checks passed afterwards. Unknown or missing fields are left out, never guessed.
 */

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
  /** done · failed · skipped (not run after a failure or an interruption) · null when the entry does not say. */
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
  /** applied · failed · interrupted · …, as apply recorded it. */
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
  const error = first(isObj(r.error) ? r.error.message : r.error);
  const status = first(r.status);
  if (status === 'failed') return { result: 'failed', error };
  if (status === 'not-run') return { result: 'skipped', error };
  if (status === 'done') return { result: 'done', error };
  return { result: null, error };
}

export function journalItem(
  entry: RecordEntryLike,
  index: number,
  catalog: { remediation(id: string): { readonly title: string } | undefined },
): JournalItem {
  const body: Obj = isObj(entry.body) ? entry.body : {};
  const remediation = first(body.remediation);
  const undoOf = first(body.undoOf);
  const results = list(body.results);
  const actions: JournalAction[] = list(body.actions).map((a, i) => ({
    summary: first(a.summary, a.command) ?? `action ${i + 1}`,
    resource: first(a.resource),
    region: first(a.region),
    ...actionResult(results.find((r) => r.index === i) ?? results[i]),
  }));
  const rechecks = list(body.verification)
    .map((r) => ({ check: first(r.check), status: first(r.status) }))
    .filter((r): r is { check: string; status: string } => r.check !== null && r.status !== null);
  return {
    id: first(entry.id, entry.hash, entry.seq) ?? `journal-${index + 1}`,
    at: first(entry.at, body.finishedAt, body.startedAt),
    by: first(entry.by, body.by),
    operation: undoOf || body.operation === 'undo' ? 'undo' : 'apply',
    remediation,
    title: first(body.title) ?? (remediation ? (catalog.remediation(remediation)?.title ?? remediation) : 'Applied change'),
    outcome: first(body.outcome),
    actions,
    rechecks,
    undoOf,
  };
}

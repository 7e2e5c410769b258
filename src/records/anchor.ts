/**
 * Anchors: the register's head (its last entry's sequence number and hash), written somewhere the
 * register's owner cannot quietly rewrite — a file the auditor keeps, or an S3 object under Object
 * Lock in compliance mode. The hash chain alone cannot tell that the last entries were deleted
 * together with `register.head.json`; an anchor can, because the anchored entry must still be there,
 * with the same hash, for the register to verify against it.
 *
 * Pure: building an anchor, reading anchors back from text, checking them against the entries.
 * Writing to and reading from S3 lives in src/aws/anchors.ts; the CLI wires them.
 */
import { ANCHOR_FORMAT, type AnchorFile, AnchorSchema } from '../schemas/anchor.js';
import { conforms, parseJson, problemsOf } from '../schemas/schema.js';
import type { RecordEntry } from './store.js';

export { ANCHOR_FORMAT };

/** An anchor as read back, with what AnchorSchema leaves optional filled in. */
export type Anchor = Required<AnchorFile>;

export interface AnchorProblem {
  readonly anchor: Anchor;
  /** Where the anchor was read from (a file and line, or an S3 key). */
  readonly from: string;
  readonly message: string;
}

export class AnchorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnchorError';
  }
}

/** The anchor for a register whose entries are given (its last entry is the head). */
export function anchorOf(entries: readonly RecordEntry[], register: string, by: string, now: Date): Anchor {
  const last = entries.at(-1);
  if (!last) throw new AnchorError(`Nothing is recorded in ${register} yet; there is no head to anchor.`);
  return { format: ANCHOR_FORMAT, seq: last.seq, id: last.id, hash: last.hash, anchoredAt: now.toISOString(), anchoredBy: by, register };
}

/** Reads one anchor from its JSON text (AnchorSchema); says what is wrong, naming where it came from. */
export function parseAnchor(text: string, from: string): Anchor {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new AnchorError(`${from} is not an anchor: it is not JSON.`);
  const a = parsed.value;
  const format = a && typeof a === 'object' ? (a as { format?: unknown }).format : undefined;
  if (format !== ANCHOR_FORMAT) throw new AnchorError(`${from} is not an anchor written by hipaa-wizard (no "format": "${ANCHOR_FORMAT}").`);
  if (!conforms(AnchorSchema, a)) throw new AnchorError(`${from} is not a valid anchor: ${problemsOf(AnchorSchema, a, 'the anchor').join('; ')}.`);
  return { format: ANCHOR_FORMAT, seq: a.seq, id: a.id ?? `seq ${a.seq}`, hash: a.hash, anchoredAt: a.anchoredAt ?? '', anchoredBy: a.anchoredBy ?? '', register: a.register ?? '' };
}

/** An anchors file: one anchor per line (JSON Lines); blank lines are skipped. */
export function parseAnchorsFile(text: string, file: string): { anchor: Anchor; from: string }[] {
  const out: { anchor: Anchor; from: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const from = `${file} line ${i + 1}`;
    out.push({ anchor: parseAnchor(line, from), from });
  });
  return out;
}

/**
 * Every anchored head must still be in the register: the entry with that sequence number, with the
 * same hash. The chain itself is verified elsewhere; this proves nothing was cut from its end.
 */
export function checkAnchors(entries: readonly RecordEntry[], anchors: readonly { anchor: Anchor; from: string }[]): AnchorProblem[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const last = entries.at(-1);
  const problems: AnchorProblem[] = [];
  for (const { anchor, from } of anchors) {
    const when = anchor.anchoredAt ? ` on ${anchor.anchoredAt.slice(0, 10)}` : '';
    const entry = bySeq.get(anchor.seq);
    if (!entry) {
      const ends = last ? `the register now ends at ${last.id} (seq ${last.seq})` : 'the register is now empty';
      problems.push({ anchor, from, message: `The head anchored${when} (${anchor.id}, seq ${anchor.seq}, ${from}) is no longer in the register: ${ends}, so entries were removed after it was anchored.` });
    } else if (entry.hash !== anchor.hash) {
      problems.push({ anchor, from, message: `${entry.id} (seq ${anchor.seq}) differs from the one anchored${when} (${from}): its hash is ${entry.hash}, the anchor's ${anchor.hash}, so the register was rewritten from there on.` });
    }
  }
  return problems;
}

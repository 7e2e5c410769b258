/**
 * The register: one append-only file of hash-chained JSON lines, `register.jsonl`, in the records
 * folder. Each line is one entry `{ v, seq, id, kind, at, by, body, prev, hash }`: `prev` is the
 * hash of the entry before (64 zeros for the first), `hash` the SHA-256 of the entry's canonical
 * JSON without `hash` (canonical.ts). The file is only ever appended to.
 *
 * Appending: under the folder's lock (lock.ts) the writer reads and verifies the whole register,
 * builds the next entry, and appends it with one write of the whole line followed by fsync; only
 * then does appendRecord return. `register.head.json` (replaced by rename after each append)
 * names the last entry, so removing entries from the end is detected too.
 *
 * An interrupted append (a crash, a kill, a full disk) can leave an incomplete last line with no
 * newline. It was never acknowledged, so it is not an entry: readers report it as a notice, and the
 * next append ends that line with FRAGMENT_SEAL and starts its entry on a fresh line, leaving the
 * fragment in place (nothing is rewritten or dropped). A sealed fragment in the middle is accepted
 * only when the chain runs straight across it (the entry after it names the entry before it as
 * `prev`); any other unreadable line is an error, and an entry that was part of the chain and is
 * now unreadable breaks the chain as well.
 */
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { processGone, writeFileAtomic } from '../lib/files.js';
import { sha256Hex } from '../lib/hash.js';
import { canonicalJson } from '../lib/json.js';
import { RecordsError } from './errors.js';
import { acquireLock } from './lock.js';
import { type AttestationBody, bodyProblems, type DecisionBody, EntrySchema, HeadSchema, RECORD_KINDS, type RecordKind, type VendorBody } from '../schemas/records.js';
import { conforms, problemsOf, type Static } from '../schemas/schema.js';

export const RECORDS_FORMAT_VERSION = 1;
export const REGISTER_FILE = 'register.jsonl';
export const HEAD_FILE = 'register.head.json';
export const LOCK_FILE = '.register.lock';
export const GENESIS = '0'.repeat(64);
/** Written after the fragment an interrupted append left, to end its line: only the appender writes it. */
export const FRAGMENT_SEAL = ' <- interrupted append, not an entry';

export { RECORD_KINDS, type RecordKind };
const ID_PREFIX: Record<RecordKind, string> = { decision: 'D', attestation: 'A', vendor: 'V', journal: 'J' };

/** An entry's body as plain fields, whatever its kind (journal bodies, and readers that only look). */
export function fieldsOf(entry: RecordEntry): Readonly<Record<string, unknown>> {
  return entry.body;
}

/** What every entry has besides its kind and body. */
type EntryBase = Omit<Static<typeof EntrySchema>, 'kind' | 'body'>;

/**
 * One entry of the register, as EntrySchema (src/schemas/records.ts) accepts it, its body typed by
 * its kind (BODY_SCHEMAS checks each body when the register is read and before an entry is written).
 */
export type RecordEntry =
  | (EntryBase & { readonly kind: 'decision'; readonly body: DecisionBody })
  | (EntryBase & { readonly kind: 'attestation'; readonly body: AttestationBody })
  | (EntryBase & { readonly kind: 'vendor'; readonly body: VendorBody })
  | (EntryBase & { readonly kind: 'journal'; readonly body: Record<string, unknown> });

export type ProblemCode =
  | 'unreadable'
  | 'malformed'
  | 'unknown-field'
  | 'newer-version'
  | 'hash-mismatch'
  | 'chain-break'
  | 'head-mismatch'
  | 'interrupted-append'
  | 'blank-line';

export interface RecordProblem {
  /** The file, as a path from the records folder's parent (e.g. "hipaa-records/register.jsonl"). */
  readonly file: string;
  /** 1-based line; 0 for a problem with the file as a whole. */
  readonly line: number;
  /** An error fails verification; a notice is shown but does not. */
  readonly severity: 'error' | 'notice';
  readonly code: ProblemCode;
  readonly entryId?: string;
  /** One sentence naming file and line. */
  readonly message: string;
}

export { RecordsError };

export interface RegisterScan {
  readonly entries: readonly RecordEntry[];
  /** The 1-based line of each entry, parallel to `entries`. */
  readonly lines: readonly number[];
  readonly problems: readonly RecordProblem[];
  /** The last entry the chain reached (prev and seq for the next append). */
  readonly tail: { readonly seq: number; readonly hash: string };
  /** Whether the file ends in a newline (an interrupted append leaves it without one). */
  readonly endsClean: boolean;
  /** The unterminated last line is a fragment (to be sealed), not an entry missing only its newline. */
  readonly tailFragment: boolean;
  readonly file: string;
}

export const registerPath = (dir: string) => join(dir, REGISTER_FILE);
export const headPath = (dir: string) => join(dir, HEAD_FILE);

/** Who is acting: HIPAA_WIZARD_USER, else the OS user name. */
export function currentUser(): string {
  const env = process.env.HIPAA_WIZARD_USER?.trim();
  if (env) return env;
  try {
    return userInfo().username || process.env.USER || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

export function entryHash(entry: Omit<RecordEntry, 'hash'> | RecordEntry): string {
  const { hash: _ignored, ...rest } = entry as RecordEntry;
  return sha256Hex(canonicalJson(rest));
}

const label = (e: { id?: unknown; seq?: unknown }) => (typeof e.id === 'string' ? `entry ${e.id}` : typeof e.seq === 'number' ? `entry seq ${e.seq}` : 'the entry');

function shapeProblems(o: Record<string, unknown>): string[] {
  const out = problemsOf(EntrySchema, o, 'the entry');
  if (typeof o.at === 'string' && Number.isNaN(Date.parse(o.at))) out.push('"at" is not a timestamp');
  const body = o.body;
  if (RECORD_KINDS.includes(o.kind as RecordKind) && body && typeof body === 'object' && !Array.isArray(body)) out.push(...bodyProblems(o.kind as string, body));
  return out;
}

/** Parses and checks the register text; pure (exported for tests and for verify). */
export function scanRegisterText(text: string, file: string, head?: { seq: number; hash: string } | 'unreadable'): RegisterScan {
  const problems: RecordProblem[] = [];
  const entries: RecordEntry[] = [];
  const lines: number[] = [];
  const at = (line: number, severity: RecordProblem['severity'], code: ProblemCode, message: string, entryId?: string) =>
    problems.push({ file, line, severity, code, message: `${file} line ${line}: ${message}`, entryId });
  let tail = { seq: 0, hash: GENESIS };
  const endsClean = text.length === 0 || text.endsWith('\n');
  const raw = text.split('\n');
  if (endsClean) raw.pop();
  // Unparseable lines wait here until we know whether the chain runs straight across them.
  let fragments: { line: number; bytes: number; detail: string; sealed: boolean; last: boolean }[] = [];
  let tailFragment = false;
  const settleFragments = (chainedAcross: boolean) => {
    for (const f of fragments) {
      // A fragment ends either the file (not yet sealed) or in the seal the next append wrote after it.
      if (chainedAcross && (f.sealed || f.last)) {
        at(f.line, 'notice', 'interrupted-append', `an incomplete entry (${f.bytes} bytes) left by an interrupted append; it was never acknowledged and the chain continues across it.`);
      } else {
        at(f.line, 'error', 'malformed', `is not a complete entry (${f.detail}); an entry here was damaged or cut short.`);
      }
    }
    fragments = [];
  };

  raw.forEach((text, i) => {
    const line = i + 1;
    const isLast = i === raw.length - 1;
    if (text.trim() === '') {
      at(line, 'notice', 'blank-line', 'is blank.');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const sealed = text.endsWith(FRAGMENT_SEAL);
      const bytes = Buffer.byteLength(sealed ? text.slice(0, -FRAGMENT_SEAL.length) : text);
      if (isLast && !endsClean) tailFragment = true;
      fragments.push({ line, bytes, detail: `not valid JSON: ${(e as Error).message}`, sealed, last: isLast && !endsClean });
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      settleFragments(false);
      at(line, 'error', 'malformed', 'is valid JSON but not an entry object.');
      return;
    }
    const o = parsed as Record<string, unknown>;
    if (typeof o.v === 'number' && o.v > RECORDS_FORMAT_VERSION) {
      settleFragments(false);
      at(line, 'error', 'newer-version', `${label(o)} was written by a newer hipaa-wizard (register format v${o.v}; this version reads v${RECORDS_FORMAT_VERSION}). Upgrade hipaa-wizard to read this folder.`, o.id as string);
      if (typeof o.hash === 'string' && typeof o.seq === 'number') tail = { seq: o.seq, hash: o.hash };
      return;
    }
    const shape = shapeProblems(o);
    if (o.v !== RECORDS_FORMAT_VERSION) shape.unshift(`"v" must be the format version ${RECORDS_FORMAT_VERSION}`);
    if (shape.length) {
      settleFragments(false);
      const code: ProblemCode = shape.some((s) => s.startsWith('unknown field')) ? 'unknown-field' : 'malformed';
      at(line, 'error', code, `${label(o)} is not a valid entry: ${shape.join('; ')}.`, typeof o.id === 'string' ? o.id : undefined);
      if (typeof o.hash === 'string' && typeof o.seq === 'number') tail = { seq: o.seq, hash: o.hash };
      return;
    }
    const entry = o as unknown as RecordEntry;
    const chainsOn = entry.prev === tail.hash && entry.seq === tail.seq + 1;
    settleFragments(chainsOn);
    const expectedId = `${ID_PREFIX[entry.kind]}-${String(entry.seq).padStart(4, '0')}`;
    if (entryHash(entry) !== entry.hash) {
      at(line, 'error', 'hash-mismatch', `${label(entry)} does not match its hash: it was changed after it was written.`, entry.id);
    } else if (entry.id !== expectedId) {
      at(line, 'error', 'malformed', `${label(entry)} should be named ${expectedId} for a ${entry.kind} at seq ${entry.seq}.`, entry.id);
    } else if (!chainsOn) {
      at(line, 'error', 'chain-break', `${label(entry)} (seq ${entry.seq}) ${chainBreak(entry, tail, entries)}`, entry.id);
    }
    entries.push(entry);
    lines.push(line);
    tail = { seq: entry.seq, hash: entry.hash };
  });

  // Unparseable lines after the last entry: interrupted appends, unless the head names a later entry.
  const headAhead = head && head !== 'unreadable' && head.seq > tail.seq;
  if (fragments.length) settleFragments(!headAhead);
  if (head === 'unreadable') {
    problems.push({ file, line: 0, severity: 'notice', code: 'head-mismatch', message: `${file}: the head file next to it cannot be read, so removal of the last entries cannot be checked.` });
  } else if (head) {
    const named = entries.find((e) => e.seq === head.seq);
    if (head.seq > tail.seq) {
      problems.push({
        file,
        line: 0,
        severity: 'error',
        code: 'head-mismatch',
        message: `${file}: the register ends at seq ${tail.seq}, but its head file records seq ${head.seq}: the last ${head.seq - tail.seq} entr${head.seq - tail.seq === 1 ? 'y was' : 'ies were'} removed or cut short.`,
      });
    } else if (named && named.hash !== head.hash) {
      problems.push({
        file,
        line: lines[entries.indexOf(named)] ?? 0,
        severity: 'error',
        code: 'head-mismatch',
        message: `${file} line ${lines[entries.indexOf(named)]}: ${label(named)} differs from the one the head file recorded: the end of the register was replaced.`,
        entryId: named.id,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { entries, lines, problems, tail, endsClean, tailFragment, file };
}

function chainBreak(entry: RecordEntry, tail: { seq: number; hash: string }, before: readonly RecordEntry[]): string {
  if (entry.seq > tail.seq + 1) {
    const n = entry.seq - tail.seq - 1;
    return `follows seq ${tail.seq}: ${n === 1 ? `the entry with seq ${tail.seq + 1} is` : `the entries with seq ${tail.seq + 1} to ${entry.seq - 1} are`} missing (deleted or moved).`;
  }
  if (entry.seq <= tail.seq) {
    return before.some((e) => e.seq === entry.seq)
      ? `repeats seq ${entry.seq}, which appears earlier: an entry was copied or inserted.`
      : `comes after seq ${tail.seq}: the entries are out of order (moved).`;
  }
  return `does not name the entry before it (seq ${tail.seq}) as its predecessor: an entry was inserted, replaced or moved here.`;
}

async function readHead(dir: string): Promise<{ seq: number; hash: string } | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(headPath(dir), 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const h: unknown = JSON.parse(text);
    if (conforms(HeadSchema, h)) return { seq: h.seq, hash: h.hash };
  } catch {
    // fall through
  }
  return 'unreadable';
}

/** The path shown in messages: the folder as given, joined to the file name. */
const shownFile = (dir: string) => join(dir, REGISTER_FILE);

/** Reads and checks the whole register. A missing folder or file is an empty register. */
export async function scanRegister(dir: string): Promise<RegisterScan> {
  let text: string;
  try {
    text = await readFile(registerPath(dir), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return scanRegisterText('', shownFile(dir));
    throw new RecordsError(`Cannot read ${shownFile(dir)}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}.`);
  }
  return scanRegisterText(text, shownFile(dir), await readHead(dir));
}

/** Every well-formed entry in file order, and every problem found (errors and notices). */
export async function readRecords(dir: string): Promise<{ entries: RecordEntry[]; problems: RecordProblem[] }> {
  const scan = await scanRegister(dir);
  return { entries: [...scan.entries], problems: [...scan.problems] };
}

/** The entries a reader may rely on: those before the first error (all of them when there is none). */
export function trustedEntries(scan: RegisterScan): RecordEntry[] {
  const firstError = scan.problems.find((p) => p.severity === 'error' && p.line > 0)?.line;
  const fileError = scan.problems.some((p) => p.severity === 'error' && p.line === 0);
  if (firstError === undefined && !fileError) return [...scan.entries];
  return scan.entries.filter((_, i) => firstError !== undefined && (scan.lines[i] ?? 0) < firstError);
}

/**
 * Throws the RecordsError appendRecord would throw when the register fails verification: call it
 * before changing anything that must then be journaled (apply), so a damaged register stops the
 * change rather than leave it unrecorded.
 */
export async function assertWritable(dir: string): Promise<void> {
  const firstError = (await scanRegister(dir)).problems.find((p) => p.severity === 'error');
  if (firstError) throw new RecordsError(refusal(dir, firstError));
}

const refusal = (dir: string, p: RecordProblem) =>
  `Nothing was recorded: the register fails verification (${p.message.replace(/\.$/, '')}). Run "hipaa-wizard records verify --records ${dir}" and restore the folder from its copy.`;

export interface AppendOptions {
  /** The entry's timestamp (default: now). */
  readonly now?: Date;
}

/**
 * Appends one entry and returns it once it is on disk. Refuses (RecordsError, nothing written)
 * when the register fails verification: an entry chained onto a damaged register would hide the damage.
 */
export async function appendRecord(dir: string, kind: RecordKind, body: object, by: string = currentUser(), options: AppendOptions = {}): Promise<RecordEntry> {
  if (!RECORD_KINDS.includes(kind)) throw new RecordsError(`"${kind}" is not a kind of record (${RECORD_KINDS.join(', ')}).`);
  canonicalJson(body); // throws on what JSON cannot hold (NaN, functions) before anything is written
  // Stored in the order given (readable); the hash is over the canonical form, so order does not matter.
  const storedBody = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const shape = bodyProblems(kind, storedBody);
  if (shape.length) throw new RecordsError(`The ${kind} cannot be recorded: ${shape.join('; ')}.`);
  if (!by.trim()) throw new RecordsError('Who is recording this must be named (--by, or HIPAA_WIZARD_USER).');
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new RecordsError(`Cannot create the records folder ${dir}: ${(e as Error).message}.`);
  }
  for (;;) {
    const lock = await acquireLock(join(dir, LOCK_FILE));
    try {
      const scan = await scanRegister(dir);
      const firstError = scan.problems.find((p) => p.severity === 'error');
      if (firstError) {
        throw new RecordsError(refusal(dir, firstError));
      }
      await sweepLeftovers(dir);
      const seq = scan.tail.seq + 1;
      const unsigned = {
        v: RECORDS_FORMAT_VERSION,
        seq,
        id: `${ID_PREFIX[kind]}-${String(seq).padStart(4, '0')}`,
        kind,
        at: (options.now ?? new Date()).toISOString(),
        by: by.trim(),
        body: storedBody,
        prev: scan.tail.hash,
      };
      // The body was checked against its kind's schema above (bodyProblems), so it is that kind's body.
      const entry = { ...unsigned, hash: entryHash(unsigned) } as RecordEntry;
      // A fragment from an interrupted append stays where it is; the entry starts on a line of its own.
      const text = `${scan.endsClean ? '' : scan.tailFragment ? `${FRAGMENT_SEAL}\n` : '\n'}${JSON.stringify(entry)}\n`;
      if (!(await lock.stillHeld())) continue; // the lock was broken from under us: start again
      const created = scan.entries.length === 0;
      await writeDurably(registerPath(dir), Buffer.from(text, 'utf8'));
      if (created) await syncDir(dir);
      await writeHead(dir, entry);
      return entry;
    } finally {
      await lock.release();
    }
  }
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const fh = await open(path, 'a', 0o644);
  try {
    let off = 0;
    while (off < data.length) off += (await fh.write(data, off, data.length - off)).bytesWritten;
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some platforms cannot open or sync a directory; the file itself is synced.
  }
}

async function writeHead(dir: string, entry: RecordEntry): Promise<void> {
  await writeFileAtomic(headPath(dir), `${JSON.stringify({ seq: entry.seq, id: entry.id, hash: entry.hash, at: entry.at })}\n`);
}

/** Temp files a killed writer left (lock candidates, head updates), removed once their process is gone and a minute has passed. */
const LEFTOVER = /^(?:\.register\.lock\.(\d+)-[0-9a-f]+\.tmp|\.register\.lock\.broken-(\d+)-[0-9a-f]+|register\.head\.json\.(\d+)(?:\.\d+)?\.tmp)$/;

async function sweepLeftovers(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    const pid = Number(m?.[1] ?? m?.[2] ?? m?.[3]);
    if (!m || pid === process.pid || !processGone(pid)) continue;
    // Another host sharing the folder may have the same pid number: leave anything recent alone.
    const age = await stat(join(dir, name)).then((st) => Date.now() - st.mtimeMs, () => 0);
    if (age > 60_000) await unlink(join(dir, name)).catch(() => undefined);
  }
}

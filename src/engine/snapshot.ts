/**
 * Snapshots: a saved AccountState, for offline review and for the demo. Loading validates the
 * envelope and every slice's shape, and names what is wrong: a file from a newer version, a missing
 * field, a slice that is neither `{ ok: true, value }` nor `{ ok: false, error }`.
 */
import { SnapshotSchema } from '../schemas/snapshot.js';
import { parseJson, problemsOf } from '../schemas/schema.js';
import { type AccountState, STATE_FORMAT_VERSION } from './state.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a snapshot's text against SnapshotSchema (src/schemas/snapshot.ts); `source`
 * names the file in messages. A newer format is named as such before its shape is judged.
 */
export function parseSnapshot(text: string, source: string): AccountState {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new SnapshotError(`The snapshot ${source} cannot be read: ${parsed.problem}.`);
  const data = parsed.value;
  const version = isObject(data) ? data.formatVersion : undefined;
  if (typeof version === 'number' && version > STATE_FORMAT_VERSION) {
    throw new SnapshotError(
      `${source} was written in snapshot format ${version} by a newer hipaa-wizard; this version reads format ${STATE_FORMAT_VERSION}. Upgrade hipaa-wizard to read it.`,
    );
  }
  const problems = problemsOf(SnapshotSchema, data, 'the file');
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new SnapshotError(`The snapshot ${source} is not a hipaa-wizard snapshot: ${problems[0]}${more}.`);
  }
  // The envelope is checked; each slice's value is what its collector wrote (src/state/).
  return data as AccountState;
}

export function serializeSnapshot(state: AccountState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

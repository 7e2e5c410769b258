/**
 * Snapshots: a saved AccountState, for offline review and for the demo. Loading validates the
 * envelope and every slice's shape, and names what is wrong: a file from a newer version, a missing
 * field, a slice that is neither `{ ok: true, value }` nor `{ ok: false, error }`.
 */
import { type AccountState, STATE_FORMAT_VERSION } from './state.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSlice(where: string, slice: unknown): void {
  if (!isObject(slice) || typeof slice.ok !== 'boolean') {
    throw new SnapshotError(`${where} must be {"ok": true, "value": …} or {"ok": false, "error": …}`);
  }
  if (slice.ok && !('value' in slice)) throw new SnapshotError(`${where} says ok but has no "value"`);
  if (!slice.ok) {
    const e = slice.error;
    if (!isObject(e) || typeof e.code !== 'string' || typeof e.message !== 'string' || typeof e.kind !== 'string') {
      throw new SnapshotError(`${where} has an error without "code", "kind" and "message"`);
    }
  }
}

/** Parses and validates a snapshot's text; `source` names the file in messages. */
export function parseSnapshot(text: string, source: string): AccountState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SnapshotError(`${source} is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObject(data)) throw new SnapshotError(`${source} does not hold a hipaa-wizard snapshot (expected a JSON object).`);
  const version = data.formatVersion;
  if (typeof version !== 'number') throw new SnapshotError(`${source} has no "formatVersion": it is not a hipaa-wizard snapshot.`);
  if (version > STATE_FORMAT_VERSION) {
    throw new SnapshotError(
      `${source} was written in snapshot format ${version} by a newer hipaa-wizard; this version reads format ${STATE_FORMAT_VERSION}. Upgrade hipaa-wizard to read it.`,
    );
  }
  if (version < 1) throw new SnapshotError(`${source} has an invalid formatVersion ${version}.`);
  const identity = data.identity;
  if (!isObject(identity) || typeof identity.accountId !== 'string') {
    throw new SnapshotError(`${source} has no "identity.accountId".`);
  }
  if (typeof data.homeRegion !== 'string') throw new SnapshotError(`${source} has no "homeRegion".`);
  if (!Array.isArray(data.regions) || !data.regions.every((r) => typeof r === 'string')) {
    throw new SnapshotError(`${source} has no "regions" list.`);
  }
  if (!isObject(data.global)) throw new SnapshotError(`${source} has no "global" slices object.`);
  if (!isObject(data.regional)) throw new SnapshotError(`${source} has no "regional" slices object.`);
  for (const [key, slice] of Object.entries(data.global)) checkSlice(`${source}: global slice "${key}"`, slice);
  for (const [region, slices] of Object.entries(data.regional)) {
    if (!isObject(slices)) throw new SnapshotError(`${source}: regional slices for ${region} must be an object.`);
    for (const [key, slice] of Object.entries(slices)) checkSlice(`${source}: slice "${key}" in ${region}`, slice);
  }
  return data as unknown as AccountState;
}

export function serializeSnapshot(state: AccountState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

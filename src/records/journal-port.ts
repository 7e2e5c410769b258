/**
 * The register as the executor's journal (src/engine/apply.ts takes it as a port): entries are
 * appended to the hash-chained register, and a register that would refuse the entry is found before
 * the first call of a change is sent.
 */
import type { JournalWriter } from '../engine/apply.js';
import { appendRecord, assertWritable } from './store.js';

export const registerJournal: { readonly journal: JournalWriter; readonly writable: (dir: string) => Promise<void> } = {
  journal: (dir, kind, body, by) => appendRecord(dir, kind, body, by),
  writable: assertWritable,
};

/**
 * The records folder as the runner sees it: the latest decision on each subject and the latest
 * answer to each attestation.
 */
import { existsSync } from 'node:fs';
import { EMPTY_RECORDS, type RecordsView } from '../engine/model.js';

export const DEFAULT_RECORDS_DIR = 'hipaa-records';

export async function loadRecordsView(dir: string): Promise<RecordsView> {
  if (!existsSync(dir)) return EMPTY_RECORDS;
  // The register (src/records/store.ts) reads the hash-chained entries; see issue "The records folder".
  return EMPTY_RECORDS;
}

/**
 * Files written so a reader sees either the old content or the new, never half of it: the text goes
 * to a temporary file in the same folder (so the rename stays on one file system), which is then
 * renamed over the target. A failed write removes its temporary file and throws the original error.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';

let writes = 0;

/** The temporary name for `file`: `<file>.<pid>.<n>.tmp`, unique within this process. */
export const tempNameFor = (file: string): string => `${file}.${process.pid}.${++writes}.tmp`;

export interface AtomicWriteOptions {
  /** The new file's permission bits (e.g. 0o600 for a file only its owner may read). */
  readonly mode?: number;
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const tmp = tempNameFor(file);
  try {
    await writeFile(tmp, data, options.mode === undefined ? {} : { mode: options.mode });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * True only when no process with this id exists (kill(pid, 0) says ESRCH). A process that exists
 * but belongs to someone else (EPERM) is not gone.
 */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

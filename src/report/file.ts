/**
 * Writing a rendered report to a file, shared by `hipaa-wizard report -o FILE` and the wizard's
 * summary: atomically (a temporary file, then a rename), readable by its owner only, and with one
 * sentence when it cannot be written.
 */
import { writeFileAtomic } from '../lib/files.js';

/** A report that could not be written; the message is one sentence for a person (the CLI exits 2). */
export class ReportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFileError';
  }
}

/** Writes a report atomically (a temporary file, then a rename), readable by its owner only; one sentence on failure. */
export async function writeReportFile(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text, { mode: 0o600 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new ReportFileError(`Cannot write the report to ${file}: ${why}.`);
  }
}

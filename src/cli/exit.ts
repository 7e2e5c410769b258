/**
 * How a run ends when something was thrown: expected problems print one sentence and exit 2
 * (usage, start-up, records); an inconsistent registry or a bug exits 70 with a short message,
 * never a raw stack trace unless HIPAA_WIZARD_DEBUG is set. Help and version exit 0.
 */
import { CommanderError } from 'commander';
import { RegistryError } from '../engine/registry.js';
import { RecordsError } from '../records/errors.js';
import { ReportFileError } from '../report/file.js';
import { StartupError } from '../session/source.js';
import { UsageError } from './common.js';

export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof UsageError || e instanceof StartupError || e instanceof RecordsError || e instanceof ReportFileError) {
    process.stderr.write(`hipaa-wizard: ${e.message}\n`);
    return e instanceof UsageError ? e.exitCode : 2;
  }
  if (e instanceof RegistryError) {
    process.stderr.write(`hipaa-wizard: ${e.message}\n`);
    return 70;
  }
  if (process.env.HIPAA_WIZARD_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.stderr.write(
    `hipaa-wizard: an unexpected error stopped the run: ${(e as Error)?.message ?? String(e)}\n(set HIPAA_WIZARD_DEBUG=1 for details and please report it)\n`,
  );
  return 70;
}

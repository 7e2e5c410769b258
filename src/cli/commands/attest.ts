/** `hipaa-wizard attest ID --answer yes|no|partial --field name=value …`: record an attestation answer. */
import type { Command } from 'commander';
import { loadRegistry } from '../../engine/registry.js';
import { recordAttestation } from '../../records/record.js';
import { currentUser } from '../../records/store.js';
import { UsageError } from '../common.js';
import { clockNow, RECORDS_OPTION, recordsAction } from './records.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAttest(program: Command): void {
  program
    .command('attest <attestation>')
    .description('record your answer to an attestation (something no AWS API can show, such as a signed BAA)')
    .requiredOption('--answer <answer>', 'yes, no or partial')
    .option('--field <name=value>', 'a detail the attestation asks for (repeatable)', collect, [])
    .option('--evidence <file>', 'a supporting file; its SHA-256 is recorded (repeatable)', collect, [])
    .option('--attested-at <date>', 'when, YYYY-MM-DD (default: today)')
    .option('--by <person>', 'who is attesting (default: HIPAA_WIZARD_USER or the OS user)')
    .option(...RECORDS_OPTION)
    .action((id: string, o: { answer: string; field: string[]; evidence: string[]; attestedAt?: string; by?: string; records: string }) =>
      recordsAction(async () => {
        const fields: Record<string, string> = {};
        for (const f of o.field) {
          const eq = f.indexOf('=');
          if (eq <= 0) throw new UsageError(`--field "${f}" must look like name=value.`);
          fields[f.slice(0, eq).trim()] = f.slice(eq + 1);
        }
        const { entry, answer } = await recordAttestation(
          o.records,
          { attestation: id, answer: o.answer, fields, attestedAt: o.attestedAt, evidence: o.evidence },
          { by: o.by ?? currentUser(), now: clockNow(), registry: await loadRegistry() },
        );
        process.stdout.write(`Recorded ${entry.id}: ${answer.attestedBy} answered "${answer.answer}" to ${answer.attestation} on ${answer.attestedAt.slice(0, 10)}.\n`);
      }),
    );
}

/** `hipaa-wizard vendor add|retire|list`: the inventory of business associates and their BAAs. */
import type { Command } from 'commander';
import { isoDay } from '../../lib/time.js';
import { loadDemoRecords } from '../../records/demo-base.js';
import { recordVendor, retireVendor } from '../../records/record.js';
import { currentUser } from '../../records/store.js';
import { loadRecordsView } from '../../records/view.js';
import { UsageError } from '../common.js';
import { colorEnabled, painter } from '../../report/style.js';
import { clockNow, RECORDS_OPTION, recordsAction } from './records.js';

interface AddOptions {
  id?: string;
  services: string;
  phi: string;
  baaSigned?: string;
  baaExpires?: string;
  baaLocation?: string;
  by?: string;
  records: string;
}

export function registerVendor(program: Command): void {
  const vendor = program.command('vendor').description('the vendor inventory: business associates that can reach ePHI, and their BAAs');

  vendor
    .command('add <name>')
    .description('add a vendor, or record a change to one (same id: the newer entry wins)')
    .option('--id <id>', 'a short id (default: made from the name)')
    .requiredOption('--services <text>', 'what the vendor does for you')
    .requiredOption('--phi <text>', 'the kinds of ePHI it can reach (e.g. "claims, lab results"), or "none"')
    .option('--baa-signed <date>', 'when the BAA was signed, YYYY-MM-DD')
    .option('--baa-expires <date>', 'when the BAA expires, YYYY-MM-DD')
    .option('--baa-location <text>', 'where the signed BAA is kept (a path or a link)')
    .option('--by <person>', 'who is recording it (default: HIPAA_WIZARD_USER or the OS user)')
    .option(...RECORDS_OPTION)
    .action((name: string, o: AddOptions) =>
      recordsAction(async () => {
        const before = (await loadRecordsView(o.records)).vendors();
        const { entry, vendor: v } = await recordVendor(
          o.records,
          { id: o.id, name, services: o.services, phiKinds: o.phi, baaSignedOn: o.baaSigned, baaExpiresOn: o.baaExpires, baaLocation: o.baaLocation },
          { by: o.by ?? currentUser(), now: clockNow() },
        );
        const updated = before.some((b) => b.id === v.id);
        process.stdout.write(`Recorded ${entry.id}: ${updated ? 'updated' : 'added'} ${v.name} (${v.id})${v.baaSignedOn ? `, BAA signed ${v.baaSignedOn}` : ', no BAA on record'}.\n`);
      }),
    );

  vendor
    .command('retire <id>')
    .description('take a vendor out of the current inventory (its history stays in the register)')
    .option('--by <person>', 'who is recording it')
    .option(...RECORDS_OPTION)
    .action((id: string, o: { by?: string; records: string }) =>
      recordsAction(async () => {
        const { entry, vendor: v } = await retireVendor(o.records, id, { by: o.by ?? currentUser(), now: clockNow() });
        process.stdout.write(`Recorded ${entry.id}: ${v.name} (${v.id}) is retired from the inventory.\n`);
      }),
    );

  vendor
    .command('list')
    .description('the current vendor inventory')
    .option('--format <format>', 'text or json', 'text')
    .option('--demo', "layer the demo clinic's sample records under the folder")
    .option(...RECORDS_OPTION)
    .action((o: { format: string; demo?: boolean; records: string }) =>
      recordsAction(async () => {
        if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
        const now = clockNow();
        const vendors = (await loadRecordsView(o.records, o.demo ? await loadDemoRecords(now) : undefined)).vendors();
        if (o.format === 'json') {
          process.stdout.write(`${JSON.stringify(vendors, null, 2)}\n`);
          return;
        }
        if (vendors.length === 0) {
          process.stdout.write(`No vendors are recorded in ${o.records}. Add one with: hipaa-wizard vendor add NAME --services … --phi …\n`);
          return;
        }
        const paint = painter(colorEnabled());
        const today = isoDay(now);
        for (const v of vendors) {
          const baa = !v.baaSignedOn
            ? paint('red', 'no BAA on record')
            : v.baaExpiresOn && v.baaExpiresOn < today
              ? paint('red', `BAA expired ${v.baaExpiresOn}`)
              : `BAA signed ${v.baaSignedOn}${v.baaExpiresOn ? `, expires ${v.baaExpiresOn}` : ''}${v.baaLocation ? ` (${v.baaLocation})` : ''}`;
          process.stdout.write(`${paint('bold', v.name)} (${v.id}): ${v.services}; ePHI: ${v.phiKinds}; ${baa}\n`);
        }
      }),
    );
}

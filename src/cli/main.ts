/**
 * The command line. Each command lives in src/cli/commands/<name>.ts and registers itself here;
 * heavy modules (the SDK, Ink, Inquirer) are imported inside the actions, never at start-up.
 * Every expected failure ends in one sentence on stderr and exit code 2; a bug ends with a short
 * message and exit code 70, never a raw stack trace unless HIPAA_WIZARD_DEBUG is set.
 */
import { Command } from 'commander';
import { INTERRUPT_EXIT_CODE, installInterruptHandler, wasInterrupted } from '../session/interrupt.js';
import { VERSION } from '../version.js';
import { registerApply } from './commands/apply.js';
import { registerPermissions } from './commands/permissions.js';
import { registerPlan } from './commands/plan.js';
import { registerReport } from './commands/report.js';
import { registerAttest } from './commands/attest.js';
import { registerDecide } from './commands/decide.js';
import { registerRecords } from './commands/records.js';
import { registerScan } from './commands/scan.js';
import { registerVendor } from './commands/vendor.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerUndo } from './commands/undo.js';
import { registerWizard } from './commands/wizard.js';
import { exitCodeFor } from './exit.js';
import { DEMO_RECORDS_DIR } from '../records/view.js';

export function buildProgram(): Command {
  const program = new Command('hipaa-wizard')
    .description('Walks an AWS account through the HIPAA technical safeguards: checks, fixes with a dry-run plan, and recorded decisions.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run hipaa-wizard --help for the commands and flags)')
    .exitOverride();
  // What is tried in the wizard on the demo is recorded apart (hipaa-records-demo unless --records is
  // given), so a decision made on the fictional clinic never sits in a real account's register.
  // (Decisions also record the account they were made on, so one never accepts another account's findings.)
  program.hook('preAction', (_program, command) => {
    if (command.name() === 'wizard' && command.opts().demo === true && command.getOptionValueSource('records') === 'default') command.setOptionValue('records', DEMO_RECORDS_DIR);
  });
  registerWizard(program);
  registerScan(program);
  registerSnapshot(program);
  registerRecords(program);
  registerDecide(program);
  registerAttest(program);
  registerVendor(program);
  registerPlan(program);
  registerApply(program);
  registerUndo(program);
  registerPermissions(program);
  registerReport(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  // Ctrl-C: a clean exit with code 130 (src/session/interrupt.ts); apply handles its own first one.
  installInterruptHandler();
  // The executable's own Ctrl-C handler for its early frame (bin/hipaa-wizard.js) gives way to it.
  (globalThis as { __hipaaWizardEarly?: { dropSigint(): void } }).__hipaaWizardEarly?.dropSigint();
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
  if (wasInterrupted()) process.exitCode = INTERRUPT_EXIT_CODE;
}

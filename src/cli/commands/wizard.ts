/**
 * `hipaa-wizard` (no subcommand) and `hipaa-wizard wizard`: the guided walk. In a terminal it is
 * the Ink wizard; with --plain, or when stdin or stdout is not a terminal, the same walk as plain
 * line-by-line prompts. It is the program's default command (src/cli/main.ts), its options parsed
 * by commander like every other command's. Ink, Inquirer and the wizard flow (src/wizard/) are
 * imported only when the wizard runs, and the account is opened after the first frame is on screen.
 */
import type { Command } from 'commander';
import { loadRegistry, type Registry } from '../../engine/registry.js';
import { currentUser } from '../../records/store.js';
import type { WalkServices } from '../../wizard/services.js';
import { type CommonOptions, selectSteps, settingsFrom, sourceOptions, UsageError, withCommonOptions } from '../common.js';

export interface WizardOptions extends CommonOptions {
  plain?: boolean;
}

export function registerWizard(program: Command): void {
  withCommonOptions(
    program
      .command('wizard', { isDefault: true })
      .description('the guided walk through the twelve categories (the default when no command is given)')
      .argument('[command]')
      .option('--plain', 'plain line-by-line prompts, for screen readers and dumb terminals (the default when not in a terminal, or when TERM=dumb)'),
  ).action(async (word: string | undefined, o: WizardOptions) => {
    // As the default command, the wizard receives any word that is not a command: say so plainly.
    if (word !== undefined) throw new UsageError(`"${word}" is not a command; run hipaa-wizard --help for the commands.`);
    const registry = await loadRegistry();
    const first = o.step ? selectSteps(registry, o)[0]?.id : undefined;
    const services = await makeServices(registry, o);
    // A terminal without cursor control (TERM=dumb) cannot redraw a screen: it gets the plain walk.
    const interactive = (Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.TERM !== 'dumb') || process.env.HIPAA_WIZARD_FORCE_INK === '1';
    if (o.plain || !interactive) {
      const { runPlain } = await import('../../plain/walk.js');
      process.exitCode = await runPlain({ services, registry, firstStep: first, stdin: process.stdin, stdout: process.stdout });
      return;
    }
    const { runInk } = await import('../../ui/run.js');
    process.exitCode = await runInk({ services, registry, firstStep: first });
  });
}

async function makeServices(registry: Registry, o: WizardOptions): Promise<WalkServices> {
  const [{ createWalk }, { applyPort, recordsPort }] = await Promise.all([import('../../wizard/services.js'), import('../../wizard/ports.js')]);
  return createWalk({
    registry,
    source: sourceOptions(o),
    recordsDir: o.records,
    settings: settingsFrom(o),
    now: process.env.HIPAA_WIZARD_NOW ? () => new Date(String(process.env.HIPAA_WIZARD_NOW)) : undefined,
    owner: currentUser(),
    records: recordsPort(registry),
    apply: applyPort,
  });
}

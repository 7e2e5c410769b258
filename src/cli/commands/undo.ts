/**
 * `hipaa-wizard undo ENTRY`: plans the inverse of a journaled apply (the calls recorded from the
 * state before it), shows it, asks, and applies it through the same executor; or says plainly which
 * changes cannot be undone. Live accounts only.
 */
import type { Command } from 'commander';
import { findEntry, planUndo, UndoError } from '../../engine/apply.js';
import { loadRegistry } from '../../engine/registry.js';
import { readRecords } from '../../records/store.js';
import { loadRecordsView } from '../../records/view.js';
import { openSource } from '../../session/source.js';
import { type CommonOptions, evalContext, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { confirmPlan } from '../confirm.js';
import { renderPlanText } from '../../report/plan-output.js';
import { colorEnabled, painter } from '../../report/style.js';
import { applyWithInterrupt, exitCodeOf, outcomeText, refuseOffline } from './apply.js';

export function registerUndo(program: Command): void {
  withCommonOptions(
    program
      .command('undo <entry>')
      .description('take back a change recorded in the journal (its id, e.g. J-0003), after showing the plan and asking')
      .option('--yes', 'undo without asking (for automation)'),
    { liveOnly: true },
  ).action(async (entryId: string, o: CommonOptions & { yes?: boolean }) => {
    refuseOffline(o, 'undo', entryId);
    const registry = await loadRegistry();
    const ctx = evalContext(o, await loadRecordsView(o.records));
    const { entries } = await readRecords(o.records);
    let undo: ReturnType<typeof planUndo>;
    try {
      // Refuses, naming the entry to undo first, when a later change touched the same resources.
      undo = planUndo(findEntry(entries, entryId), ctx.now, entries);
    } catch (e) {
      if (e instanceof UndoError) throw new UsageError(e.message);
      throw e;
    }
    const paint = painter(colorEnabled());
    if (undo.plan.actions.length === 0) {
      process.stdout.write(`${entryId} cannot be undone: ${undo.cannotUndo.join(' ')}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(renderPlanText(undo.plan, paint));
    if (!o.yes && !(await confirmPlan(undo.plan, { input: process.stdin, output: process.stdout }))) {
      process.stdout.write('Not undone.\n');
      return;
    }
    const source = await openSource(sourceOptions(o));
    try {
      if (!source.clients) throw new UsageError('There is no live AWS connection to undo the change with.');
      const outcome = await applyWithInterrupt(undo.plan, { clients: source.clients, source, registry, ctx, recordsDir: o.records });
      process.stdout.write(outcomeText(outcome, paint));
      process.exitCode = outcome.status === 'applied' ? 0 : exitCodeOf([outcome]);
    } finally {
      source.close();
    }
  });
}

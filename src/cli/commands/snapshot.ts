/** `hipaa-wizard snapshot -o FILE`: save everything the checks read, for offline review. */
import type { Command } from 'commander';
import { loadRegistry } from '../../engine/registry.js';
import { writeFileAtomic } from '../../lib/files.js';
import { needsOf } from '../../engine/runner.js';
import { serializeSnapshot } from '../../engine/snapshot.js';
import { openSource } from '../../session/source.js';
import { type CommonOptions, selectSteps, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { progressReporter } from '../progress.js';

export function registerSnapshot(program: Command): void {
  withCommonOptions(
    program
      .command('snapshot')
      .description('collect the account state and save it to a file (read calls only)')
      .requiredOption('-o, --output <file>', 'where to write the snapshot (JSON)'),
  ).action(async (o: CommonOptions & { output: string }) => {
    const registry = await loadRegistry();
    const steps = selectSteps(registry, o);
    const source = await openSource(sourceOptions(o));
    try {
      for (const w of source.warnings) process.stderr.write(`warning: ${w}\n`);
      const progress = progressReporter(process.stderr);
      const state = await source.collect(needsOf(steps.flatMap((s) => registry.checksOf(s.id))), progress.event);
      progress.end();
      try {
        await writeFileAtomic(o.output, serializeSnapshot(state), { mode: 0o600 });
      } catch (e) {
        throw new UsageError(`Cannot write ${o.output}: ${(e as Error).message}`);
      }
      const slices = Object.keys(state.global).length + Object.values(state.regional).reduce((n: number, r) => n + Object.keys(r ?? {}).length, 0);
      process.stderr.write(`Saved ${slices} slices of account ${state.identity.accountId} (${state.regions.length} regions) to ${o.output}.\n`);
    } finally {
      source.close();
    }
  });
}

/**
 * `hipaa-wizard apply CHECK|FIX|all`: shows each plan, asks the confirmation its risk calls for
 * (or takes --yes), applies it through the one executor, journals it, and re-checks. Never runs on
 * --demo or --snapshot, and never without a confirmation or --yes. Ctrl-C stops after the call in
 * flight; what happened is still journaled.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ApplyEvent, type ApplyOutcome, applyPlan } from '../../engine/apply.js';
import type { EvalContext, Plan } from '../../engine/model.js';
import { makePlan, needsOfFix, PlanError } from '../../engine/plan.js';
import { loadRegistry, type Registry } from '../../engine/registry.js';
import { loadRecordsView } from '../../records/view.js';
import { openSource, type Source } from '../../session/source.js';
import { type CommonOptions, evalContext, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { coveredByYes } from '../../engine/risk.js';
import { confirmPlan } from '../confirm.js';
import { renderPlanText } from '../../report/plan-output.js';
import { colorEnabled, type Paint, painter } from '../../report/style.js';
import { buildPlans, type PlanCommandOptions, withFixOptions } from './plan.js';

export interface ApplyCommandOptions extends PlanCommandOptions {
  yes?: boolean;
  allowDisruptive?: string;
  planFile?: string;
}

/** Refuses the sources that must never be changed, before anything is read. */
export function refuseOffline(o: CommonOptions, command: string, target: string): void {
  if (o.demo || o.snapshot) {
    const what = o.demo ? 'the demo account' : 'a snapshot';
    throw new UsageError(
      `${command} changes a live AWS account, so it never runs on ${what}; to see what it would do, run: hipaa-wizard plan ${target} ${o.demo ? '--demo' : `--snapshot ${o.snapshot}`}`,
    );
  }
}

/** Reads a plan saved with `plan --format json`, to apply exactly what was reviewed. */
export async function readPlanFile(file: string, registry: Registry): Promise<Plan> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read the plan ${file}: ${code === 'ENOENT' ? 'no such file' : e instanceof SyntaxError ? 'it is not JSON' : (e as Error).message}.`);
  }
  const p = data as Partial<Plan> & { plans?: unknown };
  if (p && Array.isArray(p.plans)) throw new UsageError(`${file} holds several plans; save one fix's plan (hipaa-wizard plan FIX --format json) to apply it.`);
  if (!p || typeof p.remediation !== 'string' || !Array.isArray(p.actions) || typeof p.basis !== 'string' || !registry.remediation(p.remediation)) {
    throw new UsageError(`${file} is not a plan saved by hipaa-wizard plan --format json.`);
  }
  const actions = p.actions.map((a) => {
    const { cli: _cli, undoCli: _undoCli, ...rest } = a as typeof a & { cli?: unknown; undoCli?: unknown };
    return rest;
  });
  const { counts: _counts, ...plan } = p as Plan & { counts?: unknown };
  return { ...plan, actions };
}

function progressLine(paint: Paint): (e: ApplyEvent) => void {
  return (e) => {
    if (e.type === 'start') process.stderr.write(`  ${paint('dim', '…')} ${e.action.summary}\n`);
    else if (e.type === 'done') process.stderr.write(`  ${paint('green', 'done')} ${e.action.command} ${e.action.resource} (${e.action.region})\n`);
    else process.stderr.write(`  ${paint('red', 'failed')} ${e.action.command} ${e.action.resource} (${e.action.region}): ${e.error}\n`);
  };
}

/** Runs applyPlan with Ctrl-C turned into "stop after the call in flight". */
export async function applyWithInterrupt(plan: Plan, deps: Omit<Parameters<typeof applyPlan>[1], 'signal'>): Promise<ApplyOutcome> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\nStopping after the call in flight (press Ctrl-C again to quit at once; the journal would then miss this run).\n');
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await applyPlan(plan, { ...deps, signal: controller.signal });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

export function outcomeText(outcome: ApplyOutcome, paint: Paint): string {
  const style = outcome.status === 'applied' && outcome.verification.every((v) => v.status === 'pass') ? 'green' : outcome.status === 'nothing-to-do' ? 'dim' : 'red';
  const lines = [paint(style, outcome.message)];
  if (outcome.status === 'failed' || outcome.status === 'interrupted') {
    for (const [i, a] of outcome.plan.actions.entries()) {
      const r = outcome.results[i];
      lines.push(`  ${r?.status === 'done' ? 'changed    ' : r?.status === 'failed' ? 'failed     ' : 'not changed'} ${a.summary}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The exit code a run of outcomes earns: 0 when everything applied and passes, else 1. */
export function exitCodeOf(outcomes: readonly ApplyOutcome[]): number {
  return outcomes.every((o) => o.status === 'nothing-to-do' || (o.status === 'applied' && o.verification.every((v) => v.status === 'pass'))) ? 0 : 1;
}

export interface ApplyRun {
  readonly registry: Registry;
  readonly source: Source;
  readonly ctx: EvalContext;
  readonly recordsDir: string;
  readonly yes: boolean;
  /** Fix ids whose non-safe plans `--yes` may apply (from --allow-disruptive). */
  readonly allowDisruptive?: readonly string[];
  readonly paint: Paint;
  /**
   * Makes a plan again on a fresh read of the account: after an earlier fix in the same run changed
   * it (a new bucket, a new key), a plan made before would be refused as drifted.
   */
  readonly replan?: (plan: Plan) => Promise<Plan>;
}

/** Re-reads the slices a plan covers through a new collection and makes the same fix's plan again. */
export function freshPlanner(registry: Registry, source: Source, ctx: EvalContext): ((plan: Plan) => Promise<Plan>) | undefined {
  const clients = source.clients;
  if (!clients) return undefined;
  return async (plan) => {
    const { Collection } = await import('../../aws/collector.js');
    const def = registry.remediation(plan.remediation);
    if (!def) return plan;
    const collection = new Collection({ clients, identity: source.identity, homeRegion: source.homeRegion, regions: source.regions });
    await collection.collect(needsOfFix(registry, def));
    return makePlan(registry, plan.remediation, collection.state(), ctx, { options: plan.options });
  };
}

/** Shows, confirms and applies plans one by one; stops after a failure, a drift or an interruption. */
export async function applyPlans(plans: readonly Plan[], run: ApplyRun): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const [i, planned] of plans.entries()) {
    // The first plan was just made; each later one is made again after the changes before it.
    let plan = planned;
    if (i > 0 && run.replan && outcomes.length > 0) {
      try {
        plan = await run.replan(planned);
      } catch (e) {
        if (!(e instanceof PlanError)) throw e;
        process.stdout.write(`Not planned: ${e.message}\n\n`);
        continue;
      }
    }
    process.stdout.write(renderPlanText(plan, run.paint));
    if (plan.actions.length === 0) continue;
    if (run.yes && !coveredByYes(plan) && !(run.allowDisruptive ?? []).includes(plan.remediation)) {
      process.stdout.write(
        `Not applied: ${plan.remediation} is ${plan.risk}${plan.actions.some((a) => !a.reversible) ? ' and has a step that cannot be undone' : ''}, and --yes covers safe fixes only. Type its id at the prompt, or pass --yes --allow-disruptive ${plan.remediation} to apply it without one.\n\n`,
      );
      continue;
    }
    if (!run.yes) {
      const ok = await confirmPlan(plan, { input: process.stdin, output: process.stdout });
      if (!ok) {
        process.stdout.write(`Not applied: ${plan.remediation}.\n\n`);
        continue;
      }
    }
    const clients = run.source.clients;
    if (!clients) throw new UsageError('There is no live AWS connection to apply the plan with.');
    const outcome = await applyWithInterrupt(plan, {
      clients,
      source: run.source,
      registry: run.registry,
      ctx: run.ctx,
      recordsDir: run.recordsDir,
      onAction: progressLine(run.paint),
    });
    outcomes.push(outcome);
    process.stdout.write(`${outcomeText(outcome, run.paint)}\n`);
    if (outcome.status !== 'applied') break;
  }
  return outcomes;
}

export function registerApply(program: Command): void {
  withFixOptions(
    withCommonOptions(
      program
        .command('apply <target>')
        .description('apply a fix to the live account after showing its plan and asking: a check id, a fix id, or "all"')
        .option('--yes', 'apply safe fixes without asking (for automation; the plan is still printed and journaled)')
        .option('--allow-disruptive <ids>', 'with --yes, also apply these disruptive, costly or irreversible fixes (comma-separated fix ids)')
        .option('--plan-file <file>', 'apply exactly this plan, saved earlier with plan --format json (refused if the account changed since)'),
    ),
  ).action(async (target: string, o: ApplyCommandOptions) => {
    refuseOffline(o, 'apply', target);
    const registry = await loadRegistry();
    const ctx = evalContext(o, await loadRecordsView(o.records));
    if (!o.yes && !process.stdin.isTTY) {
      throw new UsageError('apply asks for a confirmation, but there is no terminal to ask on; review the plan with hipaa-wizard plan, then pass --yes to apply it without a prompt.');
    }
    const saved = o.planFile ? await readPlanFile(o.planFile, registry) : undefined;
    const source = await openSource(sourceOptions(o));
    try {
      for (const w of source.warnings) process.stderr.write(`warning: ${w}\n`);
      const built = saved ? { plans: [saved], problems: [] } : await buildPlans(registry, source, ctx, target, o);
      for (const p of built.problems) process.stdout.write(`Not planned: ${p}\n`);
      const plans = built.plans;
      if (plans.length === 0 || plans.every((p) => p.actions.length === 0)) {
        if (plans.length === 0) process.stdout.write('No failing check has an automatic fix: nothing to apply.\n');
        else for (const p of plans) process.stdout.write(renderPlanText(p, painter(colorEnabled())));
        return;
      }
      const outcomes = await applyPlans(plans, {
        registry,
        source,
        ctx,
        recordsDir: o.records,
        yes: Boolean(o.yes),
        allowDisruptive: (o.allowDisruptive ?? '').split(',').map((x) => x.trim()).filter(Boolean),
        paint: painter(colorEnabled()),
        replan: saved ? undefined : freshPlanner(registry, source, ctx),
      });
      process.exitCode = exitCodeOf(outcomes);
    } finally {
      source.close();
    }
  });
}

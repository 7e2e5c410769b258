/**
 * `hipaa-wizard apply CHECK|FIX|all`: shows each plan, asks the confirmation its risk calls for
 * (or takes --yes), applies it through the one executor, journals it, and re-checks. Each fix is its
 * own unit: a failure does not stop the fixes that do not depend on it, and a run of several ends
 * with a table of what was applied, what failed (with the error) and what was not attempted (why). Never runs on
 * --demo or --snapshot, and never without a confirmation or --yes. Ctrl-C stops after the call in
 * flight; what happened is still journaled.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ApplyEvent, type ApplyOutcome, applyPlan } from '../../engine/apply.js';
import type { EvalContext, Plan, PlanAction } from '../../engine/model.js';
import { makePlan, needsOfFix, PlanError } from '../../engine/plan.js';
import { loadRegistry, type Registry } from '../../engine/registry.js';
import { registerJournal } from '../../records/journal-port.js';
import { stoppable } from '../../session/interrupt.js';
import { currentUser } from '../../records/store.js';
import { loadRecordsView } from '../../records/view.js';
import { openSource, type Source } from '../../session/source.js';
import { type CommonOptions, evalContext, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { coveredByFlags, riskOf } from '../../engine/risk.js';
import { confirmPlan } from '../confirm.js';
import { renderPlanText } from '../../report/plan-output.js';
import { colorEnabled, type Paint, painter } from '../../report/style.js';
import { buildPlans, type PlanCommandOptions, withFixOptions } from './plan.js';
import { type PlanFile, PlanFileSchema, savedPlanDifference } from '../../schemas/plan.js';
import { conforms, parseJson, problemsOf } from '../../schemas/schema.js';

export interface ApplyCommandOptions extends PlanCommandOptions {
  yes?: boolean;
  allowDisruptive?: string;
  planFile?: string;
}

/** Refuses the sources that must never be changed, before anything is read. */
export function refuseOffline(o: CommonOptions, command: 'apply' | 'undo', target: string): void {
  if (o.demo || o.snapshot) {
    const what = o.demo ? 'the demo account' : 'a snapshot';
    const next =
      command === 'undo'
        ? o.demo
          ? 'the demo changes nothing, so it has no journal entry to take back.'
          : `run it without --snapshot, against the live account whose journal holds ${target}.`
        : `to see what it would do, run: hipaa-wizard plan ${target} ${o.demo ? '--demo' : `--snapshot ${o.snapshot}`}`;
    throw new UsageError(`${command} changes a live AWS account, so it never runs on ${what}; ${next}`);
  }
}

/**
 * Reads a plan saved with `plan --format json` and checks it against PlanFileSchema; what it holds is
 * trusted only once `replanSaved` has made the same plan again on the account.
 */
export async function readPlanFile(file: string, registry: Registry): Promise<PlanFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read the plan ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new UsageError(`Cannot read the plan ${file}: ${parsed.problem}.`);
  const data = parsed.value;
  if (data && typeof data === 'object' && Array.isArray((data as { plans?: unknown }).plans)) {
    throw new UsageError(`${file} holds several plans; save one fix's plan (hipaa-wizard plan FIX --format json) to apply it.`);
  }
  const problems = problemsOf(PlanFileSchema, data, 'the file');
  if (problems.length > 0 || !conforms(PlanFileSchema, data)) {
    throw new UsageError(`${file} is not a plan saved by hipaa-wizard plan --format json: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`);
  }
  if (!registry.remediation(data.remediation)) throw new UsageError(`${file} is a plan for "${data.remediation}", which is not a fix this version of hipaa-wizard has.`);
  return data;
}

/**
 * Makes the saved plan's fix again on the account, with the options it was saved with, and returns
 * that plan when the file holds the same one. A file from before the account changed (another
 * basis) is returned as it is, so apply refuses it as drifted, naming what changed; a file whose
 * actions, inputs, undo or risk were edited is refused here, before anything is sent.
 */
export async function replanSaved(file: string, saved: PlanFile, registry: Registry, source: Source, ctx: EvalContext): Promise<Plan> {
  const def = registry.remediation(saved.remediation);
  if (!def) throw new UsageError(`${file} is a plan for "${saved.remediation}", which is not a fix this version of hipaa-wizard has.`);
  let fresh: Plan;
  try {
    fresh = makePlan(registry, def.id, await source.collect(needsOfFix(registry, def)), ctx, { options: saved.options });
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    throw new UsageError(`The plan in ${file} cannot be checked, because ${def.id} cannot be planned again on this account: ${e.message}`);
  }
  if (fresh.basis !== saved.basis) {
    const { counts: _counts, ...plan } = saved as PlanFile & { counts?: unknown };
    return { ...plan, actions: saved.actions.map(({ cli: _cli, undoCli: _undoCli, ...rest }: PlanFile['actions'][number] & { cli?: unknown; undoCli?: unknown }) => rest) } as Plan;
  }
  const difference = savedPlanDifference(saved, fresh);
  if (difference) {
    throw new UsageError(
      `Nothing was applied: ${file} is not the plan hipaa-wizard makes for ${def.id} on this account (${difference}); it was edited after it was saved. Save it again with hipaa-wizard plan ${def.id} --format json, review it, and apply that file.`,
    );
  }
  return fresh;
}

function progressLine(paint: Paint): (e: ApplyEvent) => void {
  return (e) => {
    if (e.type === 'start') process.stderr.write(`  ${paint('dim', '…')} ${e.action.summary}\n`);
    else if (e.type === 'done') process.stderr.write(`  ${paint('green', 'done')} ${e.action.command} ${e.action.resource} (${e.action.region})\n`);
    else process.stderr.write(`  ${paint('red', 'failed')} ${e.action.command} ${e.action.resource} (${e.action.region}): ${e.error}\n`);
  };
}

/** Applies through the executor with the register as its journal, the person running it as `by`, and Ctrl-C stopping between calls. */
export function applyWithInterrupt(plan: Plan, deps: Omit<Parameters<typeof applyPlan>[1], 'signal' | 'journal' | 'writable' | 'by'>): Promise<ApplyOutcome> {
  return stoppable((signal) => applyPlan(plan, { ...registerJournal, by: currentUser(), ...deps, signal }));
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

/** Re-reads the slices a plan covers (the live source's fresh read) and makes the same fix's plan again. */
export function freshPlanner(registry: Registry, source: Source, ctx: EvalContext): ((plan: Plan) => Promise<Plan>) | undefined {
  const readFresh = source.readFresh;
  if (!readFresh) return undefined;
  return async (plan) => {
    const def = registry.remediation(plan.remediation);
    if (!def) return plan;
    return makePlan(registry, plan.remediation, await readFresh(needsOfFix(registry, def)), ctx, { options: plan.options });
  };
}

/** What became of one fix in a run: the rows of the table `apply` ends with. */
export interface RunRow {
  readonly fix: string;
  readonly result: 'applied' | 'failed' | 'not attempted';
  /** The error sentence (failed) or why it was not attempted; for applied, what the re-check found. */
  readonly why: string;
}

export interface RunResult {
  readonly outcomes: ApplyOutcome[];
  readonly rows: RunRow[];
}

const STOPPED: readonly ApplyOutcome['status'][] = ['failed', 'drifted', 'refused'];

/** Where an action lands, to tell whether two fixes change the same thing. */
const targetOf = (a: PlanAction) => `${a.service} ${a.region} ${a.resource}`;

/** The sentence for a failed outcome: the AWS error of the call that failed, else the outcome's message. */
function failureSentence(outcome: ApplyOutcome): string {
  const failed = outcome.results.find((r) => r.status === 'failed');
  const action = failed ? outcome.plan.actions[failed.index] : undefined;
  if (failed?.error && action) {
    return `${action.command} on ${action.resource} (${action.region}) failed: ${failed.error.name}: ${failed.error.message.replace(/\.?$/, '.')}`;
  }
  return outcome.message;
}

/** Why --yes does not cover a plan: its risk, and the call that earns it. */
function needsConfirmation(plan: Plan): string {
  const risk = riskOf(plan);
  const oneWay = plan.actions.some((a) => !a.reversible) ? ' and has a step that cannot be undone' : '';
  const worst = risk === 'safe' ? undefined : plan.actions.find((a) => a.risk === risk && a.effectClass);
  const cause = worst ? ` Its ${risk} call: ${worst.command} on ${worst.resource} (${worst.region}) is ${worst.effectClass}.` : '';
  const what = risk === 'safe' ? `${plan.remediation} has a step that cannot be undone, and --yes covers only safe fixes whose every step can be undone.` : `${plan.remediation} is ${risk}${oneWay}, and --yes covers safe fixes only.`;
  return `${what} Type its id at the prompt, or pass --yes --allow-disruptive ${plan.remediation} to apply it without one.${cause}`;
}

/**
 * Shows, confirms and applies plans one by one. Each fix is its own unit: after a failure the run
 * goes on with the fixes that do not depend on the failed one (a fix depends on a failed one when it
 * changes something the failed one was changing); it stops only when interrupted. Returns every
 * outcome and a row per fix: applied, failed (with the error) or not attempted (with why).
 */
export async function applyPlansWithSummary(plans: readonly Plan[], run: ApplyRun): Promise<RunResult> {
  const outcomes: ApplyOutcome[] = [];
  const rows: RunRow[] = [];
  /** What each failed fix was changing: fix id → targets. */
  const failedTargets = new Map<string, Set<string>>();
  let interrupted = false;
  for (const [i, planned] of plans.entries()) {
    if (interrupted) {
      rows.push({ fix: planned.remediation, result: 'not attempted', why: 'The run was interrupted before this fix.' });
      continue;
    }
    // The first plan was just made; each later one is made again after the changes before it.
    let plan = planned;
    if (i > 0 && run.replan && outcomes.length > 0) {
      try {
        plan = await run.replan(planned);
      } catch (e) {
        if (!(e instanceof PlanError)) throw e;
        process.stdout.write(`Not planned: ${e.message}\n\n`);
        rows.push({ fix: planned.remediation, result: 'not attempted', why: `It could not be planned again after the changes before it: ${e.message}` });
        continue;
      }
    }
    process.stdout.write(renderPlanText(plan, run.paint));
    if (plan.actions.length === 0) {
      rows.push({ fix: plan.remediation, result: 'not attempted', why: plan.notes.length > 0 ? `Nothing to do; left alone: ${plan.notes.join(' ')}` : 'Nothing to do: the account already has what this fix sets.' });
      continue;
    }
    const blocker = [...failedTargets].find(([, targets]) => plan.actions.concat(planned.actions).some((a) => targets.has(targetOf(a))));
    if (blocker) {
      const shared = [...new Set(plan.actions.concat(planned.actions).filter((a) => blocker[1].has(targetOf(a))).map((a) => `${a.resource} (${a.region})`))];
      const why = `It depends on ${blocker[0]}, which failed: both change ${shared.join(', ')}, now left half-changed by that failure.`;
      process.stdout.write(`Not applied: ${plan.remediation}. ${why}\n\n`);
      rows.push({ fix: plan.remediation, result: 'not attempted', why });
      continue;
    }
    if (run.yes && !coveredByFlags(plan, run.allowDisruptive ?? [])) {
      const why = needsConfirmation(plan);
      process.stdout.write(`Not applied: ${why}\n\n`);
      rows.push({ fix: plan.remediation, result: 'not attempted', why: `It needs a confirmation: ${why}` });
      continue;
    }
    if (!run.yes) {
      const ok = await confirmPlan(plan, { input: process.stdin, output: process.stdout });
      if (!ok) {
        process.stdout.write(`Not applied: ${plan.remediation}.\n\n`);
        rows.push({ fix: plan.remediation, result: 'not attempted', why: 'It was not confirmed at the prompt.' });
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
    if (outcome.status === 'applied') {
      const open = outcome.verification.filter((v) => v.status !== 'pass');
      rows.push({ fix: plan.remediation, result: 'applied', why: open.length === 0 ? 'Re-checked: passes.' : `Re-checked: ${open.map((v) => `${v.check} is still ${v.status}`).join('; ')}.` });
    } else if (outcome.status === 'interrupted') {
      interrupted = true;
      rows.push({ fix: plan.remediation, result: 'failed', why: outcome.message });
    } else if (STOPPED.includes(outcome.status)) {
      failedTargets.set(plan.remediation, new Set(plan.actions.map(targetOf)));
      rows.push({ fix: plan.remediation, result: 'failed', why: failureSentence(outcome) });
    }
  }
  return { outcomes, rows };
}

/** Shows, confirms and applies plans one by one (see applyPlansWithSummary); returns the outcomes. */
export async function applyPlans(plans: readonly Plan[], run: ApplyRun): Promise<ApplyOutcome[]> {
  return (await applyPlansWithSummary(plans, run)).outcomes;
}

/** The table a run of several fixes ends with: each fix, what became of it, and why. */
export function summaryTable(rows: readonly RunRow[], paint: Paint): string {
  const width = Math.max(3, ...rows.map((r) => r.fix.length));
  const style = (r: RunRow) => (r.result === 'applied' ? 'green' : r.result === 'failed' ? 'red' : 'dim');
  const count = (k: RunRow['result']) => rows.filter((r) => r.result === k).length;
  const lines = [
    paint('bold', `Summary: ${count('applied')} applied, ${count('failed')} failed, ${count('not attempted')} not attempted.`),
    `  ${'fix'.padEnd(width)}  ${'result'.padEnd(13)}  why`,
    ...rows.map((r) => `  ${r.fix.padEnd(width)}  ${paint(style(r), r.result.padEnd(13))}  ${r.why}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The fix a "could not be planned" sentence is about (it names the fix first). */
function fixOfProblem(problem: string, registry: Registry): string {
  return registry.remediations.find((r) => problem.includes(` ${r.id}:`) || problem.includes(` ${r.id} `))?.id ?? '(unknown fix)';
}

export function registerApply(program: Command): void {
  withFixOptions(
    withCommonOptions(
      program
        .command('apply <target>')
        .description('apply a fix to the live account after showing its plan and asking: a check id, a fix id, or "all"')
        .option('--yes', 'apply safe fixes without asking (for automation; the plan is still printed and journaled)')
        .option('--allow-disruptive <ids>', 'with --yes, also apply these disruptive, costly or irreversible fixes (comma-separated fix ids)')
        .option('--plan-file <file>', 'apply exactly this plan, saved earlier with plan --format json (made again first: refused if it was edited or the account changed since)'),
      { liveOnly: true },
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
      const built = saved && o.planFile ? { plans: [await replanSaved(o.planFile, saved, registry, source, ctx)], problems: [] } : await buildPlans(registry, source, ctx, target, o);
      for (const p of built.problems) process.stdout.write(`Not planned: ${p}\n`);
      const plans = built.plans;
      if (plans.length === 0 || plans.every((p) => p.actions.length === 0)) {
        if (plans.length === 0) process.stdout.write('No failing check has an automatic fix: nothing to apply.\n');
        else for (const p of plans) process.stdout.write(renderPlanText(p, painter(colorEnabled())));
        return;
      }
      const { outcomes, rows } = await applyPlansWithSummary(plans, {
        registry,
        source,
        ctx,
        recordsDir: o.records,
        yes: Boolean(o.yes),
        allowDisruptive: (o.allowDisruptive ?? '').split(',').map((x) => x.trim()).filter(Boolean),
        paint: painter(colorEnabled()),
        replan: saved ? undefined : freshPlanner(registry, source, ctx),
      });
      const unplanned = built.problems.map((p): RunRow => ({ fix: fixOfProblem(p, registry), result: 'not attempted', why: `It could not be planned: ${p}` }));
      if (plans.length + unplanned.length > 1) process.stdout.write(`\n${summaryTable([...rows, ...unplanned], painter(colorEnabled()))}`);
      process.exitCode = exitCodeOf(outcomes);
    } finally {
      source.close();
    }
  });
}

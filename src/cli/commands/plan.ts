/**
 * `hipaa-wizard plan CHECK|FIX|all`: the dry-run. Reads what the fixes need, prints each plan (the
 * actions, the AWS CLI lines, the undo) and a count line, or the plans as JSON; never changes
 * anything, and works on --demo and --snapshot.
 */
import type { Command } from 'commander';
import type { EvalContext, Plan, RemediationDef } from '../../engine/model.js';
import { makePlan, needsOfFix, PlanError, planCounts, planJson } from '../../engine/plan.js';
import { loadRegistry, type Registry } from '../../engine/registry.js';
import { needsOf, runAll } from '../../engine/runner.js';
import { loadRecordsView } from '../../records/view.js';
import { openSource, type Source } from '../../session/source.js';
import { type CommonOptions, evalContext, selectSteps, sourceOptions, UsageError, withCommonOptions } from '../common.js';
import { renderPlansText, renderPlanText } from '../../report/plan-output.js';
import { colorEnabled, painter } from '../../report/style.js';

export interface PlanCommandOptions extends CommonOptions {
  option?: Record<string, string>;
}

/** Commander collector for repeatable `--option name=value`. */
export function collectOption(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new UsageError(`--option takes name=value (for example --option group=Everyone), not "${value}".`);
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() };
}

export function withFixOptions(cmd: Command): Command {
  return cmd.option('--option <name=value>', "a choice the fix asks for (repeatable; see the fix's options in the README)", collectOption);
}

/** The fixes a target names: a fix id, a check id (its fix), or "all" (resolved later from the findings). */
export function resolveTarget(registry: Registry, target: string): RemediationDef | 'all' {
  if (target === 'all') return 'all';
  const fix = registry.remediation(target);
  if (fix) return fix;
  const check = registry.check(target);
  if (check) {
    const forCheck = registry.remediationFor(target);
    if (!forCheck) throw new UsageError(`The check ${target} has no automatic fix; its finding explains what to change by hand.`);
    return forCheck;
  }
  if (registry.attestation(target)) throw new UsageError(`${target} is an attestation: a person answers it (hipaa-wizard attest), there is nothing to apply.`);
  throw new UsageError(`There is no check or fix called "${target}". Fixes: ${registry.remediations.map((r) => r.id).join(', ')}.`);
}

export interface PlanSet {
  readonly plans: Plan[];
  /** Fixes that could not be planned, one sentence each. */
  readonly problems: string[];
}

/** Only the options a fix declares; an option no fix in the set declares is a usage error. */
function optionsFor(def: RemediationDef, given: Record<string, string>): Record<string, string> {
  const names = new Set((def.options ?? []).map((o) => o.name));
  return Object.fromEntries(Object.entries(given).filter(([k]) => names.has(k)));
}

/** Collects what the target's fixes read and makes their plans (for "all": every failing check's fix). */
export async function buildPlans(registry: Registry, source: Source, ctx: EvalContext, target: string, o: PlanCommandOptions, onProgress?: Parameters<Source['collect']>[1]): Promise<PlanSet> {
  const resolved = resolveTarget(registry, target);
  const given = o.option ?? {};
  let fixes: RemediationDef[];
  if (resolved === 'all') {
    const steps = selectSteps(registry, o);
    const checks = steps.flatMap((s) => registry.checksOf(s.id));
    const state = await source.collect(needsOf(checks), onProgress);
    const failing = runAll(registry, state, ctx, steps).filter((f) => f.status === 'fail' && f.remediation);
    fixes = [...new Set(failing.map((f) => f.remediation as string))].map((id) => registry.remediation(id) as RemediationDef);
    for (const name of Object.keys(given)) {
      if (!fixes.some((f) => f.options?.some((x) => x.name === name))) throw new UsageError(`No fix in this plan has an option "${name}".`);
    }
  } else {
    fixes = [resolved];
  }
  const plans: Plan[] = [];
  const problems: string[] = [];
  for (const def of fixes) {
    const needs = needsOfFix(registry, def);
    const state = await source.collect(needs, onProgress);
    try {
      plans.push(makePlan(registry, def.id, state, ctx, { options: resolved === 'all' ? optionsFor(def, given) : given }));
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      if (resolved !== 'all') throw new UsageError(e.message);
      problems.push(e.message);
    }
  }
  return { plans, problems };
}

export function registerPlan(program: Command): void {
  withFixOptions(
    withCommonOptions(
      program
        .command('plan <target>')
        .description('show what a fix would change, without changing anything: a check id, a fix id, or "all" (every failing check that has a fix)')
        .option('--format <format>', 'text or json (a plan a change ticket can carry)', 'text'),
    ),
  ).action(async (target: string, o: PlanCommandOptions & { format: string }) => {
    if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}".`);
    const registry = await loadRegistry();
    const ctx = evalContext(o, await loadRecordsView(o.records));
    resolveTarget(registry, target);
    const source = await openSource(sourceOptions(o));
    try {
      for (const w of source.warnings) process.stderr.write(`warning: ${w}\n`);
      const { plans, problems } = await buildPlans(registry, source, ctx, target, o);
      if (o.format === 'json') {
        const data = target === 'all' ? { plans: plans.map(planJson), counts: planCounts(plans), problems } : planJson(plans[0] as Plan);
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const paint = painter(colorEnabled());
      if (target === 'all') {
        process.stdout.write(plans.length === 0 && problems.length === 0 ? 'No failing check has an automatic fix: nothing to plan.\n' : renderPlansText(plans, paint));
        for (const p of problems) process.stdout.write(`${paint('yellow', 'Not planned:')} ${p}\n`);
      } else {
        process.stdout.write(renderPlanText(plans[0] as Plan, paint));
      }
      if (source.mode !== 'live' && plans.some((p) => p.actions.length > 0)) {
        process.stderr.write(`This plan was made on the ${source.mode === 'demo' ? 'demo account' : 'snapshot'}; it can be reviewed but not applied.\n`);
      }
    } finally {
      source.close();
    }
  });
}

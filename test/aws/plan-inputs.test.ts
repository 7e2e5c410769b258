/**
 * Every call a fix plans, and every call its undo sends, matches the AWS API as the SDK models it
 * (src/aws/input-shape.ts): no member the operation lacks, every required member, each value of its
 * member's type. Planned over the demo account, the permission scenarios and the README table's samples.
 */
import * as iam from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { inputProblems, inputProblemsIn } from '../../src/aws/input-shape.js';
import { SDK_COMMANDS } from '../../src/aws/sdk-commands.js';
import { isService } from '../../src/aws/services.js';
import { buildDemoState } from '../../src/demo/account.js';
import type { PlannedCall } from '../../src/engine/model.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import type { AccountState } from '../../src/engine/state.js';
import { SCENARIOS } from '../engine/fix-permissions-scenarios.js';
import { samples } from '../helpers/fix-table.js';
import { ctx, NOW } from '../helpers/state.js';

const registry = await loadRegistry();

function planned(): { where: string; call: PlannedCall }[] {
  const runs: { name: string; state: AccountState; fix?: string; options?: Record<string, string>; settings?: Parameters<typeof ctx>[0] }[] = [
    { name: 'demo account', state: buildDemoState(NOW) },
    ...SCENARIOS,
    ...samples().map((s) => ({ name: s.what, state: s.state, fix: s.fix, options: s.options })),
  ];
  const out: { where: string; call: PlannedCall }[] = [];
  for (const run of runs) {
    for (const def of registry.remediations) {
      if (run.fix && run.fix !== def.id) continue;
      try {
        const plan = makePlan(registry, def.id, run.state, ctx(run.settings ?? {}), { options: run.options ?? {} });
        for (const a of plan.actions) {
          out.push({ where: `${def.id} over ${run.name}`, call: a });
          for (const u of a.undo ?? []) out.push({ where: `${def.id}'s undo over ${run.name}`, call: u });
        }
      } catch {
        // A fix that refuses over this state sends nothing.
      }
    }
  }
  return out;
}

describe("planned calls match the AWS API's input shapes", () => {
  it('every fix, every undo, over the demo and the scenarios', async () => {
    const calls = planned();
    expect(calls.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const { where, call } of calls) {
      if (!isService(call.service)) {
        problems.push(`${where}: unknown service ${call.service}`);
        continue;
      }
      for (const p of await inputProblems(call.service, call.command, call.input)) problems.push(`${where}: ${call.service} ${call.command}: ${p}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  // The executable bundles only the commands src/aws/sdk-commands.ts lists; one missing there would
  // make a fix load its service's whole SDK package (tens of megabytes) from node_modules.
  it('every command a fix or undo sends is in the bundled list of commands', async () => {
    const missing = new Set<string>();
    for (const { call } of planned()) {
      const load = isService(call.service) ? SDK_COMMANDS[call.service] : undefined;
      const m = load ? await load() : {};
      if (typeof m[`${call.command}Command`] !== 'function') missing.add(`${call.service} ${call.command}`);
    }
    for (const [service, command] of [['securityhub', 'BatchImportFindings'], ['securityhub', 'BatchUpdateFindings']] as const) {
      const m = await SDK_COMMANDS[service]?.();
      if (typeof m?.[`${command}Command`] !== 'function') missing.add(`${service} ${command}`);
    }
    expect([...missing].sort()).toEqual([]);
  });

  it('names a misspelt member, a missing required one, and a value of the wrong type', () => {
    const pkg = iam as unknown as Record<string, unknown>;
    expect(inputProblemsIn(pkg, 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: '14', RequireSymbol: true })).toEqual([
      'MinimumPasswordLength must be a number, not "14"',
      'RequireSymbol is not a member of UpdateAccountPasswordPolicyRequest',
    ]);
    expect(inputProblemsIn(pkg, 'UpdateAssumeRolePolicy', { RoleName: 'r' })).toEqual(['PolicyDocument is required by UpdateAssumeRolePolicyRequest']);
    expect(inputProblemsIn(pkg, 'AddUserToGroup', { GroupName: 'g', UserName: ['a'] })).toEqual(['UserName must be a string, not a list']);
    expect(inputProblemsIn(pkg, 'TagUser', { UserName: 'u', Tags: [{ Key: 'k', Valu: 'v' }] })).toEqual(['Tags[0].Valu is not a member of Tag', 'Tags[0].Value is required by Tag']);
    expect(inputProblemsIn(pkg, 'DeleteEverything', {})).toEqual(['the SDK has no DeleteEverything operation']);
  });

  it('takes a value AWS returns while the plan runs in place of any type', () => {
    const pkg = iam as unknown as Record<string, unknown>;
    expect(inputProblemsIn(pkg, 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: '{{policy-us-east-1.Length}}' })).toEqual([]);
  });
});

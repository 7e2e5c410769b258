/**
 * Permissions checked, not hoped: every call a fix plans, and every call its undo sends, is authorized
 * by an IAM action the fix declares (looked up in the command → IAM action table), on the resources
 * the fix scopes it to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import { actionsOfCall, requestOf } from '../../src/engine/iam-actions.js';
import type { Plan, PlannedCall, RemediationDef } from '../../src/engine/model.js';
import { fixAllows } from '../../src/engine/permissions.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import type { AccountState } from '../../src/engine/state.js';
import { ctx, NOW } from '../helpers/state.js';
import { SCENARIOS } from './fix-permissions-scenarios.js';

const registry = await loadRegistry();

interface Sent {
  readonly fix: string;
  readonly scenario: string;
  readonly undo: boolean;
  readonly call: PlannedCall;
  readonly state: AccountState;
  readonly plan: Plan;
}

/** Every call each fix plans, and each undo call, over the demo account and the scenarios. */
function collect(): { sent: Sent[]; refused: string[] } {
  const out: Sent[] = [];
  const refused: string[] = [];
  const runs: { name: string; state: AccountState; fix?: string; options?: Record<string, string>; settings?: Parameters<typeof ctx>[0] }[] = [
    { name: 'demo account', state: buildDemoState(NOW) },
    ...SCENARIOS,
  ];
  for (const run of runs) {
    for (const def of registry.remediations) {
      if (run.fix && run.fix !== def.id) continue;
      let plan: Plan;
      try {
        plan = makePlan(registry, def.id, run.state, ctx(run.settings ?? {}), { options: run.options ?? {} });
      } catch (e) {
        // A fix that refuses over this state sends nothing; a scenario made for the fix must plan.
        if (run.fix) refused.push(`${run.name}: ${(e as Error).message}`);
        continue;
      }
      if (run.fix && plan.actions.length === 0) refused.push(`${run.name}: ${def.id} plans nothing`);
      for (const a of plan.actions) {
        out.push({ fix: def.id, scenario: run.name, undo: false, call: a, state: run.state, plan });
        for (const u of a.undo ?? []) out.push({ fix: def.id, scenario: run.name, undo: true, call: u, state: run.state, plan });
      }
    }
  }
  return { sent: out, refused };
}

const { sent: SENT, refused: REFUSED } = collect();

/** The path of a role the state holds, or that the plan creates (a service-linked role's by its service). */
function pathOf(s: Sent) {
  return (name: string): string | undefined => {
    const auth = s.state.global['iam.authorization'];
    const known = auth?.ok ? auth.value.roles.find((r) => r.name === name) : undefined;
    if (known) return known.path;
    const created = s.plan.actions.find((a) => a.command === 'CreateRole' && a.input.RoleName === name);
    if (typeof created?.input.Path === 'string') return created.input.Path;
    const slr = s.plan.actions.find((a) => a.command === 'CreateServiceLinkedRole');
    if (slr && s.call.command === 'DeleteServiceLinkedRole') return `/aws-service-role/${String(slr.input.AWSServiceName)}/`;
    return undefined;
  };
}

describe('every call a fix sends is authorized by its declared permissions', () => {
  it('plans each fix over the scenarios made for it', () => {
    expect(REFUSED).toEqual([]);
  });

  it('knows the IAM action of every command any fix or undo sends', () => {
    const unknown = [...new Set(SENT.filter((s) => actionsOfCall(s.call) === undefined).map((s) => `${s.call.service} ${s.call.command} (${s.fix})`))];
    expect(unknown).toEqual([]);
  });

  it('finds each call’s IAM actions in the fix’s permissions, on the resources the fix scopes them to', () => {
    const gaps = new Set<string>();
    for (const s of SENT) {
      const def = registry.remediation(s.fix) as RemediationDef;
      const where = { partition: s.state.identity.partition, account: s.state.identity.accountId, pathOf: pathOf(s) };
      for (const need of actionsOfCall(s.call) ?? []) {
        const req = requestOf(s.call, need, where);
        if (!fixAllows(def, { action: need.action, ...req }, { account: where.account, partition: where.partition, options: s.plan.options })) {
          gaps.add(`${s.fix}: ${s.undo ? 'undo ' : ''}${s.call.service} ${s.call.command} needs ${need.action}${req.resource ? ` on ${req.resource}` : ''}${req.context ? ` ${JSON.stringify(req.context)}` : ''}`);
        }
      }
    }
    expect([...gaps].sort()).toEqual([]);
  });

  it('exercises every command each fix’s source can send (plan and undo), so no branch goes unchecked', () => {
    const missing: string[] = [];
    for (const def of registry.remediations) {
      const src = readFileSync(new URL(`../../remediations/${def.id}.ts`, import.meta.url), 'utf8');
      // The helpers it imports from remediations/lib/ (every command they name), and the helpers those
      // import in turn (their forward commands only: a helper may drop the undo of what it borrows, as
      // logs.ts keeps the key kms.ts makes).
      const direct = new Set([...src.matchAll(/from '\.\/lib\/([a-z-]+)\.js'/g)].map((m) => m[1] as string));
      const names = new Set(direct);
      const libs: string[] = [];
      for (const name of names) {
        const text = readFileSync(new URL(`../../remediations/lib/${name}.ts`, import.meta.url), 'utf8');
        libs.push(direct.has(name) ? text : text.split('\n').filter((line) => !/\bundo:/.test(line)).join('\n'));
        for (const m of text.matchAll(/from '\.\/([a-z-]+)\.js'/g)) names.add(m[1] as string);
      }
      const literal = new Set([src, ...libs].flatMap((t) => [...t.matchAll(/command: '([A-Za-z]+)'/g)].map((m) => m[1] as string)));
      const seen = new Set(SENT.filter((s) => s.fix === def.id).map((s) => s.call.command));
      for (const c of literal) if (!seen.has(c)) missing.push(`${def.id} ${c}`);
    }
    expect(missing).toEqual([]);
  });
});

/** IAM actions that create, change or hand out a role: granted on "*", they let the holder make themselves an administrator. */
const ROLE_ACTIONS = ['iam:PassRole', 'iam:CreateRole', 'iam:DeleteRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole'];

describe('role actions are scoped to the roles a fix creates', () => {
  it('no fix declares a role action without scoping it to named roles', () => {
    const loose = registry.remediations.flatMap((def) =>
      def.permissions.filter((p) => ROLE_ACTIONS.includes(p) && !(def.scopes ?? []).some((s) => s.actions.includes(p))).map((p) => `${def.id}: ${p}`),
    );
    expect(loose).toEqual([]);
  });

  it('every scoped action is one the fix declares, on role ARNs without a wildcard in the name', () => {
    const bad = registry.remediations.flatMap((def) =>
      (def.scopes ?? []).flatMap((s) => [
        ...s.actions.filter((a) => !def.permissions.includes(a)).map((a) => `${def.id}: ${a} is scoped but not declared`),
        ...s.resources.filter((r) => !/^arn:\{partition\}:iam::\{account\}:role\/[^*?]+$/.test(r)).map((r) => `${def.id}: ${r}`),
      ]),
    );
    expect(bad).toEqual([]);
  });

  it('refuses a call on a role other than the one the fix names', () => {
    const def = registry.remediation('vpc-flow-logs') as RemediationDef;
    const values = { account: '111122223333', partition: 'aws', options: { role: 'hipaa-wizard-vpc-flow-logs' } };
    expect(fixAllows(def, { action: 'iam:PutRolePolicy', resource: 'arn:aws:iam::111122223333:role/hipaa-wizard-vpc-flow-logs' }, values)).toBe(true);
    expect(fixAllows(def, { action: 'iam:PutRolePolicy', resource: 'arn:aws:iam::111122223333:role/Admin' }, values)).toBe(false);
    expect(fixAllows(def, { action: 'iam:PassRole', resource: 'arn:aws:iam::111122223333:role/Admin' }, values)).toBe(false);
    const alarms = registry.remediation('security-alarms') as RemediationDef;
    const arn = 'arn:aws:iam::111122223333:role/hipaa-wizard-cloudtrail-to-logs';
    expect(fixAllows(alarms, { action: 'iam:PassRole', resource: arn, context: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } }, values)).toBe(true);
    expect(fixAllows(alarms, { action: 'iam:PassRole', resource: arn, context: { 'iam:PassedToService': 'ec2.amazonaws.com' } }, values)).toBe(false);
  });
});

describe('a fix declares only what it sends', () => {
  it('every declared action beyond a scan is sent by some plan or undo over the demo account and the scenarios', async () => {
    const { collectorPermissions } = await import('../../src/session/collector-permissions.js');
    const { scanActions } = await import('../../src/engine/permissions.js');
    const scan = new Set(scanActions(registry, await collectorPermissions()));
    const unused: string[] = [];
    for (const def of registry.remediations) {
      const used = new Set(SENT.filter((s) => s.fix === def.id).flatMap((s) => (actionsOfCall(s.call) ?? []).map((n) => n.action)));
      for (const p of def.permissions) if (!scan.has(p) && !used.has(p)) unused.push(`${def.id}: ${p}`);
    }
    expect(unused.sort()).toEqual([]);
  });
});

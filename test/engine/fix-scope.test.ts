/**
 * One scope rule (issue 12): a fix changes only resources its checks failed, read from the checks'
 * own results. Over the demo account and the permission scenarios, every change an action makes to
 * an existing resource (effect "~") names a resource one of the fix's checks reported as failing.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runCheckById } from '../../src/engine/runner.js';
import type { AccountState } from '../../src/engine/state.js';
import { ctx, NOW } from '../helpers/state.js';
import { SCENARIOS } from './fix-permissions-scenarios.js';

const registry = await loadRegistry();
/** The fixes that change existing resources one by one (account-wide settings have no resource to match). */
const PER_RESOURCE = [
  'kms-rotation',
  'log-retention',
  'dynamodb-deletion-protection',
  'dynamodb-pitr',
  'rds-deletion-protection',
  'rds-backup-retention',
  'trail-log-validation',
  'efs-backup-policy',
  'subnet-auto-public-ip',
  's3-encryption-kms',
  's3-deny-non-tls',
  's3-versioning',
  'ecr-scan-on-push',
  'emr-block-public-access',
  's3-bucket-block-public-access',
  'revoke-open-ingress',
  'cancel-key-deletion',
];

/** The names a failing resource goes by in a call: its id, and the last part of an ARN. */
const namesOf = (id: string) => [id, id.split(/[:/]/).pop() ?? id].filter(Boolean);

describe('a fix changes only what its checks failed', () => {
  it('every change to an existing resource names a failing resource of the fixed checks', () => {
    const runs: { name: string; state: AccountState; fix?: string; options?: Record<string, string> }[] = [{ name: 'demo account', state: buildDemoState(NOW) }, ...SCENARIOS];
    const outside: string[] = [];
    let checked = 0;
    for (const run of runs) {
      for (const id of PER_RESOURCE) {
        if (run.fix && run.fix !== id) continue;
        const def = registry.remediation(id);
        if (!def) throw new Error(`no fix ${id}`);
        let plan: ReturnType<typeof makePlan>;
        try {
          plan = makePlan(registry, id, run.state, ctx(), { options: run.options ?? {} });
        } catch {
          continue;
        }
        const failing = def.fixes.flatMap((c) => (runCheckById(registry, c, run.state, ctx())?.resources ?? []).filter((r) => r.status === 'fail').flatMap((r) => namesOf(r.id)));
        // A change to what the plan itself creates (rotation of its new key) is not a change to an existing resource.
        const created = new Set(plan.actions.filter((x) => x.effect === '+').map((x) => x.resource));
        for (const a of plan.actions.filter((x) => x.effect === '~' && !created.has(x.resource))) {
          checked++;
          const said = `${a.resource} ${JSON.stringify(a.input)} ${a.region}`;
          if (!failing.some((n) => said.includes(n))) outside.push(`${id} over ${run.name}: ${a.command} ${a.resource}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });
});

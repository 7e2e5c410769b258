/**
 * The walk's connections to the records folder (src/records) and to the apply executor
 * (src/engine/apply.ts), in the shapes the walk asks for. Record validation errors come back as
 * FormProblem so the form can show the sentence and let the person correct it.
 */
import { type ApplyDeps, applyPlan } from '../engine/apply.js';
import type { Registry } from '../engine/registry.js';
import { RecordsError, loadRecordsView, recordAttestation, recordDecision } from '../records/index.js';
import { loadDemoRecords } from '../records/demo-base.js';
import { registerJournal } from '../records/journal-port.js';
import { stoppable } from '../session/interrupt.js';
import { currentUser } from '../records/store.js';
import type { BaseRecords } from '../records/view.js';
import type { Source } from '../session/source.js';
import type { ActionProgress } from './state.js';
import { type ApplyPort, FormProblem, type RecordsPort } from './services.js';

async function saying<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof RecordsError) throw new FormProblem(e.message);
    throw e;
  }
}

/** The records folder, with the demo's sample records layered underneath in demo mode. */
export function recordsPort(registry: Registry, demoBase: (now: Date) => Promise<BaseRecords | undefined> = loadDemoRecords): RecordsPort {
  return {
    load: async (dir: string, mode: Source['mode'], now: Date) => loadRecordsView(dir, mode === 'demo' ? await demoBase(now) : undefined),
    decide: (dir, input) =>
      saying(async () => {
        await recordDecision(
          dir,
          {
            subject: input.subject,
            status: input.status,
            reason: input.reason,
            alternative: input.alternative,
            owner: input.decidedBy,
            decidedBy: input.decidedBy,
            reviewBy: input.reviewBy,
            ...(input.accounts?.length ? { scope: { accounts: [...input.accounts] } } : {}),
          },
          { registry },
        );
      }),
    attest: (dir, input) =>
      saying(async () => {
        await recordAttestation(dir, input, { registry });
      }),
  };
}

/**
 * Apply through the one executor, with progress per action and the re-check's results. `deps`
 * replaces parts of the executor's environment (tests: how the account is read again, the journal).
 */
export function makeApplyPort(deps: Pick<Partial<ApplyDeps>, 'collect' | 'journal' | 'by'> = {}): ApplyPort {
  return async (plan, env) => {
  // Only a live source has clients: the demo and a snapshot cannot be changed.
  if (env.source.mode !== 'live') throw new Error(`This is the ${env.source.mode === 'demo' ? 'demo account' : 'snapshot'}: nothing can be changed.`);
  const clients = env.source.clients;
  // In plain mode Ctrl-C is a SIGINT while a fix runs: it stops after the call in flight, journaled.
  const outcome = await stoppable((signal) => applyPlan(plan, {
    ...registerJournal,
    by: currentUser(),
    signal,
    ...deps,
    clients,
    source: env.source,
    registry: env.registry,
    ctx: env.ctx,
    recordsDir: env.recordsDir,
    onAction: (e) => {
      const status: ActionProgress['status'] = e.type === 'start' ? 'running' : e.type === 'done' ? 'done' : 'failed';
      env.onProgress(e.index, status, e.type === 'failed' ? e.error : undefined);
    },
  }));
  for (const r of outcome.results) if (r.status === 'not-run') env.onProgress(r.index, 'skipped', 'not run');
  return {
    ok: outcome.status === 'applied' || outcome.status === 'nothing-to-do',
    message: outcome.message,
    ...(outcome.status === 'interrupted' ? { interrupted: true } : {}),
    verified: outcome.verification.map((v) => ({ id: v.check, status: v.status, message: v.message })),
  };
  };
}

export const applyPort: ApplyPort = makeApplyPort();
